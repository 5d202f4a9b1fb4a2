import { dossierStatuses } from '@motcua/core'
import type { Applicant, dossierEvents, units } from '@motcua/db'
import type { DossierChange, DossierSnapshot } from '@motcua/plugin-sdk'
import type { DossierRow } from '../dossiers/act'
import type { PublishedVersion } from '../procedures/registry'

const iso = (d: Date | null) => (d ? d.toISOString() : null)

/**
 * A dossier as plugins see it, without its form (`form: null`): the host gives each plugin the fields it declared
 * ({@link withDeclaredForm}).
 */
export function dossierSnapshot(
  d: DossierRow,
  unit: Pick<typeof units.$inferSelect, 'code' | 'name' | 'electronicId'>,
  procedure: PublishedVersion,
): DossierSnapshot {
  return {
    receiptCode: d.receiptCode,
    procedure: { code: procedure.code, name: procedure.definition.name, version: procedure.version },
    unit: { code: unit.code, name: unit.name, electronicId: unit.electronicId },
    channel: d.channel as 1 | 2 | 3,
    status: d.status,
    statusName: dossierStatuses[d.status as keyof typeof dossierStatuses].vi,
    currentStep: d.currentStep,
    applicant: d.applicant as Applicant,
    submittedAt: d.submittedAt.toISOString(),
    receivedAt: iso(d.receivedAt),
    dueAt: iso(d.dueAt),
    doneAt: iso(d.doneAt),
    returnedAt: iso(d.returnedAt),
    fees: d.fees,
    form: null,
  }
}

/**
 * The snapshot one plugin sees: only the top-level form fields it declared in `reads` for the dossier's procedure
 * (`form: null` when it declared none). Nothing else of the form ever reaches a plugin.
 */
export function withDeclaredForm(
  snapshot: DossierSnapshot,
  reads: Readonly<Record<string, readonly string[]>>,
  formData: unknown,
): DossierSnapshot {
  const code = snapshot.procedure.code
  const data = declaredFields(reads, code, formData)
  return { ...snapshot, form: data ? { procedure: code, data } : null }
}

/** The top-level form fields a plugin declared for a procedure, taken from its form data; null when it declared none. */
export function declaredFields(
  reads: Readonly<Record<string, readonly string[]>>,
  procedureCode: string,
  formData: unknown,
): Record<string, unknown> | null {
  const fields = Object.hasOwn(reads, procedureCode) ? reads[procedureCode]! : []
  if (fields.length === 0) return null
  const data = typeof formData === 'object' && formData !== null && !Array.isArray(formData) ? formData : {}
  return Object.fromEntries(
    fields.filter((f) => Object.hasOwn(data, f)).map((f) => [f, (data as Record<string, unknown>)[f]]),
  )
}

/** The change a logged event describes. */
export function dossierChange(e: typeof dossierEvents.$inferInsert): DossierChange {
  const data = (e.data ?? {}) as Record<string, unknown>
  return {
    action: e.action,
    actionKey: typeof data.actionKey === 'string' ? data.actionKey : null,
    label: typeof data.label === 'string' ? data.label : null,
    fromStatus: e.fromStatus ?? null,
    toStatus: e.toStatus,
    at: (e.at ?? new Date()).toISOString(),
    note: e.note ?? null,
    data,
  }
}

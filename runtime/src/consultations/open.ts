import { type DossierState, effectiveSteps, stepDueDates } from '@motcua/core'
import { consultations, type Db, dossierEvents } from '@motcua/db'
import { and, eq, isNull } from 'drizzle-orm'
import type { DossierRow } from '../dossiers/act'
import type { PublishedVersion } from '../procedures/registry'
import type { UnitDirectory, UnitRow } from '../units/unit-directory'
import { resolveUnitRef } from '../units/unit-ref'

/** A consultation to open: the unit asked, the role that answers, and its deadline by the unit's own calendar. */
export interface PlannedConsultation {
  unit: UnitRow
  role: string
  dueAt: Date
}

/**
 * The consultations a transition opens: one per unit of the target step's `consult` when the dossier enters a
 * consultation step, none otherwise. Resolved before the transaction (the units and calendars are in memory).
 */
export async function planConsultations(
  units: UnitDirectory,
  definition: PublishedVersion['definition'],
  dossier: Pick<DossierRow, 'unitId' | 'currentStep'> & { receivingUnitId?: string | null },
  next: Pick<DossierState, 'currentStep' | 'caseKey'>,
  now: Date,
): Promise<PlannedConsultation[]> {
  if (next.currentStep === null || next.currentStep === dossier.currentStep) return []
  const consult = effectiveSteps(definition, next.caseKey).find((s) => s.key === next.currentStep)?.consult
  if (!consult) return []
  const planned = await Promise.all(
    consult.units.map(async (ref) => {
      const unit = await resolveUnitRef(units, ref, dossier)
      const calendar = await units.calendarOf(unit.id)
      return { unit, role: consult.role ?? 'specialist', dueAt: stepDueDates(calendar, now, [consult.budget])[0]! }
    }),
  )
  // two references may name one unit for this dossier ({ up: 'district' } and its code): it is asked once
  return planned.filter((p, i) => planned.findIndex((q) => q.unit.id === p.unit.id) === i)
}

/**
 * What a transition does to consultations, in its transaction: leaving a step closes the requests still open,
 * and entering a consultation step opens the planned ones (round = the transition's event seq), each logged
 * with its own event. Returns the last event seq written.
 */
export async function consultationsOnTransition(
  tx: Db,
  input: {
    dossier: Pick<DossierRow, 'id' | 'status'>
    fromStep: string | null
    toStep: string | null
    seq: number
    actor: { userId: string | null; role: string | null }
    planned: PlannedConsultation[]
    now: Date
  },
): Promise<number> {
  const { dossier, seq, actor, now } = input
  if (input.fromStep === input.toStep) return seq
  await tx
    .update(consultations)
    .set({ closedAt: now })
    .where(
      and(eq(consultations.dossierId, dossier.id), isNull(consultations.answeredAt), isNull(consultations.closedAt)),
    )
  if (input.planned.length === 0 || input.toStep === null) return seq
  const rows = await tx
    .insert(consultations)
    .values(
      input.planned.map((p) => ({
        dossierId: dossier.id,
        step: input.toStep!,
        round: seq,
        unitId: p.unit.id,
        role: p.role,
        openedAt: now,
        dueAt: p.dueAt,
      })),
    )
    .returning({ id: consultations.id })
  await tx.insert(dossierEvents).values(
    input.planned.map((p, i) => ({
      dossierId: dossier.id,
      seq: seq + 1 + i,
      at: now,
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'openConsultation',
      fromStep: input.toStep,
      toStep: input.toStep,
      fromStatus: dossier.status,
      toStatus: dossier.status,
      note: null,
      data: {
        label: `Gửi lấy ý kiến: ${p.unit.name}`,
        consultationId: rows[i]!.id,
        unitCode: p.unit.code,
        consultedUnit: p.unit.name,
        consultationDueAt: p.dueAt.toISOString(),
      },
    })),
  )
  return seq + input.planned.length
}

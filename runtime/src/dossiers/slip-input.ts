import { effectiveSteps } from '@motcua/core'
import { attachments, type Db } from '@motcua/db'
import { eq } from 'drizzle-orm'
import type { SlipEvent, SlipInput } from '../slips'
import type { UnitDirectory } from '../units/unit-directory'
import { eventLog } from './events'
import type { LoadedDossier } from './load-dossier'
import { registerEntry } from './register-lines'

/**
 * What a slip is printed from: the dossier, its procedure, files and event log, and the unit that issues it (the
 * receiving counter for the receipt and the refusal, the resolving unit for the others).
 * @example const input = await slipInputOf(c.var, found, { atCounter: true, receipt: true, origin, pin, officerName: null, now })
 */
export async function slipInputOf(
  services: { database: { db: Db }; units: UnitDirectory },
  { dossier, unit: resolving, procedure }: LoadedDossier,
  options: {
    atCounter: boolean
    receipt: boolean
    origin: string
    pin: string | null
    officerName: string | null
    now: Date
  },
): Promise<SlipInput> {
  const { db } = services.database
  const unit = options.atCounter
    ? ((await services.units.byId(dossier.receivingUnitId ?? dossier.unitId)) ?? resolving)
    : resolving
  const parent = unit.parentId ? await services.units.byId(unit.parentId) : undefined
  const rows = await eventLog(db, dossier.id)
  const files = await db
    .select({ componentKey: attachments.componentKey, fileName: attachments.fileName })
    .from(attachments)
    .where(eq(attachments.dossierId, dossier.id))
  const def = procedure.definition
  const stepName = (key: string | null) =>
    key ? (effectiveSteps(def, dossier.caseKey).find((s) => s.key === key)?.name ?? key) : null
  const events: SlipEvent[] = rows.map(({ event: e, actorName }) => {
    const data = (e.data ?? {}) as Record<string, unknown>
    return {
      seq: e.seq,
      at: e.at,
      action: e.action,
      actionLabel: typeof data.label === 'string' ? data.label : e.action === 'submit' ? 'Nộp hồ sơ' : e.action,
      actorName,
      actorRole: e.actorRole,
      fromStep: e.fromStep,
      toStep: e.toStep,
      fromStepName: stepName(e.fromStep),
      toStepName: stepName(e.toStep),
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      note: e.note,
      stepDueAt: e.stepDueAt,
      data,
    }
  })
  return {
    dossier: { ...dossier, channel: dossier.channel as 1 | 2 | 3 },
    procedure: {
      code: def.code,
      name: def.name,
      processingTimeText: def.processingTime.text ?? null,
      components: def.components,
    },
    attachments: files,
    unit: { code: unit.code, name: unit.name, electronicId: unit.electronicId, parentName: parent?.name ?? null },
    events,
    trackUrl: `${options.origin}/tra-cuu/${encodeURIComponent(dossier.receiptCode)}`,
    register: options.receipt ? await registerEntry(db, dossier) : null,
    pin: options.pin,
    officerName: options.officerName,
    now: options.now,
  }
}

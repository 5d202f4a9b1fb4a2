import { effectiveSteps, type ProcedureDefinition } from '@motcua/core'
import { type Db, dossierEvents } from '@motcua/db'
import { and, eq, inArray } from 'drizzle-orm'
import type { UnitDirectory, UnitRow } from '../units/unit-directory'
import { resolveUnitRef } from '../units/unit-ref'

/** The event actions that record a dossier passing between units (liên thông): to a new unit, or back to one. */
export const HAND_ACTIONS = ['handOver', 'handBack'] as const
export type HandAction = (typeof HAND_ACTIONS)[number]

/** A unit as a hand-over event records it. */
export interface HandUnit {
  id: string
  code: string
  name: string
}

const handUnit = (u: UnitRow): HandUnit => ({ id: u.id, code: u.code, name: u.name })

/**
 * The unit that handles a dossier at a step: the step's `unit` resolved for the dossier (absent = the resolving
 * unit, `"receiving"` = where it was received); null once the dossier has ended.
 * @example await handlingUnit(units, def, { caseKey: null, currentStep: 'tham_dinh' }, dossier) // the district
 */
export async function handlingUnit(
  units: UnitDirectory,
  definition: ProcedureDefinition,
  state: { caseKey: string | null; currentStep: string | null },
  dossier: { unitId: string; receivingUnitId?: string | null },
): Promise<UnitRow | null> {
  if (!state.currentStep) return null
  const step = effectiveSteps(definition, state.caseKey).find((s) => s.key === state.currentStep)
  return resolveUnitRef(units, step?.unit, dossier)
}

/**
 * The log row that records a dossier passing from one unit to another, written in the transaction of the
 * transition that moved it (same actor, same time, same step and status). `handBack` when the dossier returns to a
 * unit that handed it over earlier (the commune receiving the district's answer, the centre receiving the result).
 */
export async function handOverRow(
  tx: Db,
  dossier: { id: string; step: string | null; status: number },
  seq: number,
  at: Date,
  actor: { userId: string | null; role: string | null },
  from: UnitRow,
  to: UnitRow,
): Promise<typeof dossierEvents.$inferInsert> {
  const earlier = await tx
    .select({ data: dossierEvents.data })
    .from(dossierEvents)
    .where(and(eq(dossierEvents.dossierId, dossier.id), inArray(dossierEvents.action, [...HAND_ACTIONS])))
  const back = earlier.some((e) => (e.data as { fromUnit?: HandUnit } | null)?.fromUnit?.id === to.id)
  const action: HandAction = back ? 'handBack' : 'handOver'
  return {
    dossierId: dossier.id,
    seq,
    at,
    actorUserId: actor.userId,
    actorRole: actor.role,
    action,
    fromStep: dossier.step,
    toStep: dossier.step,
    fromStatus: dossier.status,
    toStatus: dossier.status,
    data: { fromUnit: handUnit(from), toUnit: handUnit(to), label: handLabel(action, to.name).vi },
  }
}

/** How a hand-over reads in the log and in public tracking. */
export const handLabel = (action: HandAction, toName: string): { vi: string; en: string } =>
  action === 'handBack'
    ? { vi: `Chuyển trả hồ sơ về ${toName}`, en: `Handed back to ${toName}` }
    : { vi: `Chuyển hồ sơ đến ${toName}`, en: `Handed over to ${toName}` }

/** Whether an event is a hand-over between units, with the units it names. */
export const handUnits = (event: {
  action: string
  data: unknown
}): { action: HandAction; fromUnit: HandUnit; toUnit: HandUnit } | null => {
  if (!(HAND_ACTIONS as readonly string[]).includes(event.action)) return null
  const data = event.data as { fromUnit?: HandUnit; toUnit?: HandUnit } | null
  if (!data?.fromUnit || !data.toUnit) return null
  return { action: event.action as HandAction, fromUnit: data.fromUnit, toUnit: data.toUnit }
}

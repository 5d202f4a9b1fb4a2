import {
  type ConsultationRequest,
  completeConsultation,
  consultationState,
  effectiveSteps,
  type Opinion,
} from '@motcua/core'
import { consultations, type Db, dossierEvents, dossiers } from '@motcua/db'
import { and, desc, eq, isNull, max } from 'drizzle-orm'
import { type DossierRow, roleAtStep, stateOf } from '../dossiers/act'
import { transitionRow } from '../dossiers/events'
import type { PluginHost } from '../plugins/plugin-host'
import { dossierChange, dossierSnapshot } from '../plugins/snapshot'
import type { PublishedVersion } from '../procedures/registry'
import type { UnitDirectory } from '../units/unit-directory'

export type ConsultationRow = typeof consultations.$inferSelect

export const asRequest = (r: ConsultationRow): ConsultationRequest => ({
  dueAt: r.dueAt,
  answeredAt: r.answeredAt,
  opinion: r.opinion as Opinion | null,
})

/** The consultation step the dossier waits at, if any. */
export const consultationStep = (procedure: PublishedVersion, dossier: DossierRow) =>
  dossier.currentStep
    ? effectiveSteps(procedure.definition, dossier.caseKey).find((s) => s.key === dossier.currentStep && s.consult)
    : undefined

/** The requests of the dossier's current round (the last one opened at its current step). */
export async function currentRound(tx: Db, dossier: DossierRow): Promise<ConsultationRow[]> {
  if (!dossier.currentStep) return []
  const [last] = await tx
    .select({ round: consultations.round })
    .from(consultations)
    .where(and(eq(consultations.dossierId, dossier.id), eq(consultations.step, dossier.currentStep)))
    .orderBy(desc(consultations.round))
    .limit(1)
  if (!last) return []
  return tx
    .select()
    .from(consultations)
    .where(and(eq(consultations.dossierId, dossier.id), eq(consultations.round, last.round)))
}

/** The dossier row, locked until the transaction ends: answers to one dossier are taken one at a time. */
export async function lockDossier(tx: Db, id: string): Promise<DossierRow | undefined> {
  const [row] = await tx.select().from(dossiers).where(eq(dossiers.id, id)).for('update')
  return row
}

export interface MoveOnInput {
  procedure: PublishedVersion
  units: UnitDirectory
  plugins?: PluginHost
  now: Date
  /** The officer concluding by hand; absent = the system (the last answer, or the sweep). */
  actor?: { userId: string; role: string }
}

/**
 * Moves a (locked) dossier on from its consultation step when its round is complete, in the caller's
 * transaction: the transition to `then` with an event tallying the answers, the requests still open closed.
 * Returns the updated dossier, or undefined when the dossier is not at a consultation step or the round is open.
 */
export async function moveOnIfComplete(
  tx: Db,
  dossier: DossierRow,
  input: MoveOnInput,
): Promise<DossierRow | undefined> {
  const step = consultationStep(input.procedure, dossier)
  if (!step || dossier.pausedAt) return undefined
  const round = await currentRound(tx, dossier)
  const requests = round.map(asRequest)
  if (consultationState(requests, step.consult!.quorum, input.now).state === 'open') return undefined
  const calendar = await input.units.calendarOf(dossier.unitId)
  const { next, event } = completeConsultation(input.procedure.definition, stateOf(dossier), requests, {
    calendar,
    now: input.now,
  })
  const [updated] = await tx
    .update(dossiers)
    .set({
      ...next,
      currentRole: roleAtStep(input.procedure.definition, next),
      version: dossier.version + 1,
      updatedAt: input.now,
    })
    .where(and(eq(dossiers.id, dossier.id), eq(dossiers.version, dossier.version)))
    .returning()
  if (!updated) return undefined
  const [last] = await tx
    .select({ seq: max(dossierEvents.seq) })
    .from(dossierEvents)
    .where(eq(dossierEvents.dossierId, dossier.id))
  const actor = input.actor ?? { userId: null, role: 'system' }
  const row = transitionRow(dossier.id, (last?.seq ?? 0) + 1, input.now, actor, event)
  await tx.insert(dossierEvents).values(row)
  await tx
    .update(consultations)
    .set({ closedAt: input.now })
    .where(
      and(eq(consultations.dossierId, dossier.id), isNull(consultations.answeredAt), isNull(consultations.closedAt)),
    )
  const unit = await input.units.byId(dossier.unitId)
  if (unit)
    await input.plugins?.queueHooks(tx, {
      unitId: dossier.unitId,
      dossierId: dossier.id,
      snapshot: dossierSnapshot(updated, unit, input.procedure),
      formData: updated.formData,
      change: dossierChange(row),
      uses: input.procedure.definition.plugins,
    })
  return updated
}

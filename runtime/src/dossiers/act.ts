import {
  type ActionInputs,
  applyAction,
  availableActions,
  type CallOut,
  type Channel,
  DomainError,
  type DossierState,
  effectiveSteps,
  findAction,
  type GuardContext,
  type Role,
  roles,
  ruleChannels,
} from '@motcua/core'
import { type Db, dossierEvents, dossiers, type units, withTransaction } from '@motcua/db'
import { and, eq, max } from 'drizzle-orm'
import type { Principal } from '../auth/principal'
import { clockStopsOf } from '../calendars/replay-due'
import { consultationsOnTransition, planConsultations } from '../consultations/open'
import type { DossierCounters } from '../metrics/runtime-metrics'
import type { PluginHost } from '../plugins/plugin-host'
import { dossierChange, dossierSnapshot } from '../plugins/snapshot'
import type { PublishedVersion } from '../procedures/registry'
import type { UnitDirectory } from '../units/unit-directory'
import { eventsOf, transitionRow } from './events'
import { handlingUnit, handOverRow } from './hand-over'

export type DossierRow = typeof dossiers.$inferSelect

export const stateOf = (d: DossierRow): DossierState => ({
  status: d.status,
  currentStep: d.currentStep,
  caseKey: d.caseKey,
  receivedAt: d.receivedAt,
  dueAt: d.dueAt,
  pausedAt: d.pausedAt,
  doneAt: d.doneAt,
  returnedAt: d.returnedAt,
  decisions: d.decisions,
})

/** What a dossier's guards read besides the form and decisions: its form data, channel and the constants it was filed with. */
export const guardContextOf = (d: DossierRow, now: Date): GuardContext => ({
  now,
  formData: d.formData,
  channel: ruleChannels[d.channel as Channel],
  ...(d.constants ? { constants: d.constants } : {}),
})

/** The role that works a dossier's current step, kept on the dossier so queues filter by it in SQL. */
export const roleAtStep = (
  definition: PublishedVersion['definition'],
  state: Pick<DossierState, 'caseKey' | 'currentStep'>,
): string | null =>
  state.currentStep
    ? (effectiveSteps(definition, state.caseKey).find((s) => s.key === state.currentStep)?.role ?? null)
    : null

/** The unit handling a dossier's current step (another unit's at a liên thông step); the resolving unit by default. */
export const currentUnitOf = (d: Pick<DossierRow, 'unitId' | 'currentUnitId'>): string => d.currentUnitId ?? d.unitId

/** Whether the caller holds one of `roles` for exactly this unit (officers act only for their own unit). */
export const actsFor = (principal: Principal, unitId: string, roles: readonly string[]): boolean =>
  principal.grants.some((g) => g.unitId === unitId && roles.includes(g.role))

export interface ActInput {
  dossier: DossierRow
  procedure: PublishedVersion
  actionKey: string
  expectedVersion: number
  inputs: ActionInputs
  /** The officer acting, or `system` for what an integration records (a bank's payment confirmation). */
  principal: Principal | 'system'
  unit: Pick<typeof units.$inferSelect, 'code' | 'name' | 'electronicId'>
  /** The unit directory, which keeps each unit's working calendar. */
  units: UnitDirectory
  plugins?: PluginHost
  /** Counts the action once its transaction committed. */
  metrics?: Pick<DossierCounters, 'acted'>
  now?: Date
}

const stale = () =>
  new DomainError('CONFLICT', {
    vi: 'Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại hồ sơ rồi thực hiện lại.',
    en: 'The dossier changed since you loaded it (stale expectedVersion). Reload and retry.',
  })

/**
 * Takes an action on a dossier as an officer: the caller's role for the unit handling its step, then core's
 * `applyAction`, then the new state and its event written in one transaction, guarded by the dossier's
 * version so that of two concurrent actions one wins and the other gets a 409.
 */
export async function actOnDossier(db: Db, input: ActInput): Promise<{ dossier: DossierRow; eventSeq: number }> {
  const { dossier, procedure, principal } = input
  const now = input.now ?? new Date()
  const action = availableActions(procedure.definition, stateOf(dossier)).find((a) => a.key === input.actionKey)
  const actingUnitId = currentUnitOf(dossier)
  if (action && principal !== 'system' && !actsFor(principal, actingUnitId, action.roles)) {
    const names = (locale: 'vi' | 'en') => action.roles.map((r) => roles[r as Role]?.[locale] ?? r).join(', ')
    const acting = await input.units.byId(actingUnitId)
    throw new DomainError('FORBIDDEN', {
      vi: `Thao tác "${action.label}" thuộc về ${names('vi').toLowerCase()} của đơn vị đang xử lý hồ sơ${acting ? ` (${acting.name})` : ''}.`,
      en: `Only the ${names('en').toLowerCase()} of the unit handling the dossier${acting ? ` (${acting.name})` : ''} may do this.`,
    })
  }
  if (dossier.version !== input.expectedVersion) throw stale()
  const calendar = await input.units.calendarOf(dossier.unitId)
  // an officer's choice of case recomputes the due date from reception, replaying the clock's stops
  const taken = findAction(procedure.definition, dossier.currentStep ?? '', input.actionKey, dossier.caseKey)?.action
  const setsCase = taken?.setsCase
  const { next, event } = applyAction(procedure.definition, stateOf(dossier), input.actionKey, input.inputs, {
    ...guardContextOf(dossier, now),
    calendar,
    ...(setsCase ? { clockStops: clockStopsOf(await eventsOf(db, dossier.id)) } : {}),
  })
  // the unit of the step it moves to: another unit's step hands it over (liên thông), in the same transaction
  const [from, to] = await Promise.all([
    input.units.byId(actingUnitId),
    handlingUnit(input.units, procedure.definition, next, dossier),
  ])

  const planned = await planConsultations(input.units, procedure.definition, dossier, next, now)

  // before the transaction: a plugin's answer must never hold it open
  const uses = procedure.definition.plugins ? { uses: procedure.definition.plugins } : {}
  const callOut = taken?.callOut
  if (callOut) await requireCallOut(db, input, callOut)
  await input.plugins?.beforeAction(db, {
    unitId: dossier.unitId,
    dossierId: dossier.id,
    snapshot: dossierSnapshot(dossier, input.unit, procedure),
    formData: dossier.formData,
    action: { key: event.actionKey, type: event.action },
    ...uses,
  })

  const acted = await withTransaction(db, async (tx) => {
    const [updated] = await tx
      .update(dossiers)
      .set({
        ...next,
        currentRole: roleAtStep(procedure.definition, next),
        currentUnitId: to?.id ?? null,
        endedAt: next.currentStep === null ? (dossier.endedAt ?? now) : null,
        version: dossier.version + 1,
        updatedAt: now,
      })
      .where(and(eq(dossiers.id, dossier.id), eq(dossiers.version, input.expectedVersion)))
      .returning()
    if (!updated) throw stale()
    const [last] = await tx
      .select({ seq: max(dossierEvents.seq) })
      .from(dossierEvents)
      .where(eq(dossierEvents.dossierId, dossier.id))
    const seq = (last?.seq ?? 0) + 1
    const actor =
      principal === 'system'
        ? { userId: null, role: 'system' }
        : {
            userId: principal.userId,
            role:
              principal.grants.find((g) => g.unitId === actingUnitId && action?.roles.includes(g.role))?.role ?? null,
          }
    const row = transitionRow(dossier.id, seq, now, actor, event)
    await tx.insert(dossierEvents).values(row)
    const { fromStep, toStep } = event
    const lastSeq = await consultationsOnTransition(tx, {
      dossier: updated,
      fromStep,
      toStep,
      seq,
      actor,
      planned,
      now,
    })
    if (from && to && from.id !== to.id) {
      const state = { id: dossier.id, step: updated.currentStep, status: updated.status }
      await tx.insert(dossierEvents).values(await handOverRow(tx, state, lastSeq + 1, now, actor, from, to))
    }
    await input.plugins?.queueHooks(tx, {
      unitId: dossier.unitId,
      dossierId: dossier.id,
      snapshot: dossierSnapshot(updated, input.unit, procedure),
      formData: updated.formData,
      change: dossierChange(row),
      uses: procedure.definition.plugins,
      ended: dossier.endedAt === null && updated.endedAt !== null,
      ...(callOut ? { callOut } : {}),
    })
    return { dossier: updated, eventSeq: seq }
  })
  input.metrics?.acted(event.action)
  return acted
}

/** An action that calls out needs its plugin enabled for the dossier's unit (refused with 409 otherwise). */
async function requireCallOut(db: Db, input: ActInput, callOut: CallOut) {
  const uses = input.procedure.definition.plugins
  const where = {
    unitId: input.dossier.unitId,
    procedureCode: input.procedure.code,
    callOut,
    unitName: input.unit.name,
    uses,
  }
  if (input.plugins) return input.plugins.requireCallOut(db, where)
  throw new DomainError('CONFLICT', {
    vi: `Thao tác này gửi thông tin qua tiện ích "${callOut.plugin}", nhưng hệ thống chưa nạp tiện ích nào.`,
    en: `This action calls out through the plugin "${callOut.plugin}", but no plugins are loaded.`,
  })
}

/**
 * Logs something that happened to a dossier without moving it (files answering a supplement request,
 * a result attached), bumping its version in the same transaction so concurrent writers still conflict.
 */
export async function appendEvent(
  tx: Db,
  dossier: DossierRow,
  entry: {
    action: string
    actor: { userId: string | null; role: string | null }
    note?: string | null
    data?: Record<string, unknown>
    at: Date
  },
): Promise<void> {
  const [updated] = await tx
    .update(dossiers)
    .set({ version: dossier.version + 1, updatedAt: entry.at })
    .where(and(eq(dossiers.id, dossier.id), eq(dossiers.version, dossier.version)))
    .returning({ id: dossiers.id })
  if (!updated) throw stale()
  const [last] = await tx
    .select({ seq: max(dossierEvents.seq) })
    .from(dossierEvents)
    .where(eq(dossierEvents.dossierId, dossier.id))
  await tx.insert(dossierEvents).values({
    dossierId: dossier.id,
    seq: (last?.seq ?? 0) + 1,
    at: entry.at,
    actorUserId: entry.actor.userId,
    actorRole: entry.actor.role,
    action: entry.action,
    fromStep: dossier.currentStep,
    toStep: dossier.currentStep,
    fromStatus: dossier.status,
    toStatus: dossier.status,
    note: entry.note ?? null,
    data: entry.data ?? null,
  })
}

import { DomainError, type ProcedureDefinition } from '@motcua/core'
import {
  calendarChanges,
  type Db,
  dossierEvents,
  dossiers,
  procedureVersions,
  units,
  withTransaction,
} from '@motcua/db'
import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, max, or, sql } from 'drizzle-orm'
import { loadCalendarData, resolveCalendars, type UnitCalendar } from '../calendar'
import type { PluginHost } from '../plugins/plugin-host'
import { dossierChange, dossierSnapshot } from '../plugins/snapshot'
import type { ProcedureRegistry } from '../procedures/registry'
import { UNITS_CHANNEL, type UnitDirectory } from '../units/unit-directory'
import { withoutEditingMarks } from './editing-marks'
import { replayDue } from './replay-due'

/** The calendars and which calendar each unit follows, as they stand inside the edit's transaction. */
export interface CalendarState {
  calendars: Map<string, UnitCalendar>
  unitCalendar: Map<string, string>
}

/** One edit of the working calendars, as every way in (the API, the seed) describes it. */
export interface CalendarEdit {
  calendarCode: string
  kind: 'year' | 'day' | 'removeDay' | 'hours' | 'create' | 'assign'
  /** The decision or notice the edit follows; it is quoted on every dossier whose due date moves. */
  source: string | null
  detail: Record<string, unknown>
  /** The local dates the edit touches, inclusive; absent = any date (hours, a unit given another calendar). */
  dates?: { from: string; to: string }
  /** The administrator, or `{ userId: null, role: 'system' }` for the seed. */
  actor: { userId: string | null; role: string }
  now: Date
  /** Checks and writes the edit inside the transaction, given the calendars before it. */
  write(tx: Db, before: CalendarState): Promise<void>
}

/** A dossier whose deadline the edit moved. */
export interface MovedDue {
  receiptCode: string
  dueAtBefore: Date | null
  dueAtAfter: Date | null
  stepDueAtBefore: Date | null
  stepDueAtAfter: Date | null
}

export interface EditOutcome {
  changeId: number
  moved: MovedDue[]
  /** Open dossiers whose stored due date their own history does not give (set some other way): left as they are. */
  unexplained: string[]
}

export interface EditServices {
  /** Reloaded in this process at once (the others on the notification). */
  units?: Pick<UnitDirectory, 'invalidate'>
  /** Queues the plugins' `afterAction` hook for each dossier moved. */
  hooks?: { plugins: PluginHost; registry: ProcedureRegistry }
}

/** An arbitrary constant: the advisory lock that serialises calendar edits across runtime processes. */
const CALENDAR_EDIT_LOCK = 4_812_020
const CHUNK = 5000
const chunks = <T>(list: T[]): T[][] =>
  Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK))
const sameInstant = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null)
const localMidnight = (date: string, days = 0) =>
  new Date(new Date(`${date}T00:00:00+07:00`).getTime() + days * 86_400_000)

async function calendarState(tx: Db): Promise<CalendarState> {
  const rows = await tx.select({ id: units.id, calendarCode: units.calendarCode }).from(units)
  return {
    calendars: resolveCalendars(await loadCalendarData(tx)),
    unitCalendar: new Map(rows.map((u) => [u.id, u.calendarCode])),
  }
}

// The dossiers whose deadline an edit may move: received, not yet done, and — when the edit touches some dates —
// received before the last of them and due on or after the first (a due date only ever moves later, so the days
// after the stored one were never counted).
async function openDossiers(tx: Db, unitIds: string[], dates: CalendarEdit['dates']) {
  const found = []
  for (const part of chunks(unitIds))
    found.push(
      ...(await tx
        .select({
          id: dossiers.id,
          receiptCode: dossiers.receiptCode,
          version: dossiers.version,
          unitId: dossiers.unitId,
          procedureVersionId: dossiers.procedureVersionId,
          caseKey: dossiers.caseKey,
          currentStep: dossiers.currentStep,
          status: dossiers.status,
          receivedAt: dossiers.receivedAt,
          dueAt: dossiers.dueAt,
        })
        .from(dossiers)
        .where(
          and(
            inArray(dossiers.unitId, part),
            isNotNull(dossiers.currentStep),
            isNull(dossiers.doneAt),
            isNotNull(dossiers.receivedAt),
            isNotNull(dossiers.dueAt),
            dates ? lt(dossiers.receivedAt, localMidnight(dates.to, 1)) : undefined,
            dates ? gte(dossiers.dueAt, localMidnight(dates.from)) : undefined,
          ),
        )
        // an officer's action on one of them waits for the edit, then finds its expected version stale
        .for('update')),
    )
  return found
}

async function historiesOf(tx: Db, ids: string[]) {
  const byDossier = new Map<string, (typeof dossierEvents.$inferSelect)[]>()
  for (const part of chunks(ids)) {
    const rows = await tx
      .select()
      .from(dossierEvents)
      .where(
        and(
          inArray(dossierEvents.dossierId, part),
          or(
            inArray(dossierEvents.action, ['extend', 'acceptSupplement', 'requestSupplement']),
            sql`${dossierEvents.fromStep} is distinct from ${dossierEvents.toStep}`,
          ),
        ),
      )
      .orderBy(asc(dossierEvents.dossierId), asc(dossierEvents.seq))
    for (const row of rows) {
      if (!byDossier.has(row.dossierId)) byDossier.set(row.dossierId, [])
      byDossier.get(row.dossierId)!.push(row)
    }
  }
  return byDossier
}

async function definitionsOf(tx: Db, versionIds: string[]): Promise<Map<string, ProcedureDefinition>> {
  if (versionIds.length === 0) return new Map()
  const rows = await tx
    .select({ id: procedureVersions.id, definition: procedureVersions.definition })
    .from(procedureVersions)
    .where(inArray(procedureVersions.id, versionIds))
  return new Map(rows.map((r) => [r.id, r.definition]))
}

// cannot happen while the candidates are locked; kept so that a missed lock fails loudly instead of writing over
const stale = () =>
  new DomainError('CONFLICT', {
    vi: 'Có hồ sơ vừa được cập nhật trong lúc thay đổi lịch. Lịch chưa được lưu; vui lòng thực hiện lại.',
    en: 'A dossier changed while the calendar was being changed. Nothing was saved: try again.',
  })

/**
 * Every calendar edit goes through here, in one transaction: the edit itself, then the due date (and the current
 * step's due date) of every open dossier of the units that follow the edited calendar recomputed from its own
 * history with core's `computeDue` / `dueAfterResume` (see `replayDue`); each one that moves gets an event with the
 * before and after and the edit's source, the edit its audit row, and every process a notification to reload.
 * @example await changeCalendar(db, { calendarCode: 'default', kind: 'day', source, detail, dates, actor, now, write }, { units })
 */
export async function changeCalendar(db: Db, edit: CalendarEdit, services: EditServices = {}): Promise<EditOutcome> {
  const outcome = await withTransaction(db, async (tx) => {
    // one edit at a time: each recomputes from the calendars as the previous one left them
    await tx.execute(sql`select pg_advisory_xact_lock(${CALENDAR_EDIT_LOCK})`)
    const before = await calendarState(tx)
    await edit.write(tx, before)
    const after = await calendarState(tx)
    const calendarOf = (state: CalendarState, unitId: string) =>
      state.calendars.get(state.unitCalendar.get(unitId) ?? 'default') ?? state.calendars.get('default')
    // the units given another calendar, and (unless the edit only does that) those following the edited one
    const affected = [...after.unitCalendar.keys()].filter(
      (id) =>
        before.unitCalendar.get(id) !== after.unitCalendar.get(id) ||
        (edit.kind !== 'assign' && calendarOf(after, id)?.chain.includes(edit.calendarCode)),
    )
    const candidates = await openDossiers(tx, affected, edit.dates)
    const histories = await historiesOf(
      tx,
      candidates.map((d) => d.id),
    )
    const definitions = await definitionsOf(tx, [...new Set(candidates.map((d) => d.procedureVersionId))])
    const moved: { dossier: (typeof candidates)[number]; due: MovedDue }[] = []
    const unexplained: string[] = []
    for (const d of candidates) {
      const oldCalendar = calendarOf(before, d.unitId)
      const newCalendar = calendarOf(after, d.unitId)
      const definition = definitions.get(d.procedureVersionId)
      if (!oldCalendar || !newCalendar || !definition) continue
      const history = {
        receivedAt: d.receivedAt!,
        caseKey: d.caseKey,
        currentStep: d.currentStep,
        events: histories.get(d.id) ?? [],
      }
      const was = replayDue(oldCalendar.working, definition, history)
      if (!sameInstant(was.dueAt, d.dueAt)) {
        unexplained.push(d.receiptCode)
        continue
      }
      const next = replayDue(newCalendar.working, definition, history)
      if (sameInstant(was.dueAt, next.dueAt) && sameInstant(was.stepDueAt, next.stepDueAt)) continue
      moved.push({
        dossier: d,
        due: {
          receiptCode: d.receiptCode,
          dueAtBefore: was.dueAt,
          dueAtAfter: next.dueAt,
          stepDueAtBefore: was.stepDueAt,
          stepDueAtAfter: next.stepDueAt,
        },
      })
    }
    const [change] = await tx
      .insert(calendarChanges)
      .values({
        calendarCode: edit.calendarCode,
        at: edit.now,
        actorUserId: edit.actor.userId,
        kind: edit.kind,
        source: edit.source,
        detail: edit.detail,
        moved: moved.length,
      })
      .returning({ id: calendarChanges.id })
    const lastSeq = new Map<string, number>()
    for (const part of chunks(moved.map((m) => m.dossier.id))) {
      const rows = await tx
        .select({ dossierId: dossierEvents.dossierId, seq: max(dossierEvents.seq) })
        .from(dossierEvents)
        .where(inArray(dossierEvents.dossierId, part))
        .groupBy(dossierEvents.dossierId)
      for (const row of rows) lastSeq.set(row.dossierId, row.seq ?? 0)
    }
    const source = edit.source && withoutEditingMarks(edit.source)
    for (const { dossier: d, due } of moved) {
      const [updated] = await tx
        .update(dossiers)
        .set({ dueAt: due.dueAtAfter, version: d.version + 1, updatedAt: edit.now })
        .where(and(eq(dossiers.id, d.id), eq(dossiers.version, d.version)))
        .returning()
      if (!updated) throw stale()
      const event: typeof dossierEvents.$inferInsert = {
        dossierId: d.id,
        seq: (lastSeq.get(d.id) ?? 0) + 1,
        at: edit.now,
        actorUserId: edit.actor.userId,
        actorRole: edit.actor.role,
        action: 'calendarChange',
        fromStep: d.currentStep,
        toStep: d.currentStep,
        fromStatus: d.status,
        toStatus: d.status,
        note: `Hạn giải quyết được tính lại theo lịch làm việc mới${source ? ` (${source})` : ''}.`,
        // the step's deadline carries on past this event (the process control slip reads it from here)
        stepDueAt: due.stepDueAtAfter,
        data: {
          label: 'Tính lại hạn giải quyết theo lịch làm việc',
          calendarCode: edit.calendarCode,
          calendarChangeId: change!.id,
          source,
          dueAtBefore: due.dueAtBefore,
          dueAtAfter: due.dueAtAfter,
          stepDueAtBefore: due.stepDueAtBefore,
          stepDueAtAfter: due.stepDueAtAfter,
        },
      }
      await tx.insert(dossierEvents).values(event)
      const hooks = services.hooks
      const procedure = hooks && (await hooks.registry.byId(d.procedureVersionId))
      const [unit] = hooks ? await tx.select().from(units).where(eq(units.id, d.unitId)) : []
      if (hooks && procedure && unit)
        await hooks.plugins.queueHooks(tx, {
          unitId: d.unitId,
          dossierId: d.id,
          snapshot: dossierSnapshot(updated, unit, procedure),
          formData: updated.formData,
          change: dossierChange(event),
          uses: procedure.definition.plugins,
        })
    }
    await tx.execute(sql`select pg_notify(${UNITS_CHANNEL}, ${edit.calendarCode})`)
    return { changeId: change!.id, moved: moved.map((m) => m.due), unexplained }
  })
  services.units?.invalidate()
  return outcome
}

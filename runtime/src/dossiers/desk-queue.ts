import { type Db, dossiers } from '@motcua/db'
import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, like, lte, or, type SQL, sql } from 'drizzle-orm'
import type { DeskRow } from './desk-view'

/** One unit the queue reads, with what the caller's filters need of it. */
export interface QueueUnit {
  id: string
  /** The roles the caller works at this unit (`mine`). */
  roles: readonly string[]
  /** The instant one working day after now by this unit's calendar (`due=soon`). */
  soonUntil?: Date
}

export interface QueueFilter {
  units: QueueUnit[]
  /** A public status 1–10; without it, the dossiers still in progress (all of them when searching). */
  status?: number
  step?: string
  due?: 'soon' | 'overdue'
  /** Only dossiers at a step the caller's role works. */
  mine?: boolean
  /** Folded search text (see `foldVietnamese`), matched anywhere in the name, ID number and receipt code. */
  search?: string
  now: Date
  limit: number
  offset: number
}

const columns = {
  receiptCode: dossiers.receiptCode,
  version: dossiers.version,
  procedureVersionId: dossiers.procedureVersionId,
  unitId: dossiers.unitId,
  channel: dossiers.channel,
  status: dossiers.status,
  currentStep: dossiers.currentStep,
  caseKey: dossiers.caseKey,
  applicantName: sql<string>`${dossiers.applicant}->>'fullName'`,
  submittedAt: dossiers.submittedAt,
  receivedAt: dossiers.receivedAt,
  dueAt: dossiers.dueAt,
  pausedAt: dossiers.pausedAt,
  doneAt: dossiers.doneAt,
}

/** `%`, `_` and `\` match themselves in the search, not as LIKE wildcards. */
const likeLiteral = (text: string) => text.replace(/[%_\\]/g, (ch) => `\\${ch}`)

/** Units grouped by a key (their role set, their deadline), so the usual single-unit or same-calendar case is one condition. */
function byGroup<K>(units: QueueUnit[], key: (u: QueueUnit) => K): [K, string[]][] {
  const groups = new Map<K, string[]>()
  for (const u of units) groups.set(key(u), [...(groups.get(key(u)) ?? []), u.id])
  return [...groups]
}

function where(f: QueueFilter): SQL | undefined {
  const running = and(isNull(dossiers.doneAt), isNull(dossiers.pausedAt))
  const mine = byGroup(f.units, (u) => [...u.roles].sort().join(' '))
    .filter(([roles]) => roles)
    .map(([roles, ids]) => and(inArray(dossiers.unitId, ids), inArray(dossiers.currentRole, roles.split(' '))))
  const soon = byGroup(f.units, (u) => u.soonUntil?.getTime() ?? f.now.getTime()).map(([until, ids]) =>
    and(inArray(dossiers.unitId, ids), lte(dossiers.dueAt, new Date(until))),
  )
  return and(
    inArray(
      dossiers.unitId,
      f.units.map((u) => u.id),
    ),
    f.status !== undefined
      ? eq(dossiers.status, f.status)
      : f.search === undefined
        ? isNotNull(dossiers.currentStep)
        : undefined,
    f.step !== undefined ? eq(dossiers.currentStep, f.step) : undefined,
    // while the clock is stopped for a supplement, a dossier is judged as it stood when it stopped
    f.due === 'overdue'
      ? and(
          isNull(dossiers.doneAt),
          sql`${dossiers.dueAt} < coalesce(${dossiers.pausedAt}, ${sql.param(f.now, dossiers.pausedAt)})`,
        )
      : undefined,
    // soon: the clock is running and the deadline falls within the next working day
    f.due === 'soon' ? and(running, gte(dossiers.dueAt, f.now), or(...soon)) : undefined,
    f.mine ? (mine.length ? or(...mine) : sql`false`) : undefined,
    f.search !== undefined ? like(dossiers.searchText, `%${likeLiteral(f.search)}%`) : undefined,
  )
}

/**
 * A page of an officer's queue and the number of dossiers it holds, filtered, counted and paged in the database
 * (summary columns only). The queue is soonest due first; a search also finds dossiers that have ended, after
 * those in progress, newest first.
 * @example const { rows, total } = await deskQueue(db, { units: [{ id, roles: ['specialist'] }], now, limit: 50, offset: 0 })
 */
export async function deskQueue(db: Db, f: QueueFilter): Promise<{ rows: DeskRow[]; total: number }> {
  const filter = where(f)
  const open = isNotNull(dossiers.currentStep)
  const order =
    f.search === undefined
      ? [sql`${dossiers.dueAt} asc nulls last`, asc(dossiers.submittedAt), asc(dossiers.id)]
      : [
          sql`${dossiers.currentStep} is null`,
          sql`case when ${open} then ${dossiers.dueAt} end asc nulls last`,
          sql`case when ${open} then ${dossiers.submittedAt} end asc`,
          desc(dossiers.submittedAt),
          asc(dossiers.id),
        ]
  // prepared (postgres.js names the statement by its text): one round trip, planned once per connection
  const [rows, [counted]] = await Promise.all([
    db
      .select(columns)
      .from(dossiers)
      .where(filter)
      .orderBy(...order)
      .limit(f.limit)
      .offset(f.offset)
      .prepare('desk_queue')
      .execute(),
    db.select({ total: count() }).from(dossiers).where(filter).prepare('desk_queue_count').execute(),
  ])
  return { rows, total: counted?.total ?? 0 }
}

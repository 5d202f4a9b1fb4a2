import { DomainError, foldVietnamese, parseReceiptCode } from '@motcua/core'
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

/** What an officer typed to find a dossier: a whole receipt code, a whole ID number, or part of any of the three. */
export type DeskSearch = { receiptCode: string } | { idNumber: string } | { text: string }

export interface QueueFilter {
  units: QueueUnit[]
  /** A public status 1–10; without it, the dossiers still in progress (all of them when searching). */
  status?: number
  step?: string
  due?: 'soon' | 'overdue'
  /** Only dossiers at a step the caller's role works. */
  mine?: boolean
  search?: DeskSearch
  now: Date
  limit: number
  offset: number
}

/**
 * Reads the desk's search box: a receipt code or a 9- or 12-digit ID number is looked up whole (by index);
 * anything else is folded and found anywhere in the name, ID number and code, and needs 3 letters or digits in a
 * row (the trigram index cannot serve less: a shorter search would read every dossier of the unit).
 * @example deskSearch('Phạm Thị') // { text: 'pham thi' }
 */
export function deskSearch(q: string): DeskSearch {
  const trimmed = q.trim()
  if (parseReceiptCode(trimmed.toUpperCase())) return { receiptCode: trimmed.toUpperCase() }
  if (/^(\d{9}|\d{12})$/.test(trimmed)) return { idNumber: trimmed }
  const folded = foldVietnamese(trimmed)
  if (/[a-z0-9]{3}/.test(folded)) return { text: folded }
  const message = {
    vi: 'Từ khóa tìm kiếm quá ngắn. Vui lòng nhập ít nhất 3 chữ cái hoặc chữ số liền nhau: một phần họ tên, số giấy tờ hoặc mã hồ sơ.',
    en: 'The search is too short: type at least 3 letters or digits in a row (part of a name, an ID number or a receipt code).',
  }
  throw new DomainError('INVALID_DATA', message, [{ code: 'q.tooShort', path: '/query/q', message }])
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

function searchCondition(search: DeskSearch): SQL {
  if ('receiptCode' in search) return eq(dossiers.receiptCode, search.receiptCode)
  if ('idNumber' in search) return sql`${dossiers.applicant}->>'idNumber' = ${search.idNumber}`
  return like(dossiers.searchText, `%${likeLiteral(search.text)}%`)
}

/** Units grouped by a key (their role set, their deadline), so the usual single-unit or same-calendar case is one condition. */
function byGroup<K>(units: QueueUnit[], key: (u: QueueUnit) => K): [K, string[]][] {
  const groups = new Map<K, string[]>()
  for (const u of units) groups.set(key(u), [...(groups.get(key(u)) ?? []), u.id])
  return [...groups]
}

function where(f: QueueFilter): SQL | undefined {
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
    f.due === 'soon'
      ? and(isNull(dossiers.doneAt), isNull(dossiers.pausedAt), gte(dossiers.dueAt, f.now), or(...soon))
      : undefined,
    f.mine ? (mine.length ? or(...mine) : sql`false`) : undefined,
    f.search ? searchCondition(f.search) : undefined,
  )
}

const queueOrder = [sql`${dossiers.dueAt} asc nulls last`, asc(dossiers.submittedAt), asc(dossiers.id)]
const open = isNotNull(dossiers.currentStep)
const searchOrder = [
  sql`${dossiers.currentStep} is null`,
  sql`case when ${open} then ${dossiers.dueAt} end asc nulls last`,
  sql`case when ${open} then ${dossiers.submittedAt} end asc`,
  desc(dossiers.submittedAt),
  asc(dossiers.id),
]

/**
 * A page of an officer's queue and the number of dossiers it holds, filtered, counted and paged in the database
 * (summary columns only). The queue is soonest due first; a search also finds dossiers that have ended, after
 * those in progress, newest first.
 * @example const { rows, total } = await deskQueue(db, { units: [{ id, roles: ['specialist'] }], now, limit: 50, offset: 0 })
 */
export async function deskQueue(db: Db, f: QueueFilter): Promise<{ rows: DeskRow[]; total: number }> {
  const filter = where(f)
  if (f.search) {
    // one pass over the matches, counted as they are read: the trigram index lookup is the cost here, not the
    // rows it finds. Not prepared: a generic plan cannot tell a rare name from a common one
    const found = await db
      .select({ ...columns, total: sql<number>`count(*) over ()`.mapWith(Number) })
      .from(dossiers)
      .where(filter)
      .orderBy(...searchOrder)
      .limit(f.limit)
      .offset(f.offset)
    if (found.length === 0 && f.offset > 0) {
      const [counted] = await db.select({ total: count() }).from(dossiers).where(filter)
      return { rows: [], total: counted?.total ?? 0 }
    }
    return { rows: found.map(({ total: _, ...row }) => row), total: found[0]?.total ?? 0 }
  }
  // the page walks the queue's index in order and the count reads the index alone (its columns cover every
  // filter): two cheap statements, where `count(*) over ()` would read every matching row of the table.
  // Prepared: postgres.js names the statement by its text, so it is parsed and planned once per connection
  const [rows, [counted]] = await Promise.all([
    db
      .select(columns)
      .from(dossiers)
      .where(filter)
      .orderBy(...queueOrder)
      .limit(f.limit)
      .offset(f.offset)
      .prepare('desk_queue')
      .execute(),
    db.select({ total: count() }).from(dossiers).where(filter).prepare('desk_queue_count').execute(),
  ])
  return { rows, total: counted?.total ?? 0 }
}

import { DomainError, foldVietnamese, parseReceiptCode } from '@motcua/core'
import { type Db, dossiers, procedures, procedureVersions } from '@motcua/db'
import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  like,
  lte,
  or,
  type Placeholder,
  type SQL,
  sql,
} from 'drizzle-orm'
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

/** The desk's named queues (tabs), each a filter over the dossiers my units handle now. */
export const queueNames = [
  'reception',
  'inProgress',
  'mine',
  'waiting',
  'linked',
  'soon',
  'overdue',
  'toReturn',
] as const
export type QueueName = (typeof queueNames)[number]

export interface QueueFilter {
  units: QueueUnit[]
  /** A public status 1–10; without it, the dossiers still in progress (all of them when searching). */
  status?: number
  /** Any of these public statuses (a named queue's, e.g. waiting for a supplement or a payment). */
  statuses?: number[]
  /** 1 at the counter, 2 online, 3 by post. */
  channel?: number
  /** A procedure code: the dossiers filed under any version of it. */
  procedure?: string
  /** Liên thông: dossiers my unit handles now that another unit resolves or received. */
  linked?: boolean
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
  receivingUnitId: dossiers.receivingUnitId,
  currentUnitId: dossiers.currentUnitId,
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

/** Placeholders for a filter's values: the statement depends only on which values there are, so it is built once. */
function placeholders() {
  const values: Record<string, unknown> = {}
  const p = (name: string, value: unknown) => {
    values[name] = value
    return sql.placeholder(name)
  }
  return { p, values }
}

function searchCondition(search: DeskSearch, p: (name: string, value: unknown) => Placeholder): SQL {
  if ('receiptCode' in search) return eq(dossiers.receiptCode, p('receiptCode', search.receiptCode))
  if ('idNumber' in search) return sql`${dossiers.applicant}->>'idNumber' = ${p('idNumber', search.idNumber)}`
  return like(dossiers.searchText, p('pattern', `%${likeLiteral(search.text)}%`))
}

/** Liên thông: the unit handling it now is not the one resolving it or the one that received it. */
const linkedCondition = sql`(${dossiers.unitId} <> ${dossiers.currentUnitId} or coalesce(${dossiers.receivingUnitId}, ${dossiers.unitId}) <> ${dossiers.currentUnitId})`

/** While the clock is stopped for a supplement, a dossier is judged as it stood when it stopped. */
const overdueCondition = (now: Placeholder) =>
  and(isNull(dossiers.doneAt), sql`${dossiers.dueAt} < coalesce(${dossiers.pausedAt}, ${now})`)

/** Units grouped by a key (their role set, their deadline), so the usual single-unit or same-calendar case is one condition. */
function byGroup<K>(units: QueueUnit[], key: (u: QueueUnit) => K): [K, string[]][] {
  const groups = new Map<K, string[]>()
  for (const u of units) groups.set(key(u), [...(groups.get(key(u)) ?? []), u.id])
  return [...groups]
}

const endedStatuses = [3, 7, 8, 10]

/**
 * Whose dossiers: those a unit handles now (`current_unit_id`: a liên thông step of another unit's dossier shows in
 * the queue of the unit working it, and leaves the queue of the unit that handed it over); a dossier that has ended
 * is its resolving and its receiving unit's (found by status or search).
 */
function unitsCondition(f: QueueFilter, ids: (prefix: string) => Placeholder[]): SQL | undefined {
  const handling = (prefix: string) => inArray(dossiers.currentUnitId, ids(prefix))
  const ended = (prefix: string) =>
    or(
      inArray(dossiers.unitId, ids(`${prefix}Resolving`)),
      inArray(dossiers.receivingUnitId, ids(`${prefix}Receiving`)),
    )
  if (f.search) return or(handling('unit'), and(isNull(dossiers.currentStep), ended('ended')))
  if (f.status !== undefined && endedStatuses.includes(f.status)) return ended('ended')
  return handling('unit')
}

/** At a step the caller's role works, per group of units where the caller holds the same roles. */
function mineCondition(units: QueueUnit[], ids: (prefix: string, list: string[]) => Placeholder[]): SQL {
  const mine = byGroup(units, (u) => [...u.roles].sort().join(' '))
    .filter(([roles]) => roles)
    .map(([roles, unitIds], g) =>
      and(
        inArray(dossiers.currentUnitId, ids(`mine${g}Unit`, unitIds)),
        inArray(dossiers.currentRole, ids(`mine${g}Role`, roles.split(' '))),
      ),
    )
  return mine.length ? or(...mine)! : sql`false`
}

/** Soon: the clock is running and the deadline falls within the next working day of the unit's calendar. */
function soonCondition(
  units: QueueUnit[],
  now: Date,
  p: (name: string, value: unknown) => Placeholder,
  ids: (prefix: string, list: string[]) => Placeholder[],
): SQL | undefined {
  const soon = byGroup(units, (u) => u.soonUntil?.getTime() ?? now.getTime()).map(([until, unitIds], g) =>
    and(
      inArray(dossiers.currentUnitId, ids(`soon${g}Unit`, unitIds)),
      lte(dossiers.dueAt, p(`soon${g}Until`, new Date(until).toISOString())),
    ),
  )
  return and(
    isNull(dossiers.doneAt),
    isNull(dossiers.pausedAt),
    gte(dossiers.dueAt, p('soonFrom', now.toISOString())),
    or(...soon),
  )
}

/** The dossiers of any version of a procedure, by its code. */
const procedureCondition = (code: Placeholder) =>
  inArray(
    dossiers.procedureVersionId,
    sql`(select ${procedureVersions.id} from ${procedureVersions} join ${procedures} on ${procedures.id} = ${procedureVersions.procedureId} where ${procedures.code} = ${code})`,
  )

/** The filter as conditions over placeholders (named by what they hold, so the names tell the shape), and their values. */
function where(f: QueueFilter) {
  const { p, values } = placeholders()
  const ids = (prefix: string, list: string[]) => list.map((id, i) => p(`${prefix}${i}`, id))
  const unitIds = f.units.map((u) => u.id)
  const filter = and(
    unitsCondition(f, (prefix) => ids(prefix, unitIds)),
    f.status !== undefined
      ? eq(dossiers.status, p('status', f.status))
      : f.search === undefined
        ? isNotNull(dossiers.currentStep)
        : undefined,
    f.statuses !== undefined ? inArray(dossiers.status, ids('statuses', f.statuses.map(String))) : undefined,
    f.channel !== undefined ? eq(dossiers.channel, p('channel', f.channel)) : undefined,
    f.procedure !== undefined ? procedureCondition(p('procedure', f.procedure)) : undefined,
    f.linked ? and(isNotNull(dossiers.currentStep), linkedCondition) : undefined,
    f.step !== undefined ? eq(dossiers.currentStep, p('step', f.step)) : undefined,
    f.due === 'overdue' ? overdueCondition(p('overdueAt', f.now.toISOString())) : undefined,
    f.due === 'soon' ? soonCondition(f.units, f.now, p, ids) : undefined,
    f.mine ? mineCondition(f.units, ids) : undefined,
    f.search ? searchCondition(f.search, p) : undefined,
  )
  return {
    filter,
    values: { ...values, limit: f.limit, offset: f.offset },
    shape: `${f.mine}:${f.linked}:${Object.keys(values)}`,
  }
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

/** The queue's two statements per database and shape of filter, built and prepared once. */
function queueStatements(db: Db, filter: SQL | undefined) {
  return {
    page: db
      .select(columns)
      .from(dossiers)
      .where(filter)
      .orderBy(...queueOrder)
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .prepare('desk_queue'),
    count: db.select({ total: count() }).from(dossiers).where(filter).prepare('desk_queue_count'),
  }
}
const prepared = new WeakMap<Db, Map<string, ReturnType<typeof queueStatements>>>()

/**
 * A page of an officer's queue and the number of dossiers it holds, filtered, counted and paged in the database
 * (summary columns only). The queue is soonest due first; a search also finds dossiers that have ended, after
 * those in progress, newest first.
 * @example const { rows, total } = await deskQueue(db, { units: [{ id, roles: ['specialist'] }], now, limit: 50, offset: 0 })
 */
export async function deskQueue(db: Db, f: QueueFilter): Promise<{ rows: DeskRow[]; total: number }> {
  const { filter, values, shape } = where(f)
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
      .execute(values)
    if (found.length === 0 && f.offset > 0) {
      const [counted] = await db.select({ total: count() }).from(dossiers).where(filter).execute(values)
      return { rows: [], total: counted?.total ?? 0 }
    }
    return { rows: found.map(({ total: _, ...row }) => row), total: found[0]?.total ?? 0 }
  }
  // the page walks the queue's index in order and the count reads the index alone (its columns cover every
  // filter): two cheap statements, where `count(*) over ()` would read every matching row of the table.
  // Built once per shape of filter and prepared (on PostgreSQL: parsed and planned once per connection)
  const byShape = prepared.get(db) ?? new Map<string, ReturnType<typeof queueStatements>>()
  prepared.set(db, byShape)
  let statements = byShape.get(shape)
  if (!statements) byShape.set(shape, (statements = queueStatements(db, filter)))
  const [rows, [counted]] = await Promise.all([statements.page.execute(values), statements.count.execute(values)])
  return { rows, total: counted?.total ?? 0 }
}

/** How many dossiers each of the desk's queues holds, and the consultations sent to my units still waiting for an answer. */
export type QueueCounts = Record<QueueName, number>

/**
 * Every named queue's count for the caller's units in one pass over the open dossiers they handle now (one aggregate
 * with a FILTER per queue, over `dossiers_open_queue_idx`).
 * @example const { overdue } = await deskCounts(db, { units: [{ id, roles: ['specialist'], soonUntil }], now })
 */
export async function deskCounts(db: Db, f: { units: QueueUnit[]; now: Date }): Promise<QueueCounts> {
  if (f.units.length === 0) return Object.fromEntries(queueNames.map((n) => [n, 0])) as QueueCounts
  const { p, values } = placeholders()
  const ids = (prefix: string, list: string[]) => list.map((id, i) => p(`${prefix}${i}`, id))
  const counted = (condition: SQL | undefined) => sql<number>`count(*) filter (where ${condition})`.mapWith(Number)
  const [row] = await db
    .select({
      inProgress: count(),
      reception: counted(eq(dossiers.status, 1)),
      mine: counted(mineCondition(f.units, ids)),
      waiting: counted(inArray(dossiers.status, [5, 6])),
      linked: counted(linkedCondition),
      soon: counted(soonCondition(f.units, f.now, p, ids)),
      overdue: counted(overdueCondition(p('overdueAt', f.now.toISOString()))),
      toReturn: counted(eq(dossiers.status, 9)),
    })
    .from(dossiers)
    .where(
      and(
        inArray(
          dossiers.currentUnitId,
          ids(
            'unit',
            f.units.map((u) => u.id),
          ),
        ),
        isNotNull(dossiers.currentStep),
      ),
    )
    .execute(values)
  return { ...(row as QueueCounts) }
}

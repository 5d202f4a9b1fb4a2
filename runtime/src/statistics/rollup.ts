import {
  counterKeys,
  type LiveCounts,
  monthStart,
  nextMonth,
  type StatCounters,
  type StatPeriod,
  zeroCounters,
} from '@motcua/core'
import { type Db, dossierStatDays, dossierStatMonths, dossiers, selectRows } from '@motcua/db'
import { and, gte, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm'

/** A unit's counts for one procedure version: carried over into the period, during it, overdue at its end, and live now. */
export interface Cell {
  unitId: string
  procedureVersionId: string
  carriedOver: number
  during: StatCounters
  overdueAtEnd: number
  live?: LiveCounts
}

const m = dossierStatMonths
/** What stays in progress of a month: received − resolved − closed. */
const balance = sql`${m.receivedCounter} + ${m.receivedOnline} + ${m.receivedPost} - ${m.resolvedEarly} - ${m.resolvedOnTime} - ${m.resolvedLate} - ${m.closed}`

const scoped = (column: typeof m.unitId | typeof dossierStatDays.unitId, unitIds?: string[]) =>
  unitIds ? inArray(column, unitIds) : undefined

/**
 * The rollup's sums per unit and procedure version for a period, in one statement over every month up to its end
 * (the balance of the months before makes the carried-over; the deadlines passed up to its end, the overdue);
 * `unitIds` limits it. Read as plain rows (a province-wide year is thousands of groups): sums in float8, which holds
 * any count or number of seconds exactly.
 */
export async function readCells(db: Db, period: StatPeriod, unitIds?: string[]): Promise<Cell[]> {
  const from = monthStart(period.from)
  const end = monthStart(nextMonth(period.to))
  const during = sql.join(
    counterKeys.map(
      (key, i) => sql`sum(${m[key]}::float8) filter (where ${m.month} >= ${from}) as ${sql.raw(`d${i}`)}`,
    ),
    sql`, `,
  )
  const rows = await selectRows(
    db,
    sql`
    select ${m.unitId} as u, ${m.procedureVersionId} as v,
      coalesce(sum((${balance})::float8) filter (where ${m.month} < ${from}), 0) as c,
      sum((${m.fellDue} - ${m.leftOverdue})::float8) as o,
      ${during}
    from ${m}
    where ${and(lt(m.month, end), scoped(m.unitId, unitIds))}
    group by ${m.unitId}, ${m.procedureVersionId}`,
  )
  return rows.map((r) => {
    const during = zeroCounters()
    counterKeys.forEach((key, i) => {
      during[key] = Number(r[`d${i}`] ?? 0)
    })
    return {
      unitId: r.u as string,
      procedureVersionId: r.v as string,
      carriedOver: Number(r.c),
      during,
      overdueAtEnd: Number(r.o),
    }
  })
}

/** Received and resolved per month of the period, for the trend charts. */
export async function readMonths(db: Db, period: StatPeriod, unitIds?: string[]) {
  const total = (c: typeof m.receivedCounter) => sql<number>`sum(${c})::float8`
  return db
    .select({
      month: sql<string>`to_char(${m.month}, 'YYYY-MM')`,
      counter: total(m.receivedCounter),
      online: total(m.receivedOnline),
      post: total(m.receivedPost),
      early: total(m.resolvedEarly),
      onTime: total(m.resolvedOnTime),
      late: total(m.resolvedLate),
    })
    .from(m)
    .where(
      and(
        gte(m.month, monthStart(period.from)),
        lt(m.month, monthStart(nextMonth(period.to))),
        scoped(m.unitId, unitIds),
      ),
    )
    .groupBy(m.month)
}

/** Resolved dossiers of the period by unit and whole days taken, for medians. */
export async function readDays(db: Db, period: StatPeriod, unitIds?: string[]) {
  const d = dossierStatDays
  return db
    .select({ unitId: d.unitId, days: d.days, resolved: sql<number>`sum(${d.resolved})::float8` })
    .from(d)
    .where(
      and(
        gte(d.month, monthStart(period.from)),
        lt(d.month, monthStart(nextMonth(period.to))),
        scoped(d.unitId, unitIds),
      ),
    )
    .groupBy(d.unitId, d.days)
}

/**
 * The dossiers in progress now per filed unit and procedure version, judged as the desk judges them (core's
 * `classify`: a paused dossier is judged at its pause), with those waiting for a supplement or a payment.
 */
export async function readLive(db: Db, now: Date, unitIds?: string[]) {
  const at = now.toISOString()
  const overdue = sql`${dossiers.dueAt} < coalesce(${dossiers.pausedAt}, ${at}::timestamptz)`
  const rows = await db
    .select({
      unitId: dossiers.filedUnitId,
      procedureVersionId: dossiers.procedureVersionId,
      overdue: sql<number>`(count(*) filter (where ${overdue}))::float8`,
      open: sql<number>`count(*)::float8`,
      supplement: sql<number>`(count(*) filter (where ${dossiers.status} = 5))::float8`,
      payment: sql<number>`(count(*) filter (where ${dossiers.status} = 6))::float8`,
    })
    .from(dossiers)
    .where(
      and(
        isNull(dossiers.doneAt),
        isNull(dossiers.endedAt),
        isNotNull(dossiers.receivedAt),
        unitIds ? inArray(dossiers.filedUnitId, unitIds) : undefined,
      ),
    )
    .groupBy(dossiers.filedUnitId, dossiers.procedureVersionId)
  return rows.map((r) => ({
    unitId: r.unitId,
    procedureVersionId: r.procedureVersionId,
    live: { inTime: r.open - r.overdue, overdue: r.overdue, supplement: r.supplement, payment: r.payment },
  }))
}

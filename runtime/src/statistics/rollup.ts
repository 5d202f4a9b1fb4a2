import {
  counterKeys,
  type LiveCounts,
  monthStart,
  nextMonth,
  type StatCounters,
  type StatPeriod,
  zeroCounters,
} from '@motcua/core'
import { type Db, dossierStatDays, dossierStatMonths, dossiers } from '@motcua/db'
import { and, gte, inArray, isNotNull, isNull, lt, type SQL, sql } from 'drizzle-orm'

/** A unit's counts for one procedure version: before the period, during it, overdue at its end, and live now. */
export interface Cell {
  unitId: string
  procedureVersionId: string
  before: StatCounters
  during: StatCounters
  overdueAtEnd: number
  live?: LiveCounts
}

const sumOf = (key: (typeof counterKeys)[number], filter: SQL) =>
  sql<number>`coalesce(sum(${dossierStatMonths[key]}) filter (where ${filter}), 0)::float8`

const scoped = (column: typeof dossierStatMonths.unitId | typeof dossierStatDays.unitId, unitIds?: string[]) =>
  unitIds ? inArray(column, unitIds) : undefined

/**
 * The rollup's sums per unit and procedure version for a period, in one statement over every month up to its end
 * (what came before makes the carried-over; the deadlines passed up to its end, the overdue); `unitIds` limits it.
 */
export async function readCells(db: Db, period: StatPeriod, unitIds?: string[]): Promise<Cell[]> {
  const from = monthStart(period.from)
  const end = monthStart(nextMonth(period.to))
  const before = lt(dossierStatMonths.month, from)
  const during = gte(dossierStatMonths.month, from)
  const columns: Record<string, SQL.Aliased<number>> = {}
  for (const key of counterKeys) {
    columns[`b_${key}`] = sumOf(key, before).as(`b_${key}`)
    columns[`d_${key}`] = sumOf(key, during).as(`d_${key}`)
  }
  const rows = (await db
    .select({
      unitId: dossierStatMonths.unitId,
      procedureVersionId: dossierStatMonths.procedureVersionId,
      overdue: sql<number>`sum(${dossierStatMonths.fellDue} - ${dossierStatMonths.leftOverdue})::float8`,
      ...columns,
    })
    .from(dossierStatMonths)
    .where(and(lt(dossierStatMonths.month, end), scoped(dossierStatMonths.unitId, unitIds)))
    .groupBy(dossierStatMonths.unitId, dossierStatMonths.procedureVersionId)) as unknown as Record<
    string,
    string | number
  >[]
  return rows.map((r) => {
    const cell: Cell = {
      unitId: r.unitId as string,
      procedureVersionId: r.procedureVersionId as string,
      before: zeroCounters(),
      during: zeroCounters(),
      overdueAtEnd: Number(r.overdue),
    }
    for (const key of counterKeys) {
      cell.before[key] = Number(r[`b_${key}`])
      cell.during[key] = Number(r[`d_${key}`])
    }
    return cell
  })
}

/** Received and resolved per month of the period, for the trend charts. */
export async function readMonths(db: Db, period: StatPeriod, unitIds?: string[]) {
  const m = dossierStatMonths
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

import { nextMonth, type RatingCounts, type StatPeriod } from '@motcua/core'
import { type Db, dossierRatings, dossiers } from '@motcua/db'
import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm'

/**
 * The satisfaction ratings of the dossiers that ended in the period (Vietnam months), by level; `unitIds` (filed
 * units) limits it. Read live from the ratings: they are few beside the dossiers and may still change for a week.
 */
export async function readRatings(db: Db, period: StatPeriod, unitIds?: string[]): Promise<RatingCounts> {
  const rows = await db
    .select({ level: dossierRatings.level, n: sql<number>`count(*)::int` })
    .from(dossierRatings)
    .innerJoin(dossiers, eq(dossiers.id, dossierRatings.dossierId))
    .where(
      and(
        gte(dossiers.endedAt, new Date(`${period.from}-01T00:00:00+07:00`)),
        lt(dossiers.endedAt, new Date(`${nextMonth(period.to)}-01T00:00:00+07:00`)),
        unitIds ? inArray(dossiers.filedUnitId, unitIds) : undefined,
      ),
    )
    .groupBy(dossierRatings.level)
  const count = (level: string) => Number(rows.find((r) => r.level === level)?.n ?? 0)
  const counts = {
    verySatisfied: count('verySatisfied'),
    satisfied: count('satisfied'),
    dissatisfied: count('dissatisfied'),
  }
  return { ...counts, total: counts.verySatisfied + counts.satisfied + counts.dissatisfied }
}

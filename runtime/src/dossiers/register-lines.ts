import { type Applicant, type Db, dossiers, procedures, procedureVersions } from '@motcua/db'
import { and, asc, eq, gte, lt, sql } from 'drizzle-orm'

// The register (Sổ theo dõi hồ sơ) keeps one book per unit and calendar year (Vietnam time): a dossier's line is
// its rank among the unit's dossiers received that year, by reception time (then receipt code). The receipt
// prints the same book and line. This book-per-year convention is motcua's: the circulars leave it to the unit.

const DAY = 86_400_000
const OFFSET = 7 * 3_600_000
/** Epoch ms of local midnight starting a 'YYYY-MM-DD' day. */
const dayStart = (date: string) => Date.parse(`${date}T00:00:00Z`) - OFFSET
const localYear = (at: Date) => new Date(at.getTime() + OFFSET).getUTCFullYear()

/** The year (Vietnam time) of an instant, for the SQL below. */
const yearOf = (column: typeof dossiers.receivedAt) =>
  sql`extract(year from (${column} at time zone 'UTC') + interval '7 hours')`

/** One line of the register. */
export interface RegisterLine {
  /** The book (quyển số): the year of reception. */
  book: string
  /** The line (số thứ tự) in that book. */
  line: number
  receiptCode: string
  procedureCode: string
  procedureName: string
  channel: number
  status: number
  applicant: Applicant
  submittedAt: Date
  receivedAt: Date
  dueAt: Date | null
  pausedAt: Date | null
  doneAt: Date | null
  returnedAt: Date | null
}

export interface RegisterFilter {
  /** The receiving unit: the register (Sổ theo dõi hồ sơ) is kept where dossiers are received. */
  unitId: string
  /** First and last day of the period, 'YYYY-MM-DD', both included (Vietnam time). */
  from: string
  to: string
  procedureCode?: string
  channel?: number
  status?: number
  /** At most this many lines (the caller asks for one more to know the period holds too many). */
  limit: number
}

/**
 * The register's lines for a unit and period: every dossier the unit received in it, numbered within its year's
 * book whatever the filters (a filtered register keeps the book's numbers), in order of reception.
 */
export async function registerLines(db: Db, f: RegisterFilter): Promise<RegisterLine[]> {
  const periodStart = new Date(dayStart(f.from))
  const periodEnd = new Date(dayStart(f.to) + DAY)
  const bookStart = new Date(dayStart(`${f.from.slice(0, 4)}-01-01`))
  const numbered = db.$with('numbered').as(
    db
      .select({
        id: dossiers.id,
        line: sql<number>`row_number() over (partition by ${yearOf(dossiers.receivedAt)} order by ${dossiers.receivedAt}, ${dossiers.receiptCode})`
          .mapWith(Number)
          .as('line'),
      })
      .from(dossiers)
      .where(
        and(
          eq(dossiers.receivingUnitId, f.unitId),
          gte(dossiers.receivedAt, bookStart),
          lt(dossiers.receivedAt, periodEnd),
        ),
      ),
  )
  const rows = await db
    .with(numbered)
    .select({
      line: numbered.line,
      receiptCode: dossiers.receiptCode,
      procedureCode: procedures.code,
      procedureName: sql<string>`${procedureVersions.definition}->>'name'`,
      channel: dossiers.channel,
      status: dossiers.status,
      applicant: dossiers.applicant,
      submittedAt: dossiers.submittedAt,
      receivedAt: dossiers.receivedAt,
      dueAt: dossiers.dueAt,
      pausedAt: dossiers.pausedAt,
      doneAt: dossiers.doneAt,
      returnedAt: dossiers.returnedAt,
    })
    .from(numbered)
    .innerJoin(dossiers, eq(dossiers.id, numbered.id))
    .innerJoin(procedureVersions, eq(procedureVersions.id, dossiers.procedureVersionId))
    .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
    .where(
      and(
        gte(dossiers.receivedAt, periodStart),
        f.procedureCode === undefined ? undefined : eq(procedures.code, f.procedureCode),
        f.channel === undefined ? undefined : eq(dossiers.channel, f.channel),
        f.status === undefined ? undefined : eq(dossiers.status, f.status),
      ),
    )
    .orderBy(asc(dossiers.receivedAt), asc(dossiers.receiptCode))
    .limit(f.limit)
  return rows.map((r) => ({ ...r, receivedAt: r.receivedAt!, book: String(localYear(r.receivedAt!)) }))
}

/**
 * A received dossier's place in its unit's register (book and line), as the receipt prints it; null before
 * reception.
 */
export async function registerEntry(
  db: Db,
  dossier: { unitId: string; receivingUnitId: string | null; receivedAt: Date | null; receiptCode: string },
): Promise<{ book: string; line: number } | null> {
  if (!dossier.receivedAt) return null
  const year = localYear(dossier.receivedAt)
  const [row] = await db
    .select({ line: sql<number>`count(*)`.mapWith(Number) })
    .from(dossiers)
    .where(
      and(
        eq(dossiers.receivingUnitId, dossier.receivingUnitId ?? dossier.unitId),
        gte(dossiers.receivedAt, new Date(dayStart(`${year}-01-01`))),
        sql`(${dossiers.receivedAt}, ${dossiers.receiptCode}) <= (${dossier.receivedAt.toISOString()}::timestamptz, ${dossier.receiptCode}::text)`,
      ),
    )
  return { book: String(year), line: row!.line }
}

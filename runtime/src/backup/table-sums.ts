import { createHash } from 'node:crypto'

/** Runs one SQL statement on the connection a backup or a check holds, returning its rows. */
export type Query = (text: string) => Promise<Record<string, unknown>[]>

/** One table's row count and a checksum of all its rows (every column, bytea contents included). */
export interface TableSum {
  /** `schema.table`. */
  table: string
  rows: number
  checksum: string
}

// Row text depends on these settings (timestamps in the session's time zone, bytea as hex, floats' digits): fixed, so
// a backup and a check of its restore compute the same text whatever the server's or the role's defaults.
const SETTINGS = [
  `set timezone to 'UTC'`,
  `set datestyle to 'ISO, YMD'`,
  `set intervalstyle to 'postgres'`,
  `set extra_float_digits to 1`,
  `set bytea_output to 'hex'`,
]

// The tables a restore must bring back: motcua's (public) and the record of applied migrations (drizzle).
// Unlogged tables (rate limits) are left out: PostgreSQL empties them after a crash, and a PGlite data folder is
// copied open, so its restore starts as after one; they hold nothing worth restoring.
const TABLES = `select n.nspname || '.' || c.relname as name, format('%I.%I', n.nspname, c.relname) as quoted
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where c.relkind = 'r' and c.relpersistence = 'p' and n.nspname in ('public', 'drizzle')
  order by n.nspname, c.relname`

// Each row's md5 read as two 64-bit numbers, summed over the table: one pass, constant memory, no sort, no
// primary key needed; a changed, missing or extra row changes the sums (numeric sums do not wrap around).
const sumOf = (quoted: string) => `select count(*)::text as rows,
    coalesce(sum(('x' || substr(h, 1, 16))::bit(64)::bigint::numeric), 0)::text as high,
    coalesce(sum(('x' || substr(h, 17, 16))::bit(64)::bigint::numeric), 0)::text as low
  from (select md5(t::text) as h from ${quoted} t) rows`

/**
 * Counts and checksums every table of the database, in the snapshot the connection sees (a backup runs it
 * in the transaction whose snapshot `pg_dump` exports). Cost: one sequential read of every table.
 * @example const sums = await tableSums((text) => client.query(text).then((r) => r.rows))
 */
export async function tableSums(query: Query): Promise<TableSum[]> {
  for (const setting of SETTINGS) await query(setting)
  const sums: TableSum[] = []
  for (const { name, quoted } of (await query(TABLES)) as { name: string; quoted: string }[]) {
    const [sum] = (await query(sumOf(quoted))) as { rows: string; high: string; low: string }[]
    const checksum = createHash('sha256').update(`${sum!.rows}:${sum!.high}:${sum!.low}`).digest('hex').slice(0, 32)
    sums.push({ table: name, rows: Number(sum!.rows), checksum })
  }
  return sums
}

/** A database just restored, still open: its migrations and the query its check runs on. */
export interface RestoredDatabase {
  /** Migrations applied in it, and committed in this version of motcua. */
  migrations: number
  committed: number
  /** Where a data folder that had data went (PGlite, `--force`). */
  movedAside?: string
  check: Query
  close(): Promise<void>
}

/** How many migrations the database has applied (0 for an empty one). */
export async function appliedMigrations(query: Query): Promise<number> {
  const [row] = await query(
    `select case when to_regclass('drizzle.__drizzle_migrations') is null then 0
      else (select count(*) from drizzle.__drizzle_migrations) end::int as n`,
  )
  return Number(row!.n)
}

/** One table compared: its rows and checksum in the backup's manifest and in the database checked. */
export interface TableComparison {
  table: string
  expected?: TableSum
  actual?: TableSum
  same: boolean
}

/**
 * Compares a manifest's tables with a database's, table by table (a table only one side has is a difference).
 * @example compareSums(manifest.tables, await tableSums(query)).filter((t) => !t.same)
 */
export function compareSums(expected: readonly TableSum[], actual: readonly TableSum[]): TableComparison[] {
  const names = [...new Set([...expected.map((t) => t.table), ...actual.map((t) => t.table)])].sort()
  return names.map((table) => {
    const e = expected.find((t) => t.table === table)
    const a = actual.find((t) => t.table === table)
    return {
      table,
      ...(e ? { expected: e } : {}),
      ...(a ? { actual: a } : {}),
      same: !!e && !!a && e.rows === a.rows && e.checksum === a.checksum,
    }
  })
}

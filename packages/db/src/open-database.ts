import { mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { hostname } from 'node:os'
import { dirname, join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { type SQL, sql } from 'drizzle-orm'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator'
import postgres from 'postgres'
import { lockDataDir } from './data-dir-lock'
import { type OnNotification, openNotifications } from './notifications'
import * as schema from './schema'

export type Schema = typeof schema
/** The one drizzle API the rest of motcua uses, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>

/** Where the data lives: embedded PGlite (a data folder, or memory when `dataDir` is omitted) or a PostgreSQL server. */
export type DatabaseOptions =
  | { driver: 'pglite'; dataDir?: string }
  | { driver: 'postgres'; url: string; maxConnections?: number }

export interface Database {
  readonly db: Db
  readonly driver: DatabaseOptions['driver']
  /** The most connections this process opens at once (PGlite: 1, its single connection). */
  readonly maxConnections: number
  /** Applies the committed SQL migrations; safe to run from several processes at once. */
  migrate(): Promise<void>
  /**
   * Calls `onPayload` for every `NOTIFY channel` (sent with `pg_notify` inside a transaction, delivered on
   * commit): between processes on PostgreSQL, within the process on PGlite. Returns the unsubscribe.
   * On PostgreSQL the subscription survives the server going away; once it is back, `onPayload(null)` says that
   * notifications may have been missed meanwhile (a cache must be dropped).
   */
  listen(channel: string, onPayload: OnNotification): Promise<() => Promise<void>>
  /** How many of the committed migrations the database has not applied (0 when it is up to date). */
  migrationsBehind(): Promise<number>
  close(): Promise<void>
}

const migrationsFolder = join(dirname(createRequire(import.meta.url).resolve('@motcua/db/package.json')), 'migrations')
const journal = join(migrationsFolder, 'meta', '_journal.json')
/** The number of committed migrations (in `migrations/`), read once. */
export const committedMigrations = (() => {
  let count: number | undefined
  return () => (count ??= (JSON.parse(readFileSync(journal, 'utf8')) as { entries: unknown[] }).entries.length)
})()
const migrationsBehind = async (db: Db): Promise<number> => {
  const [row] = await selectRows<{ n: number }>(db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`)
  return Math.max(0, committedMigrations() - (row?.n ?? 0))
}

/** An arbitrary constant: the advisory lock that serialises migrations across runtime processes. */
const MIGRATION_LOCK = 4_812_019

/**
 * Opens the database: PGlite by default, postgres.js for a server.
 * @example const database = await openDatabase({ driver: 'pglite', dataDir: './data' })
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.driver === 'pglite' ? openPglite(options.dataDir) : openPostgres(options.url, options.maxConnections)
}

/**
 * Reads the choice from the environment: `DATABASE_URL` selects PostgreSQL, otherwise PGlite in `DATA_DIR` (default `./data`).
 * @example openDatabase(databaseOptionsFromEnv(process.env))
 */
export function databaseOptionsFromEnv(env: Record<string, string | undefined>): DatabaseOptions {
  if (env.DATABASE_URL) return { driver: 'postgres', url: env.DATABASE_URL }
  return { driver: 'pglite', dataDir: env.DATA_DIR || './data' }
}

/** The extensions motcua's PGlite databases load (the schema's trigram indexes need `pg_trgm`). */
export const pgliteExtensions = { pg_trgm }

async function openPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true })
  // one process per data folder: a second PGlite on the same files would corrupt them
  const release = dataDir ? lockDataDir(dataDir) : () => {}
  let client: PGlite
  try {
    client = new PGlite({ ...(dataDir ? { dataDir } : {}), extensions: pgliteExtensions })
    await client.waitReady
  } catch (error) {
    release()
    throw error
  }
  const db = drizzlePglite({ client, schema }) as unknown as Db
  return {
    db,
    driver: 'pglite',
    maxConnections: 1,
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    listen: (channel, onPayload) => client.listen(channel, onPayload),
    migrationsBehind: () => migrationsBehind(db),
    close: () => client.close().finally(release),
  }
}

/**
 * Names this process's connections in `pg_stat_activity` (63 bytes at most), so its pool use can be counted there:
 * postgres.js has no statistics of its own. The host name tells apart processes of the same id on other machines.
 */
const applicationName = (): string => `motcua:${process.pid}:${hostname()}`.slice(0, 63)

async function openPostgres(url: string, maxConnections = 10): Promise<Database> {
  const client = postgres(url, {
    max: maxConnections,
    onnotice: () => {},
    connection: { application_name: applicationName() },
  })
  const db = drizzlePostgres({ client, schema }) as unknown as Db
  const notifications = openNotifications(url)
  return {
    db,
    driver: 'postgres',
    maxConnections,
    async migrate() {
      const lock = await client.reserve()
      try {
        await lock`select pg_advisory_lock(${MIGRATION_LOCK})`
        await migratePostgres(db as never, { migrationsFolder })
      } finally {
        await lock`select pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => {})
        lock.release()
      }
    },
    listen: (channel, onPayload) => notifications.listen(channel, onPayload),
    migrationsBehind: () => migrationsBehind(db),
    async close() {
      await notifications.close()
      await client.end({ timeout: 5 })
    },
  }
}

/**
 * The rows of a raw SQL query on either driver (`db.execute` answers an array on postgres.js, `{ rows }` on PGlite).
 * @example const [row] = await selectRows<{ n: number }>(db, sql`select count(*)::int as n from dossiers`)
 */
export async function selectRows<T = Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query)
  return (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[]
}

/**
 * Runs `work` in one transaction, handing it the same `Db` API as outside (drizzle types a transaction per
 * driver; this is the one place that bridges them). Committed when `work` resolves, rolled back when it throws.
 * @example await withTransaction(db, async (tx) => { await tx.insert(dossiers).values(row); await tx.insert(dossierEvents).values(event) })
 */
export function withTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction((tx) => work(tx as unknown as Db))
}

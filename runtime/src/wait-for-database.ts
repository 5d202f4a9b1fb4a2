import { setTimeout as sleep } from 'node:timers/promises'
import { connectionErrorCode, type Database, type DatabaseOptions } from '@motcua/db'
import { log } from './log'

/** The first wait after a refused start, doubled after each failure up to `MAX_WAIT_MS`. */
const FIRST_WAIT_MS = 1000
const MAX_WAIT_MS = 30_000

/** Host and port of a PostgreSQL URL, never its user or password: what a log line may name. */
export function databaseAddress(options: DatabaseOptions): string {
  if (options.driver === 'pglite') return options.dataDir ?? 'memory'
  try {
    const url = new URL(options.url)
    return `${url.hostname || 'localhost'}:${url.port || '5432'}`
  } catch {
    return 'DATABASE_URL'
  }
}

/**
 * Migrates the database, waiting for it first when it cannot be reached (a server started before its database,
 * or while it restarts): one warning per try, with backoff, until it answers. Any other failure (a wrong
 * password, a missing database, a failed migration) is thrown at once: waiting would not fix it.
 * @example await migrateWhenReachable(database, config.database)
 */
export async function migrateWhenReachable(
  database: Database,
  options: DatabaseOptions,
  wait: (ms: number) => Promise<unknown> = sleep,
): Promise<void> {
  for (let waitMs = FIRST_WAIT_MS, tries = 1; ; tries++, waitMs = Math.min(waitMs * 2, MAX_WAIT_MS)) {
    try {
      await database.migrate()
      if (tries > 1) log('database reachable', { address: databaseAddress(options), tries })
      return
    } catch (error) {
      const reason = connectionErrorCode(error)
      if (!reason) throw error
      log(
        'database unreachable at start, waiting for it (check DATABASE_URL if this goes on)',
        { address: databaseAddress(options), tries, retryInMs: waitMs, reason },
        'warn',
      )
      await wait(waitMs)
    }
  }
}

import { type Database, selectRows } from '@motcua/db'
import { sql } from 'drizzle-orm'
import { withTimeout } from '../timeout'
import type { RuntimeMetrics } from './runtime-metrics'

/** How long a scrape waits for the database before it reports `motcua_database_up 0` without the database gauges. */
export const DATABASE_SCRAPE_MS = 2000

/** The label of outbox rows of no plugin. */
const NO_PLUGIN = 'none'

// pending and dead rows only: the index on (state, next_attempt_at) finds them without reading the delivered ones
const outboxQuery = sql`
  select coalesce(plugin_slug, ${NO_PLUGIN}) as plugin,
    count(*) filter (where state = 'pending')::int as pending,
    count(*) filter (where state = 'dead')::int as dead,
    coalesce(extract(epoch from now() - min(created_at) filter (where state = 'pending')), 0)::float8 as oldest
  from outbox where state in ('pending', 'dead') group by 1`

// this process's connections, named by `openDatabase` (application_name); the one asking is busy only asking
const connectionsQuery = sql`
  select count(*) filter (where state <> 'idle' and pid <> pg_backend_pid())::int as busy,
    count(*) filter (where state = 'idle' or pid = pg_backend_pid())::int as idle
  from pg_stat_activity where application_name = current_setting('application_name')`

interface OutboxRow {
  plugin: string
  pending: number
  dead: number
  oldest: number
}
interface ConnectionsRow {
  busy: number
  idle: number
}

/**
 * Fills the database gauges for one scrape: the outbox per plugin (waiting, the oldest one's age, dead; `plugins`,
 * the loaded ones, show 0 while they have nothing) and, on PostgreSQL, this process's connections. A database that
 * fails or does not answer in time never fails the scrape: `motcua_database_up` is 0 and the database gauges are
 * left out rather than shown stale. Scrapes that arrive while one is asking share its answer.
 * @example const collect = databaseGauges(metrics); await collect(database)
 */
export function databaseGauges(
  { database: gauges }: RuntimeMetrics,
  timeoutMs = DATABASE_SCRAPE_MS,
): (database: Database, plugins?: Iterable<string>) => Promise<void> {
  let asking: Promise<void> | undefined
  const collect = async (database: Database, plugins: Iterable<string>) => {
    gauges.connectionsMax.set(database.maxConnections)
    const outboxGauges = [gauges.outboxPending, gauges.outboxOldestPending, gauges.outboxDead]
    try {
      // one after the other: a query of this scrape running beside the other would count as a busy connection
      const { outbox, connections } = await withTimeout(
        (async () => ({
          outbox: await selectRows<OutboxRow>(database.db, outboxQuery),
          connections:
            database.driver === 'postgres' ? await selectRows<ConnectionsRow>(database.db, connectionsQuery) : [],
        }))(),
        timeoutMs,
      )
      for (const gauge of [...outboxGauges, gauges.connections]) gauge.reset()
      for (const plugin of plugins) for (const gauge of outboxGauges) gauge.set({ plugin }, 0)
      for (const { plugin, pending, dead, oldest } of outbox) {
        gauges.outboxPending.set({ plugin }, Number(pending))
        gauges.outboxDead.set({ plugin }, Number(dead))
        gauges.outboxOldestPending.set({ plugin }, Number(oldest))
      }
      for (const { busy, idle } of connections) {
        gauges.connections.set({ state: 'busy' }, Number(busy))
        gauges.connections.set({ state: 'idle' }, Number(idle))
      }
      gauges.up.set(1)
    } catch {
      // the error's message may quote the query's values: it is not logged; /readyz tells what fails
      for (const gauge of [...outboxGauges, gauges.connections]) gauge.reset()
      gauges.up.set(0)
    }
  }
  return (database, plugins = []) => {
    asking ??= collect(database, plugins).finally(() => {
      asking = undefined
    })
    return asking
  }
}

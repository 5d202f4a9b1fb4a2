import { Hono } from 'hono'
import type { AppEnv } from '../app'
import type { Operation } from '../http/openapi'
import { withTimeout } from '../timeout'

/** What `/readyz` reports besides the database: set by the process that serves (`startRuntime`). */
export interface Readiness {
  /** Set on SIGTERM: the process finishes what it has and answers new requests 503, so a proxy sends them elsewhere. */
  draining: boolean
}

/** How long `/readyz` waits for the database before it answers 503. */
const DATABASE_CHECK_MS = 2000
/** Seconds a client or proxy is told to wait before trying a process that is not ready again. */
export const NOT_READY_RETRY_AFTER = 5

export const health = new Hono<AppEnv>()
  // alive: the event loop turns; never touches the database, so a supervisor does not restart a process whose
  // database is down (it recovers on its own when the database returns)
  .get('/healthz', (c) =>
    c.json({ status: 'ok', database: c.var.database.driver, version: process.env.npm_package_version ?? '0.1.0' }),
  )
  .get('/readyz', async (c) => {
    const { database, plugins, readiness } = c.var
    const checks: Record<string, 'ok' | 'failing' | 'draining' | number> = {}
    if (readiness.draining) checks.process = 'draining'
    try {
      // counting the applied migrations is also the proof that the database answers
      const behind = await withTimeout(database.migrationsBehind(), DATABASE_CHECK_MS)
      checks.database = 'ok'
      checks.migrations = behind === 0 ? 'ok' : behind
    } catch {
      checks.database = 'failing'
    }
    const ready = Object.values(checks).every((v) => v === 'ok')
    if (!ready) c.header('Retry-After', String(NOT_READY_RETRY_AFTER))
    // the plugins are loaded before the process serves at all (a plugin that fails to load stops the start)
    return c.json({ status: ready ? 'ready' : 'not ready', checks, plugins: plugins.plugins.size }, ready ? 200 : 503, {
      'Cache-Control': 'no-store',
    })
  })

export const healthDocs: Operation[] = [
  {
    method: 'get',
    path: '/healthz',
    tag: 'system',
    summary: 'Liveness: the process answers (the database is not checked) and which database it uses',
    access: 'public',
    responses: { 200: 'ok' },
  },
  {
    method: 'get',
    path: '/readyz',
    tag: 'system',
    summary:
      'Readiness: the database answers, its migrations are current, the plugins are loaded, the process is not stopping',
    access: 'public',
    responses: { 200: 'ready', 503: 'not ready (with Retry-After); `checks` says which check failed' },
  },
]

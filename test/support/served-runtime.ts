import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import { openDatabase } from '@motcua/db'
import { openTestRuntime, TEST_PASSWORD, type TestRuntime } from '../../runtime/src/testing'
import { repoRoot } from './runtime-process'

/** A runtime served over real HTTP from this process, with a clock the test moves. */
export interface ServedRuntime {
  url: string
  runtime: TestRuntime
  /** The demo accounts' password. */
  password: string
  /** Sets the runtime's "now" (Vietnam time when the text has no offset: `'2026-12-01T09:00:00'`). */
  setNow(at: Date | string): void
  close(): Promise<void>
}

/**
 * The seeded runtime (units, library, demo accounts) on in-memory PGlite, serving the built portal, desk and studio
 * (`runtime/dist`, built by the global setup) on a free port, with a controllable clock: for browser tests that
 * need time to pass (a deadline missed, a consultation's time out).
 * @example const served = await serveRuntime('2026-12-01T08:30:00'); await page.goto(`${served.url}/desk`)
 */
export async function serveRuntime(start: Date | string = new Date()): Promise<ServedRuntime> {
  const toDate = (at: Date | string) =>
    typeof at === 'string' && !/[zZ+]/.test(at.slice(10)) ? new Date(`${at}+07:00`) : new Date(at)
  let now = toDate(start)
  const runtime = await openTestRuntime(
    async () => {
      const database = await openDatabase({ driver: 'pglite' })
      await database.migrate()
      return database
    },
    { clock: () => now, webRoot: join(repoRoot, 'runtime', 'dist') },
  )
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: runtime.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    runtime,
    password: TEST_PASSWORD,
    setNow(at) {
      now = toDate(at)
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await runtime.close()
    },
  }
}

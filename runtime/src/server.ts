import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { serve } from '@hono/node-server'
import { openDatabase } from '@motcua/db'
import { type ComposeOptions, composeRuntime } from './compose'
import type { RuntimeConfig } from './config'
import { createConsultationSweeper } from './consultations/sweep'
import { answerMalformedRequest } from './http/client-error'
import { countInFlight } from './http/in-flight'
import { log, setLogLevel } from './log'
import { pluginSources } from './plugins/load-plugins'
import { createOutboxWorker } from './plugins/outbox-worker'
import { watchPlugins } from './plugins/watch-plugins'
import { createReorganisationScheduler } from './reorganisations/scheduler'
import type { Readiness } from './routes/health'
import { migrateWhenReachable } from './wait-for-database'

export interface RunningRuntime {
  url: string
  /** Stops accepting connections, finishes what is in flight, then closes the database. */
  close(): Promise<void>
}

/**
 * Opens and migrates the database, assembles the runtime (seeding it on first start), delivers the outbox and
 * serves the API and the portal.
 * @example const runtime = await startRuntime({ ...configFromEnv(process.env), port: 0 })
 */
export async function startRuntime(
  config: RuntimeConfig & Pick<ComposeOptions, 'studioDir' | 'deskDir'>,
): Promise<RunningRuntime> {
  if (config.logLevel) setLogLevel(config.logLevel)
  const database = await openDatabase(config.database)
  await migrateWhenReachable(database, config.database)
  const readiness: Readiness = { draining: false }
  const runtime = await composeRuntime(database, {
    ...config,
    readiness,
    ...(config.pluginsDir ? { plugins: pluginSources(config.pluginsDir) } : {}),
    accessLog: true,
  })
  if (runtime.seeded.length) log('seeded', { steps: runtime.seeded })
  const { plugins } = runtime.services
  if (plugins.plugins.size) log('plugins loaded', { slugs: [...plugins.plugins.keys()] })
  const watcher = config.pluginsWatch ? watchPlugins(plugins) : undefined
  const worker = createOutboxWorker(database, plugins, { secret: runtime.services.secret })
  worker.start(config.outboxIntervalMs ?? 2000)
  // consultations past their deadlines: checked every minute (a deadline is a working minute)
  const sweeper = createConsultationSweeper(runtime.services)
  sweeper.start(60_000)
  // reorganisation plans scheduled for a date: applied at (or, after a stop, on the first check after) midnight
  const reorganiser = createReorganisationScheduler(runtime.services)
  reorganiser.start(60_000)
  // plain HTTP/1.1 (`serve`'s default): nginx in front speaks it to the processes
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: runtime.app.fetch, port: config.port, hostname: config.host }, () => resolve(s as Server))
  })
  server.on('clientError', answerMalformedRequest)
  const inFlight = countInFlight(server)
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`,
    async close() {
      // new requests are answered 503 (nginx sends them elsewhere) while those in flight finish; the server keeps
      // listening a moment, so nginx sees the 503s rather than refused connections, then closes
      readiness.draining = true
      const drainMs = config.drainTimeoutMs ?? 30_000
      const lingerMs = config.drainLingerMs ?? 1500
      log('draining', { inFlight: inFlight.count(), drainMs, lingerMs })
      const [finished] = await Promise.all([inFlight.settled(drainMs), sleep(lingerMs)])
      if (!finished) log('drain timed out', { inFlight: inFlight.count() }, 'error')
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeIdleConnections()
      if (!finished || !(await inFlight.settled(1000))) server.closeAllConnections()
      await closed
      watcher?.close()
      await plugins.close() // a delivery still running fails now and is retried later
      await worker.stop()
      await sweeper.stop()
      await reorganiser.stop()
      await runtime.close()
      await database.close()
    },
  }
}

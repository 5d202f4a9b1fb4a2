import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { type DatabaseOptions, openDatabase } from '@motcua/db'
import { createApp } from './app'
import { loadInstanceSecret } from './auth/instance-secret'
import { answerMalformedRequest } from './http/client-error'
import { log } from './log'
import { defaultPluginsDir, loadPlugins, pluginSources } from './plugins/load-plugins'
import { createOutboxWorker } from './plugins/outbox-worker'
import { createPluginHost, PLUGIN_SETTINGS_CHANNEL } from './plugins/plugin-host'
import { defaultProceduresDir } from './procedures/library'
import { createRegistry } from './procedures/registry'
import { seed } from './seed'
import { createUnitDirectory } from './units/unit-directory'

export interface RuntimeOptions {
  port: number
  host: string
  database: DatabaseOptions
  /** Seeds the demo accounts with this password when set. */
  demoPassword?: string
  /** The procedure library imported on first start (default: the repository's `procedures/`). */
  proceduresDir?: string
  trackLimitPerMinute?: number
  /** Anonymous submissions per client address per minute (0: no limit). */
  submitLimitPerMinute?: number
  /** Where the plugin packages are (default: the repository's `plugins/`). */
  pluginsDir?: string
  /** How often the outbox is delivered (default 2 s). */
  outboxIntervalMs?: number
}

export interface RunningRuntime {
  url: string
  /** Stops accepting connections, finishes what is in flight, then closes the database. */
  close(): Promise<void>
}

/**
 * Opens and migrates the database, seeds it on first start, and serves the API.
 * @example const runtime = await startRuntime({ port: 0, host: '127.0.0.1', database: { driver: 'pglite' } })
 */
export async function startRuntime(options: RuntimeOptions): Promise<RunningRuntime> {
  const database = await openDatabase(options.database)
  await database.migrate()
  const applied = await seed(database.db, {
    demoPassword: options.demoPassword,
    proceduresDir: options.proceduresDir ?? defaultProceduresDir(),
  })
  if (applied.length) log('seeded', { steps: applied })
  const registry = await createRegistry(database)
  const units = await createUnitDirectory(database)
  const plugins = createPluginHost(await loadPlugins(pluginSources(options.pluginsDir ?? defaultPluginsDir())), units)
  const unlistenPlugins = await database.listen(PLUGIN_SETTINGS_CHANNEL, () => plugins.invalidate())
  if (plugins.plugins.size) log('plugins loaded', { slugs: [...plugins.plugins.keys()] })
  const worker = createOutboxWorker(database, plugins)
  worker.start(options.outboxIntervalMs ?? 2000)
  const app = createApp({
    units,
    plugins,
    database,
    registry,
    secret: await loadInstanceSecret(database.db),
    ...(options.trackLimitPerMinute ? { trackLimitPerMinute: options.trackLimitPerMinute } : {}),
    ...(options.submitLimitPerMinute !== undefined ? { submitLimitPerMinute: options.submitLimitPerMinute } : {}),
    accessLog: true,
  })
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () => resolve(s))
  })
  server.on('clientError', answerMalformedRequest)
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${options.host === '0.0.0.0' ? '127.0.0.1' : options.host}:${port}`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await plugins.close() // a delivery still running fails now and is retried later
      await worker.stop()
      await unlistenPlugins()
      await units.close()
      await registry.close()
      await database.close()
    },
  }
}

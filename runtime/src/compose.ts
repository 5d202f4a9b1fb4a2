import type { Database } from '@motcua/db'
import { createApp, type Services } from './app'
import { loadInstanceSecret } from './auth/instance-secret'
import { defaultPluginsDir, loadPlugins, pluginFormats, pluginSources } from './plugins/load-plugins'
import { createPluginHost, PLUGIN_SETTINGS_CHANNEL, type PluginLimits } from './plugins/plugin-host'
import { defaultProceduresDir } from './procedures/library'
import { createRegistry } from './procedures/registry'
import { seed } from './seed'
import { createUnitDirectory } from './units/unit-directory'

export interface ComposeOptions
  extends Pick<
    Services,
    | 'trackLimitPerMinute'
    | 'submitLimitPerMinute'
    | 'trustProxy'
    | 'webDir'
    | 'studioDir'
    | 'deskDir'
    | 'clock'
    | 'accessLog'
    | 'reorganisationsDir'
    | 'readiness'
    | 'metricsToken'
  > {
  /** Seeds the demo accounts with this password on first start. */
  demoPassword?: string
  /** The procedure library imported on first start; `null` imports none (default: the repository's). */
  proceduresDir?: string | null
  /** Plugin modules to load (default: every package under the repository's `plugins/`). */
  plugins?: string[]
  pluginLimits?: Partial<PluginLimits>
  /** SECRET_KEY; default: the one generated on first start and kept in the database. */
  secretKey?: string
}

export interface ComposedRuntime {
  services: Services
  app: ReturnType<typeof createApp>
  /** The first-start seed steps this start applied (none on a restart). */
  seeded: string[]
  /** Stops the plugins' threads and the notifications; the caller closes the database it opened. */
  close(): Promise<void>
}

/**
 * The one place the runtime is assembled, for `npm start` and for the tests alike: the first-start seed, the
 * procedure registry, the units, the plugins with their settings, and the HTTP app over them.
 * @example const { app, close } = await composeRuntime(database, { plugins: [] })
 */
export async function composeRuntime(database: Database, options: ComposeOptions = {}): Promise<ComposedRuntime> {
  const { demoPassword, proceduresDir = defaultProceduresDir(), secretKey } = options
  const applied = await seed(database.db, {
    ...(demoPassword ? { demoPassword } : {}),
    ...(proceduresDir ? { proceduresDir } : {}),
  })
  const loaded = await loadPlugins(options.plugins ?? pluginSources(defaultPluginsDir()))
  // forms may use the plugins' formats: the registry's form validators know them
  const registry = await createRegistry(database, { formats: pluginFormats(loaded) })
  const units = await createUnitDirectory(database)
  const plugins = createPluginHost(loaded, units, options.pluginLimits)
  const unlistenPlugins = await database.listen(PLUGIN_SETTINGS_CHANNEL, () => plugins.invalidate())
  const services: Services = {
    database,
    registry,
    units,
    plugins,
    proceduresDir,
    secret: await loadInstanceSecret(database.db, secretKey),
    ...Object.fromEntries(
      (
        [
          'trackLimitPerMinute',
          'submitLimitPerMinute',
          'trustProxy',
          'webDir',
          'studioDir',
          'deskDir',
          'clock',
          'accessLog',
          'reorganisationsDir',
          'readiness',
          'metricsToken',
        ] as const
      )
        .filter((key) => options[key] !== undefined)
        .map((key) => [key, options[key]]),
    ),
  }
  return {
    services,
    app: createApp(services),
    seeded: applied,
    async close() {
      await plugins.close()
      await unlistenPlugins()
      await units.close()
      await registry.close()
    },
  }
}

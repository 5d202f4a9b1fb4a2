import { type FSWatcher, watch } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isDeepStrictEqual } from 'node:util'
import { errorFields, log } from '../log'
import { checkManifest, type PluginManifest } from './manifest'
import type { PluginHost } from './plugin-host'
import { createSandbox } from './sandbox'

/** What one reload did: the new code runs, a restart is needed for what changed, or the new code failed to load. */
export type ReloadOutcome =
  | { slug: string; outcome: 'reloaded' }
  | { slug: string; outcome: 'restart-needed'; changed: string[] }
  | { slug: string; outcome: 'failed'; error: string }

// What the runtime sets up once at start (mounted routes, the settings' validator, form contributions): a change
// there needs a restart. Everything else (hooks, deliver, names, limits) is read from the manifest at each call.
const FIXED_AT_START = [
  'slug',
  'configSchema',
  'routes',
  'reads',
  'lookups',
  'formats',
  'widgets',
  'actions',
] as const satisfies readonly (keyof PluginManifest)[]

/**
 * Starts a plugin's worker afresh from its module and checks what it reports; when what the runtime set up at start
 * is unchanged, the new worker takes over (the old one is stopped: a delivery it was running fails and is retried).
 */
export async function reloadPlugin(host: PluginHost, slug: string): Promise<ReloadOutcome> {
  const current = host.plugins.get(slug)
  if (!current) return { slug, outcome: 'failed', error: 'no such plugin' }
  const sandbox = createSandbox({ source: current.source })
  let checked: ReturnType<typeof checkManifest>
  try {
    checked = checkManifest(await sandbox.start(), current.source)
  } catch (error) {
    await sandbox.close()
    return { slug, outcome: 'failed', error: error instanceof Error ? error.message : String(error) }
  }
  const changed = FIXED_AT_START.filter((key) => !isDeepStrictEqual(current.manifest[key], checked.manifest[key]))
  if (changed.length) {
    await sandbox.close()
    return { slug, outcome: 'restart-needed', changed }
  }
  host.plugins.set(slug, { ...current, ...checked, sandbox })
  await current.sandbox.close()
  return { slug, outcome: 'reloaded' }
}

/**
 * Development mode (PLUGINS_WATCH=1): watches each plugin's source folder and reloads the plugin when a file there
 * changes (its tests aside), logging the outcome. Only plugins loaded from files are watched.
 * @example const watcher = watchPlugins(runtime.services.plugins); … watcher.close()
 */
export function watchPlugins(
  host: PluginHost,
  options: { debounceMs?: number; onReload?: (outcome: ReloadOutcome) => void } = {},
): { close(): void } {
  const { debounceMs = 150, onReload } = options
  const watchers: FSWatcher[] = []
  const timers = new Map<string, NodeJS.Timeout>()
  const running = new Map<string, Promise<void>>()

  const reload = (slug: string) => {
    // one reload at a time per plugin; a change during one starts another after it
    const previous = running.get(slug) ?? Promise.resolve()
    const next = previous.then(async () => {
      const outcome = await reloadPlugin(host, slug).catch(
        (error: unknown): ReloadOutcome => ({ slug, outcome: 'failed', error: String(error) }),
      )
      if (outcome.outcome === 'reloaded') log('plugin reloaded', { plugin: slug })
      else if (outcome.outcome === 'restart-needed')
        log('plugin changed what the runtime sets up at start: restart the runtime', {
          plugin: slug,
          changed: outcome.changed,
        })
      else
        log('plugin reload failed: the previous code keeps running', { plugin: slug, reason: outcome.error }, 'error')
      onReload?.(outcome)
    })
    running.set(slug, next)
  }

  for (const [slug, plugin] of host.plugins) {
    if (!plugin.source.startsWith('file:')) continue
    const dir = dirname(fileURLToPath(plugin.source))
    try {
      const watcher = watch(dir, { recursive: true }, (_event, file) => {
        if (file && /\.test(-d)?\.ts$/.test(file)) return
        clearTimeout(timers.get(slug))
        timers.set(
          slug,
          setTimeout(() => reload(slug), debounceMs),
        )
      })
      watchers.push(watcher)
      log('watching plugin', { plugin: slug, dir })
    } catch (error) {
      log('cannot watch plugin', { plugin: slug, dir, ...errorFields(error) }, 'error')
    }
  }
  return {
    close() {
      for (const watcher of watchers) watcher.close()
      for (const timer of timers.values()) clearTimeout(timer)
    },
  }
}

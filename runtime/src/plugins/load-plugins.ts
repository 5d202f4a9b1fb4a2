import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { type CustomFormats, formatLabels } from '@motcua/core'
import { SDK_VERSION } from '@motcua/plugin-sdk'
import { satisfies, validRange } from 'semver'
import { type CheckedManifest, checkManifest } from './manifest'
import { createSandbox, fromSource, type PluginSandbox } from './sandbox'

/** A plugin as the runtime holds it: its checked manifest and the worker sandbox that runs its code. */
export interface LoadedPlugin extends CheckedManifest {
  /** The module the worker imports (for messages). */
  source: string
  sandbox: PluginSandbox
}

/** The repository's `plugins/` folder (PLUGINS_DIR overrides it). */
export function defaultPluginsDir(): string {
  return join(dirname(createRequire(import.meta.url).resolve('@motcua/runtime/package.json')), '..', 'plugins')
}

// The `exports` target for the conditions this runtime loads with (TypeScript source in tests, the build otherwise).
function exportTarget(entry: unknown, conditions: string[]): string | undefined {
  if (typeof entry === 'string') return entry
  if (!entry || typeof entry !== 'object') return undefined
  const map = entry as Record<string, unknown>
  if ('.' in map) return exportTarget(map['.'], conditions)
  for (const condition of conditions) {
    const found = condition in map ? exportTarget(map[condition], conditions) : undefined
    if (found) return found
  }
  return undefined
}

/**
 * The entry module (a file URL) of every package folder under `dir`, in name order; throws for a package written for
 * another SDK than this runtime's.
 */
export function pluginSources(dir: string): string[] {
  let folders: string[] = []
  try {
    folders = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort()
  } catch {
    return []
  }
  const conditions = fromSource ? ['source', 'import', 'default'] : ['import', 'default']
  const sources: string[] = []
  for (const folder of folders) {
    let pkg: { exports?: unknown; main?: string; peerDependencies?: Record<string, string> }
    try {
      pkg = JSON.parse(readFileSync(join(dir, folder, 'package.json'), 'utf8'))
    } catch {
      continue
    }
    checkSdkRange(folder, pkg)
    const entry = exportTarget(pkg.exports, conditions) ?? pkg.main ?? 'index.js'
    sources.push(pathToFileURL(join(dir, folder, entry)).href)
  }
  return sources
}

/**
 * Starts a worker per plugin module and checks what each reports; a module that fails to load or is not a
 * plugin stops the start with a message naming it.
 * @example const plugins = await loadPlugins(pluginSources(defaultPluginsDir()))
 */
export async function loadPlugins(sources: string[]): Promise<Map<string, LoadedPlugin>> {
  const sandboxes = sources.map((source) => ({ source, sandbox: createSandbox({ source }) }))
  const started = await Promise.allSettled(sandboxes.map(({ sandbox }) => sandbox.start()))
  const loaded = new Map<string, LoadedPlugin>()
  try {
    for (const [i, { source, sandbox }] of sandboxes.entries()) {
      const result = started[i]!
      if (result.status === 'rejected')
        throw new Error(`${source}: the plugin could not be loaded (${(result.reason as Error).message})`)
      const checked = checkManifest(result.value, source)
      if (loaded.has(checked.manifest.slug)) throw new Error(`Two plugins use the slug ${checked.manifest.slug}`)
      loaded.set(checked.manifest.slug, { ...checked, source, sandbox })
    }
    checkNoDuplicates([...loaded.values()])
  } catch (error) {
    await Promise.all(sandboxes.map(({ sandbox }) => sandbox.close()))
    throw error
  }
  return loaded
}

/** Every loaded plugin's form formats, by name (names are unique across plugins: checked at start). */
export const pluginFormats = (plugins: ReadonlyMap<string, LoadedPlugin>): CustomFormats =>
  Object.assign({}, ...[...plugins.values()].map((p) => p.manifest.formats))

/** Refuses a plugin package written for another SDK than this runtime's (its peer dependency range). */
function checkSdkRange(folder: string, pkg: { peerDependencies?: Record<string, string> }) {
  const range = pkg.peerDependencies?.['@motcua/plugin-sdk']
  if (!range || !validRange(range))
    throw new Error(
      `plugin ${folder}: its package.json must declare the SDK it was written for, e.g. "peerDependencies": { "@motcua/plugin-sdk": "^${SDK_VERSION}" }`,
    )
  if (!satisfies(SDK_VERSION, range))
    throw new Error(
      `plugin ${folder} was written for @motcua/plugin-sdk ${range}; this runtime has ${SDK_VERSION}: update the plugin for SDK ${SDK_VERSION} (see packages/plugin-sdk/README.md) or use a runtime that matches`,
    )
}

// names a form already has: ajv-formats' and motcua's formats; @rjsf's and motcua's widgets
const BUILT_IN_WIDGETS = [
  'text',
  'textarea',
  'password',
  'email',
  'uri',
  'url',
  'color',
  'date',
  'datetime',
  'time',
  'hidden',
  'select',
  'radio',
  'checkbox',
  'checkboxes',
  'range',
  'updown',
  'file',
  'files',
  'alt-date',
  'alt-datetime',
  'money',
  'vnd',
  'address',
]

/** Refuses two plugins contributing the same format or widget name (or one motcua has), naming both. */
function checkNoDuplicates(plugins: LoadedPlugin[]) {
  const kinds = [
    { what: 'format', of: (p: LoadedPlugin) => p.manifest.formats, builtIn: Object.keys(formatLabels) },
    { what: 'widget', of: (p: LoadedPlugin) => p.manifest.widgets, builtIn: BUILT_IN_WIDGETS },
  ]
  for (const { what, of, builtIn } of kinds) {
    const owners = new Map<string, string>(builtIn.map((name) => [name, 'motcua']))
    for (const plugin of plugins)
      for (const name of Object.keys(of(plugin))) {
        const first = owners.get(name)
        if (first)
          throw new Error(
            `The ${what} "${name}" is contributed by both ${first === 'motcua' ? 'motcua itself' : `plugin ${first}`} and plugin ${plugin.manifest.slug}: rename one`,
          )
        owners.set(name, plugin.manifest.slug)
      }
  }
}

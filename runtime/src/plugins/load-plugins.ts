import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { createAjv, type Issue, toIssues } from '@motcua/core'
import type { Plugin } from '@motcua/plugin-sdk'

/** A plugin as the runtime holds it: the module's default export and its compiled config validator. */
export interface LoadedPlugin {
  plugin: Plugin<Record<string, unknown>>
  /** The problems of a unit's configuration, each at its JSON path (empty when valid). */
  validateConfig(config: unknown): Issue[]
}

const ajv = createAjv()
const SLUG = /^[a-z][a-z0-9-]{1,48}$/

/** Checks a plugin module's shape once, so everything after can trust it. */
export function resolvePlugin(candidate: unknown, source: string): LoadedPlugin {
  const plugin = candidate as Plugin<Record<string, unknown>>
  if (!plugin || typeof plugin !== 'object' || typeof plugin.slug !== 'string' || !SLUG.test(plugin.slug)) {
    throw new Error(`${source}: the default export is not a plugin (definePlugin with a kebab-case slug)`)
  }
  if (!plugin.configSchema || typeof plugin.configSchema !== 'object')
    throw new Error(`${source}: plugin ${plugin.slug} has no configSchema`)
  const validate = ajv.compile(plugin.configSchema)
  return { plugin, validateConfig: (config) => (validate(config) ? [] : toIssues(validate.errors)) }
}

/** The repository's `plugins/` folder (PLUGINS_DIR overrides it). */
export function defaultPluginsDir(): string {
  return join(dirname(createRequire(import.meta.url).resolve('@motcua/runtime/package.json')), '..', 'plugins')
}

/** Imports every workspace package under `plugins/` (by its package name) and resolves it. */
export async function loadPlugins(dir: string): Promise<Map<string, LoadedPlugin>> {
  const loaded = new Map<string, LoadedPlugin>()
  let folders: string[] = []
  try {
    folders = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort()
  } catch {
    return loaded
  }
  for (const folder of folders) {
    let name: string
    try {
      name = (JSON.parse(readFileSync(join(dir, folder, 'package.json'), 'utf8')) as { name: string }).name
    } catch {
      continue
    }
    const module = (await import(name)) as { default?: unknown }
    const resolved = resolvePlugin(module.default, name)
    if (loaded.has(resolved.plugin.slug)) throw new Error(`Two plugins use the slug ${resolved.plugin.slug}`)
    loaded.set(resolved.plugin.slug, resolved)
  }
  return loaded
}

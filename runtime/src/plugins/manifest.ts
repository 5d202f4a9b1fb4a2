import { createAjv, type Issue, type Message, toIssues } from '@motcua/core'
import { HOOK_NAMES, type HookName } from './sandbox-protocol'

/** What a plugin's worker reports about it on start, checked: the runtime never imports the plugin itself. */
export interface PluginManifest {
  slug: string
  name: Message
  description?: Message
  configSchema: Record<string, unknown>
  hooks: HookName[]
  deliver: boolean
  /** The plugin's own limit for one delivery, when it declares one. */
  deliveryTimeoutMs?: number
  routes: { method: 'get' | 'post'; path: string; headers: string[] }[]
}

/** A manifest with what follows from it: the config validator and the names of its secret settings. */
export interface CheckedManifest {
  manifest: PluginManifest
  /** The problems of a unit's configuration, each at its JSON path (empty when valid). */
  validateConfig(config: unknown): Issue[]
  /** Top-level config properties marked `writeOnly: true`: stored, given to the plugin, never returned by the API. */
  secrets: string[]
}

const ajv = createAjv()
const SLUG = /^[a-z][a-z0-9-]{1,48}$/
const HEADER = /^[a-z0-9-]{1,64}$/
const ROUTE_PATH = /^\/[A-Za-z0-9/:._~-]{0,200}$/

const isText = (value: unknown): value is Message =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Message).vi === 'string' &&
  typeof (value as Message).en === 'string'

/**
 * Checks a worker's report of its plugin once, so everything after can trust it; throws naming `source`.
 * @example const { manifest, validateConfig } = checkManifest(await sandbox.start(), '@motcua/plugin-vietnam-qr-pay')
 */
export function checkManifest(raw: unknown, source: string): CheckedManifest {
  const m = (raw ?? {}) as Record<string, unknown>
  const fail = (why: string) => new Error(`${source}: ${why}`)
  if (typeof m.slug !== 'string' || !SLUG.test(m.slug))
    throw fail('the default export is not a plugin (definePlugin with a kebab-case slug)')
  const slug = m.slug
  if (!isText(m.name)) throw fail(`plugin ${slug} has no name { vi, en }`)
  if (m.description !== undefined && !isText(m.description)) throw fail(`plugin ${slug}: description is not { vi, en }`)
  if (!m.configSchema || typeof m.configSchema !== 'object' || Array.isArray(m.configSchema))
    throw fail(`plugin ${slug} has no configSchema`)
  const configSchema = m.configSchema as Record<string, unknown>
  let validate: ReturnType<typeof ajv.compile>
  try {
    validate = ajv.compile(configSchema)
  } catch (error) {
    throw fail(`plugin ${slug}: its configSchema does not compile (${(error as Error).message})`)
  }
  const hooks = (Array.isArray(m.hooks) ? m.hooks : []).filter((h): h is HookName => HOOK_NAMES.includes(h))
  const timeout = m.deliveryTimeoutMs
  if (
    timeout !== undefined &&
    (!Number.isInteger(timeout) || (timeout as number) < 1000 || (timeout as number) > 120_000)
  )
    throw fail(`plugin ${slug}: deliveryTimeoutMs must be a whole number of ms from 1000 to 120000`)
  const routes = (Array.isArray(m.routes) ? m.routes : []).map((r: Record<string, unknown>, i) => {
    if ((r.method !== 'get' && r.method !== 'post') || typeof r.path !== 'string' || !ROUTE_PATH.test(r.path))
      throw fail(`plugin ${slug}: route ${i} needs method 'get' or 'post' and a path like /dossiers/:receiptCode`)
    if (r.handles !== true) throw fail(`plugin ${slug}: route ${r.method} ${r.path} has no handle function`)
    const headers = Array.isArray(r.headers) ? r.headers.map((h) => String(h).toLowerCase()) : null
    if (!headers?.every((h) => HEADER.test(h)))
      throw fail(`plugin ${slug}: route ${r.method} ${r.path} declares headers that are not header names`)
    return { method: r.method as 'get' | 'post', path: r.path, headers }
  })
  const properties = (configSchema.properties ?? {}) as Record<string, { writeOnly?: unknown } | undefined>
  return {
    manifest: {
      slug,
      name: { vi: m.name.vi, en: m.name.en },
      ...(m.description ? { description: m.description as Message } : {}),
      configSchema,
      hooks,
      deliver: m.deliver === true,
      ...(timeout !== undefined ? { deliveryTimeoutMs: timeout as number } : {}),
      routes,
    },
    validateConfig: (config) => (validate(config) ? [] : toIssues(validate.errors)),
    secrets: Object.keys(properties).filter((k) => properties[k]?.writeOnly === true),
  }
}

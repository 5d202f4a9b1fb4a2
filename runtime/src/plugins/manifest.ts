import { createAjv, type Issue, type Message, toIssues } from '@motcua/core'
import safeRegex from 'safe-regex2'
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
  /** The form fields its hooks see, per procedure code. */
  reads: Record<string, string[]>
  /** Pre-fill sources by key: what the citizen is told and the fields each returns. */
  lookups: Record<string, { name: Message; consent: Message; returns: Record<string, Message> }>
  lookupTimeoutMs?: number
  formats: Record<string, { pattern: string; message: Message; example?: string }>
  widgets: Record<
    string,
    { name: Message; inputMode?: string; autoComplete?: string; placeholder?: Message; maxLength?: number }
  >
  actions: Record<string, { name: Message; description?: Message }>
  retry?: { attempts?: number; backoffMs?: number }
  /** Sends applicants their receipt code and PIN on this channel: the only plugins given a PIN. */
  sendsReceipt?: 'sms' | 'email'
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
const KEY = /^[a-z][a-z0-9-]{0,48}$/
const FIELD = /^[A-Za-z_][A-Za-z0-9_]{0,100}$/
const INPUT_MODES = ['text', 'numeric', 'decimal', 'tel', 'email', 'url']
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const wholeIn = (value: unknown, min: number, max: number) =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max

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
  const contributions = checkContributions(m, slug, fail)
  const sendsReceipt = m.sendsReceipt
  if (sendsReceipt !== undefined && sendsReceipt !== 'sms' && sendsReceipt !== 'email')
    throw fail(`plugin ${slug}: sendsReceipt must be 'sms' or 'email'`)
  if (sendsReceipt !== undefined && (!hooks.includes('onSubmit') || m.deliver !== true))
    throw fail(`plugin ${slug}: sendsReceipt needs an onSubmit hook to queue the receipt and a deliver to send it`)
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
      ...contributions,
      ...(sendsReceipt ? { sendsReceipt } : {}),
    },
    validateConfig: (config) => (validate(config) ? [] : toIssues(validate.errors)),
    secrets: Object.keys(properties).filter((k) => properties[k]?.writeOnly === true),
  }
}

type Contributions = Pick<
  PluginManifest,
  'reads' | 'lookups' | 'lookupTimeoutMs' | 'formats' | 'widgets' | 'actions' | 'retry'
>

/** Checks what a plugin contributes beyond hooks and routes: reads, lookups, formats, widgets, actions, retry. */
function checkContributions(m: Record<string, unknown>, slug: string, fail: (why: string) => Error): Contributions {
  const keyed = <T>(value: unknown, what: string, check: (item: Record<string, unknown>, key: string) => T) => {
    if (value === undefined) return {}
    if (!isRecord(value)) throw fail(`plugin ${slug}: ${what} is not an object keyed by name`)
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => {
        if (!KEY.test(key)) throw fail(`plugin ${slug}: ${what} "${key}" needs a kebab-case name`)
        if (!isRecord(item)) throw fail(`plugin ${slug}: ${what} "${key}" is not an object`)
        return [key, check(item, key)]
      }),
    )
  }
  const text = (value: unknown, what: string) => {
    if (!isText(value)) throw fail(`plugin ${slug}: ${what} is not { vi, en }`)
    return { vi: value.vi, en: value.en }
  }
  const optionalText = (value: unknown, what: string) => (value === undefined ? {} : { [what]: text(value, what) })

  const reads: Record<string, string[]> = {}
  if (m.reads !== undefined) {
    if (!isRecord(m.reads)) throw fail(`plugin ${slug}: reads is not { procedureCode: [fields] }`)
    for (const [code, fields] of Object.entries(m.reads)) {
      if (!Array.isArray(fields) || !fields.every((f) => typeof f === 'string' && FIELD.test(f)))
        throw fail(`plugin ${slug}: reads.${code} is not a list of top-level form field names`)
      reads[code] = [...new Set(fields as string[])]
    }
  }
  const lookups = keyed(m.lookups, 'lookup', (l, key) => {
    if (l.runs !== true) throw fail(`plugin ${slug}: lookup "${key}" has no run function`)
    if (!isRecord(l.returns) || Object.keys(l.returns).length === 0)
      throw fail(`plugin ${slug}: lookup "${key}" declares no returns { field: { vi, en } }`)
    return {
      name: text(l.name, `lookup "${key}" name`),
      consent: text(l.consent, `lookup "${key}" consent`),
      returns: Object.fromEntries(
        Object.entries(l.returns).map(([field, label]) => {
          if (!FIELD.test(field)) throw fail(`plugin ${slug}: lookup "${key}" returns a field named "${field}"`)
          return [field, text(label, `lookup "${key}" returns.${field}`)]
        }),
      ),
    }
  })
  if (m.lookupTimeoutMs !== undefined && !wholeIn(m.lookupTimeoutMs, 1000, 30_000))
    throw fail(`plugin ${slug}: lookupTimeoutMs must be a whole number of ms from 1000 to 30000`)
  const formats = keyed(m.formats, 'format', (f, key) => {
    if (typeof f.pattern !== 'string' || f.pattern.length === 0 || f.pattern.length > 500)
      throw fail(`plugin ${slug}: format "${key}" needs a pattern of 1–500 characters`)
    try {
      new RegExp(f.pattern, 'u')
    } catch (error) {
      throw fail(`plugin ${slug}: format "${key}" pattern is not a regular expression (${(error as Error).message})`)
    }
    // the server checks form values with it in the runtime's own thread: no pattern that can backtrack for ever
    if (!safeRegex(f.pattern))
      throw fail(
        `plugin ${slug}: format "${key}" pattern may take exponential time (a repetition inside a repetition): simplify it`,
      )
    if (f.example !== undefined && (typeof f.example !== 'string' || !new RegExp(f.pattern, 'u').test(f.example)))
      throw fail(`plugin ${slug}: format "${key}" example does not match its pattern`)
    return {
      pattern: f.pattern,
      message: text(f.message, `format "${key}" message`),
      ...(f.example !== undefined ? { example: f.example as string } : {}),
    }
  })
  const widgets = keyed(m.widgets, 'widget', (w, key) => {
    if (w.inputMode !== undefined && !INPUT_MODES.includes(w.inputMode as string))
      throw fail(`plugin ${slug}: widget "${key}" inputMode must be one of ${INPUT_MODES.join(', ')}`)
    if (w.autoComplete !== undefined && (typeof w.autoComplete !== 'string' || w.autoComplete.length > 100))
      throw fail(`plugin ${slug}: widget "${key}" autoComplete is not a short string`)
    if (w.maxLength !== undefined && !wholeIn(w.maxLength, 1, 100_000))
      throw fail(`plugin ${slug}: widget "${key}" maxLength must be a whole number from 1 to 100000`)
    return {
      name: text(w.name, `widget "${key}" name`),
      ...(w.inputMode !== undefined ? { inputMode: w.inputMode as string } : {}),
      ...(w.autoComplete !== undefined ? { autoComplete: w.autoComplete as string } : {}),
      ...optionalText(w.placeholder, 'placeholder'),
      ...(w.maxLength !== undefined ? { maxLength: w.maxLength as number } : {}),
    }
  })
  const actions = keyed(m.actions, 'action', (a, key) => ({
    name: text(a.name, `action "${key}" name`),
    ...optionalText(a.description, 'description'),
  }))
  let retry: Contributions['retry']
  if (m.retry !== undefined) {
    const r = m.retry
    if (!isRecord(r)) throw fail(`plugin ${slug}: retry is not { attempts, backoffMs }`)
    if (r.attempts !== undefined && !wholeIn(r.attempts, 1, 20))
      throw fail(`plugin ${slug}: retry.attempts must be a whole number from 1 to 20`)
    if (r.backoffMs !== undefined && !wholeIn(r.backoffMs, 1000, 3_600_000))
      throw fail(`plugin ${slug}: retry.backoffMs must be a whole number of ms from 1000 to 3600000`)
    retry = {
      ...(r.attempts !== undefined ? { attempts: r.attempts as number } : {}),
      ...(r.backoffMs !== undefined ? { backoffMs: r.backoffMs as number } : {}),
    }
  }
  return {
    reads,
    lookups,
    ...(m.lookupTimeoutMs !== undefined ? { lookupTimeoutMs: m.lookupTimeoutMs as number } : {}),
    formats,
    widgets,
    actions,
    ...(retry ? { retry } : {}),
  }
}

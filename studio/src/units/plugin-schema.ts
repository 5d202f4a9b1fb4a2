import type { RJSFSchema } from '@motcua/forms'
import type { Issue } from '@motcua/web-kit'

/** Where a value comes from: a unit (null: the procedure's definition), for every procedure ('') or one. */
export interface SettingSource {
  unitCode: string | null
  unitName: string | null
  procedureCode: string
}

/** One of the unit's own settings: the keys it overrides, on/off (null: inherited), secrets only named. */
export interface OwnSetting {
  procedureCode: string
  procedureName: string | null
  enabled: boolean | null
  config: Record<string, unknown>
  secretsSet: string[]
}

/** A resolved setting: what is in force, each value with its source. */
export interface ResolvedSetting {
  enabled: boolean
  enabledFrom: SettingSource | null
  config: Record<string, unknown>
  secretsSet: string[]
  from: Record<string, SettingSource>
}

/** What is in force at the unit for every procedure ('') or one, and what it would inherit without its own. */
export interface InForceSetting extends ResolvedSetting {
  procedureCode: string
  procedureName: string | null
  inherited: ResolvedSetting
  /** On and its configuration valid: the plugin acts. */
  runs: boolean
  problems: Issue[]
}

/** An installed plugin at a unit (`GET /api/admin/units/:unitCode/plugins`). */
export interface UnitPlugin {
  slug: string
  name: { vi: string; en: string }
  description: { vi: string; en: string } | null
  configSchema: RJSFSchema
  /** The configuration's secret fields (`writeOnly`): written, never read back. */
  secrets: string[]
  own: OwnSetting[]
  inForce: InForceSetting[]
}

/** Nothing set at or above the unit. */
export const NOTHING_INHERITED: ResolvedSetting = {
  enabled: false,
  enabledFrom: null,
  config: {},
  secretsSet: [],
  from: {},
}

type Property = RJSFSchema & { title?: string; description?: string }

/** A secret field's label and help, from the plugin's schema. */
export function secretText(schema: RJSFSchema, name: string): { label: string; hint?: string } {
  const property = (schema.properties?.[name] ?? {}) as Property
  return property.title
    ? { label: property.title, ...(property.description ? { hint: property.description } : {}) }
    : { label: property.description ?? name }
}

/**
 * The schema of the form administrators fill: without the secret fields (entered apart, write-only), and each
 * field labelled by its title or, for plugins that only describe their fields, by that description.
 * @example formSchema(schema, ['webhookSecret']).properties.webhookSecret // undefined
 */
export function formSchema(schema: RJSFSchema, secrets: string[]): RJSFSchema {
  const properties: Record<string, Property> = {}
  for (const [name, value] of Object.entries(schema.properties ?? {})) {
    if (secrets.includes(name) || typeof value !== 'object') continue
    const property = value as Property
    const { description, ...rest } = property
    properties[name] = property.title || !description ? property : { ...rest, title: description }
  }
  const required = (schema.required ?? []).filter((name) => !secrets.includes(name))
  return { ...schema, properties, ...(required.length ? { required } : { required: [] }) }
}

import type { RJSFSchema } from '@motcua/forms'

/** A plugin's setting as the API shows it: its secrets only named, in `secretsSet`. */
export interface PluginSetting {
  enabled: boolean
  config: Record<string, unknown>
  secretsSet: string[]
}

/** An installed plugin at a unit (`GET /api/admin/units/:unitCode/plugins`). */
export interface UnitPlugin {
  slug: string
  name: { vi: string; en: string }
  description: { vi: string; en: string } | null
  configSchema: RJSFSchema
  /** The configuration's secret fields (`writeOnly`): written, never read back. */
  secrets: string[]
  own: PluginSetting | null
  inForce: PluginSetting | null
  /** The unit above whose setting is in force here, when the unit has none of its own. */
  inheritedFrom: string | null
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

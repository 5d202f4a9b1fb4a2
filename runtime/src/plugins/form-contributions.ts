import type { ProcedureDefinition } from '@motcua/core'
import type { PluginManifest } from './manifest'
import type { PluginHost } from './plugin-host'

// every value of `key` anywhere in a JSON document
function valuesOf(node: unknown, key: string, found: Set<string>): Set<string> {
  if (Array.isArray(node)) for (const item of node) valuesOf(item, key, found)
  else if (typeof node === 'object' && node !== null)
    for (const [k, v] of Object.entries(node)) {
      if (k === key && typeof v === 'string') found.add(v)
      else valuesOf(v, key, found)
    }
  return found
}

/**
 * The plugins' formats and widgets a procedure's form uses (`format` in its schema, `ui:widget` in its uiSchema),
 * as the portal needs them to check and render the form like the server does.
 */
export function formContributions(
  host: Pick<PluginHost, 'plugins'>,
  definition: ProcedureDefinition,
): { formats: PluginManifest['formats']; widgets: PluginManifest['widgets'] } {
  const formats: PluginManifest['formats'] = {}
  const widgets: PluginManifest['widgets'] = {}
  const usedFormats = valuesOf(definition.form?.schema, 'format', new Set())
  const usedWidgets = valuesOf(definition.form?.uiSchema, 'ui:widget', new Set())
  for (const { manifest } of host.plugins.values()) {
    for (const [name, format] of Object.entries(manifest.formats))
      if (usedFormats.has(name)) formats[name] = { pattern: format.pattern, message: format.message }
    for (const [name, widget] of Object.entries(manifest.widgets)) if (usedWidgets.has(name)) widgets[name] = widget
  }
  return { formats, widgets }
}

import type { RegistryWidgetsType, WidgetProps } from '@rjsf/utils'
import { BaseInputTemplate, type FormatInput } from './base-input'

/** A widget a plugin contributes (`"ui:widget": "<name>"`): a text input with these properties. */
export interface WidgetSpec {
  name: { vi: string; en: string }
  inputMode?: string
  autoComplete?: string
  placeholder?: { vi: string; en: string }
  maxLength?: number
}

/** The installed plugins' formats and widgets a form may use, as the portal loads them with a procedure. */
export interface FormContributions {
  formats?: Readonly<Record<string, { pattern: string; message: { vi: string; en: string } }>>
  widgets?: Readonly<Record<string, WidgetSpec>>
}

/**
 * A plugin's widget: the form's own text input with the widget's keyboard, autofill, placeholder and length limit,
 * read from the form context by the field's `ui:widget` name. Declarative: no plugin code runs in the browser.
 */
function PluginWidget(props: WidgetProps) {
  const context = props.registry.formContext as { locale?: 'vi' | 'en'; pluginWidgets?: FormContributions['widgets'] }
  const name = props.uiSchema?.['ui:widget']
  const spec = typeof name === 'string' ? context.pluginWidgets?.[name] : undefined
  if (!spec) return <BaseInputTemplate {...props} />
  const input: FormatInput = {
    ...(spec.inputMode ? { inputMode: spec.inputMode as FormatInput['inputMode'] } : {}),
    ...(spec.autoComplete ? { autoComplete: spec.autoComplete } : {}),
    ...(spec.maxLength ? { maxLength: spec.maxLength } : {}),
  }
  return (
    <BaseInputTemplate
      {...props}
      placeholder={props.placeholder || spec.placeholder?.[context.locale ?? 'vi'] || ''}
      options={{ ...props.options, input }}
    />
  )
}

/** The plugins' widgets as rjsf widgets by name (each reads its spec from the form context's `pluginWidgets`). */
export const pluginWidgets = (specs: FormContributions['widgets']): RegistryWidgetsType =>
  Object.fromEntries(Object.keys(specs ?? {}).map((name) => [name, PluginWidget]))

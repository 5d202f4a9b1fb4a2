import type { RJSFSchema, UiSchema } from '@rjsf/utils'

/** One page of a long form: some top-level properties of the form schema, in display order. */
export interface FormStep {
  /** Stable id, the first property's name. */
  id: string
  title: string
  keys: string[]
}

type Props = Record<string, RJSFSchema | boolean>

/** The top-level property names in display order, honouring `ui:order` (with its `*` wildcard). */
export function orderedKeys(schema: RJSFSchema, uiSchema?: UiSchema): string[] {
  const keys = Object.keys((schema.properties ?? {}) as Props)
  const order = uiSchema?.['ui:order'] as string[] | undefined
  if (!order?.length) return keys
  const listed = order.filter((key) => key !== '*' && keys.includes(key))
  const rest = keys.filter((key) => !listed.includes(key))
  const star = order.indexOf('*')
  if (star < 0) return [...listed, ...rest]
  const before = order.slice(0, star).filter((key) => keys.includes(key))
  const after = order.slice(star + 1).filter((key) => keys.includes(key))
  return [...before, ...rest, ...after]
}

/** How many answerable fields a schema has (leaves of objects; an array counts its item's fields once). */
export function countFields(schema: RJSFSchema | boolean | undefined): number {
  if (!schema || typeof schema === 'boolean') return 0
  if (schema.type === 'object' || schema.properties) {
    return Object.values((schema.properties ?? {}) as Props).reduce<number>((sum, child) => sum + countFields(child), 0)
  }
  if (schema.type === 'array' && schema.items && !Array.isArray(schema.items) && typeof schema.items === 'object') {
    const items = schema.items as RJSFSchema
    return items.type === 'object' ? countFields(items) : 1
  }
  return 1
}

const isGroup = (schema: RJSFSchema | boolean | undefined) =>
  typeof schema === 'object' && (schema.type === 'object' || schema.type === 'array' || schema.properties !== undefined)

/**
 * Splits a long form into steps: each top-level object or list is a step of its own, and consecutive
 * top-level simple fields share one ("Thông tin khác"). A short form (at most `minFields` fields, or a single
 * group) stays one step.
 * @example formSteps(schema, uiSchema).map((s) => s.title) // ['Người đi đăng ký khai sinh', 'Người được khai sinh', …]
 */
export function formSteps(
  schema: RJSFSchema,
  uiSchema?: UiSchema,
  options: { minFields?: number; otherTitle?: string } = {},
): FormStep[] {
  const { minFields = 8, otherTitle = 'Thông tin khác' } = options
  const properties = (schema.properties ?? {}) as Props
  const keys = orderedKeys(schema, uiSchema)
  const whole: FormStep = { id: keys[0] ?? 'form', title: (schema.title as string | undefined) ?? otherTitle, keys }
  if (countFields(schema) <= minFields) return [whole]
  const steps: FormStep[] = []
  for (const key of keys) {
    const child = properties[key]
    if (isGroup(child)) {
      const title = (uiSchema?.[key] as UiSchema | undefined)?.['ui:title'] ?? (child as RJSFSchema).title ?? key
      steps.push({ id: key, title: String(title), keys: [key] })
      continue
    }
    const last = steps.at(-1)
    if (last && last.title === otherTitle && !isGroup(properties[last.keys.at(-1)!])) last.keys.push(key)
    else steps.push({ id: key, title: otherTitle, keys: [key] })
  }
  return steps.length > 1 ? steps : [whole]
}

import type { DecisionField, DecisionInput } from '@motcua/core'

/** What an officer enters, as administrators name it: text, a number, a whole number, yes/no, a date, a choice. */
export type InputKind = 'text' | 'number' | 'integer' | 'boolean' | 'date' | 'choice'

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The kind of one field of an action's `input`. */
export function kindOf(field: unknown): InputKind {
  if (!isRecord(field)) return 'text'
  if (Array.isArray(field.enum)) return 'choice'
  if (field.type === 'string' && field.format === 'date') return 'date'
  if (field.type === 'number' || field.type === 'integer' || field.type === 'boolean') return field.type
  return 'text'
}

/**
 * A field changed to another kind, keeping its title, description and default where they still fit; a choice
 * starts with the options given (text values).
 * @example withKind({ type: 'string', title: 'Kết quả' }, 'choice', ['phu_hop']) // { type: 'string', title: 'Kết quả', enum: ['phu_hop'] }
 */
export function withKind(field: DecisionField | undefined, kind: InputKind, options: string[] = []): DecisionField {
  const keep = {
    ...(field?.title !== undefined ? { title: field.title } : {}),
    ...(field?.description !== undefined ? { description: field.description } : {}),
  }
  switch (kind) {
    case 'choice':
      return { type: 'string', ...keep, enum: options.length ? options : ['lua_chon_1'] }
    case 'date':
      return { type: 'string', format: 'date', ...keep }
    case 'text':
      return { type: 'string', ...keep }
    default:
      return { type: kind, ...keep }
  }
}

/** An input with one more field (`key`), or a new input with it. */
export function addField(input: DecisionInput | undefined, key: string, field: DecisionField): DecisionInput {
  return {
    ...(input ?? { type: 'object' }),
    type: 'object',
    properties: { ...(input?.properties ?? {}), [key]: field },
  }
}

/** An input without the field `key` (and no longer requiring it); undefined when no field is left. */
export function removeField(input: DecisionInput, key: string): DecisionInput | undefined {
  const { [key]: _, ...properties } = input.properties ?? {}
  if (Object.keys(properties).length === 0) return undefined
  const required = (input.required ?? []).filter((k) => k !== key)
  const { required: __, ...rest } = input
  return { ...rest, properties, ...(required.length ? { required } : {}) }
}

/** An input with `key` required or not. */
export function setRequired(input: DecisionInput, key: string, on: boolean): DecisionInput {
  const others = (input.required ?? []).filter((k) => k !== key)
  const required = on ? [...others, key] : others
  const { required: _, ...rest } = input
  return { ...rest, ...(required.length ? { required } : {}) }
}

/** An input whose field `from` is called `to`, in the same place, still required if it was. */
export function renameField(input: DecisionInput, from: string, to: string): DecisionInput {
  if (from === to || !to) return input
  const properties = Object.fromEntries(
    Object.entries(input.properties ?? {}).map(([k, v]) => [k === from ? to : k, v]),
  ) as DecisionInput['properties']
  const required = input.required?.map((k) => (k === from ? to : k))
  return { ...input, properties, ...(required ? { required } : {}) }
}

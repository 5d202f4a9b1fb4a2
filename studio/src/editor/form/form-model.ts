import { foldVietnamese, formatLabels } from '@motcua/core'
import type { DraftDefinition } from '../section'

// JSON Schema and the UI schema are untyped data here: every read below checks what it finds.
// biome-ignore lint/suspicious/noExplicitAny: a JSON Schema node as the form stores it
export type Json = any

/** Where a field is: the keys of the groups and lists above it, then its own key (`['nguoi_yeu_cau', 'ho_ten']`). */
export type FieldPath = string[]

/** "Shown only when the field `key` of the same group has the value `value`". */
export interface Condition {
  key: string
  value: string | boolean
}

/** A field as the builder lists it: its schema and UI schema (live references into the definition). */
export interface FieldInfo {
  key: string
  path: FieldPath
  schema: Json
  ui: Json
  required: boolean
  condition: Condition | null
  kind: FieldKind
}

export type FieldKind =
  | 'text'
  | 'longText'
  | 'number'
  | 'money'
  | 'date'
  | 'choice'
  | 'multiChoice'
  | 'yesNo'
  | 'cccd'
  | 'phone'
  | 'email'
  | 'address'
  | 'group'
  | 'list'
  | 'other'

/** The kinds an administrator can add, in the order the builder offers them. */
export const ADDABLE_KINDS: FieldKind[] = [
  'text',
  'longText',
  'number',
  'money',
  'date',
  'choice',
  'multiChoice',
  'yesNo',
  'cccd',
  'phone',
  'email',
  'address',
  'group',
  'list',
]

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

/** What kind of field a schema is, as the builder names it. */
export function fieldKind(schema: Json, ui: Json): FieldKind {
  if (!isObject(schema)) return 'other'
  const widget = isObject(ui) ? ui['ui:widget'] : undefined
  if (schema.type === 'object') return 'group'
  if (schema.type === 'array') {
    const items = schema.items
    if (isObject(items) && items.type === 'object') return 'list'
    if (isObject(items) && (Array.isArray(items.oneOf) || Array.isArray(items.enum))) return 'multiChoice'
    return 'other'
  }
  if (schema.type === 'boolean') return 'yesNo'
  if (schema.type === 'integer' || schema.type === 'number') return schema.format === 'vnd' ? 'money' : 'number'
  if (schema.type !== 'string') return 'other'
  if (Array.isArray(schema.oneOf) || Array.isArray(schema.enum)) return 'choice'
  if (schema.format === 'date') return 'date'
  if (schema.format === 'cccd') return 'cccd'
  if (schema.format === 'vn-phone' || schema.format === 'vn-mobile') return 'phone'
  if (schema.format === 'email') return 'email'
  if (widget === 'address') return 'address'
  if (widget === 'textarea') return 'longText'
  if (schema.oneOf || schema.anyOf) return 'other'
  // a plugin's format (not one motcua knows) is a text field checked by that plugin's pattern
  return !schema.format || (typeof schema.format === 'string' && !Object.hasOwn(formatLabels, schema.format))
    ? 'text'
    : 'other'
}

/** A new field's schema and UI schema. */
export function newField(kind: FieldKind, title: string): { schema: Json; ui: Json } {
  switch (kind) {
    case 'longText':
      return { schema: { type: 'string', title, maxLength: 2000 }, ui: { 'ui:widget': 'textarea' } }
    case 'number':
      return { schema: { type: 'integer', title, minimum: 0 }, ui: {} }
    case 'money':
      return { schema: { type: 'integer', format: 'vnd', title, minimum: 0 }, ui: {} }
    case 'date':
      return { schema: { type: 'string', format: 'date', title }, ui: {} }
    case 'choice':
      return {
        schema: { type: 'string', title, oneOf: [{ const: 'lua_chon_1', title: 'Lựa chọn 1' }] },
        ui: { 'ui:widget': 'radio' },
      }
    case 'multiChoice':
      return {
        schema: {
          type: 'array',
          title,
          uniqueItems: true,
          items: { type: 'string', oneOf: [{ const: 'lua_chon_1', title: 'Lựa chọn 1' }] },
        },
        ui: { 'ui:widget': 'checkboxes' },
      }
    case 'yesNo':
      return { schema: { type: 'boolean', title }, ui: { 'ui:widget': 'radio' } }
    case 'cccd':
      return { schema: { type: 'string', format: 'cccd', title }, ui: { 'ui:options': { inputType: 'tel' } } }
    case 'phone':
      return { schema: { type: 'string', format: 'vn-phone', title }, ui: { 'ui:options': { inputType: 'tel' } } }
    case 'email':
      return { schema: { type: 'string', format: 'email', title }, ui: {} }
    case 'address':
      return { schema: { type: 'string', title, maxLength: 500 }, ui: { 'ui:widget': 'address' } }
    case 'group':
      return { schema: { type: 'object', title, properties: {} }, ui: {} }
    case 'list':
      return {
        schema: { type: 'array', title, minItems: 1, items: { type: 'object', properties: {} } },
        ui: { 'ui:options': { addButtonText: 'Thêm' } },
      }
    default:
      return { schema: { type: 'string', title, maxLength: 200 }, ui: {} }
  }
}

/**
 * A field key from its Vietnamese label: no diacritics, snake case, starting with a letter.
 * @example keyFromLabel('Họ, chữ đệm và tên') // 'ho_chu_dem_va_ten'
 */
export function keyFromLabel(label: string): string {
  const key = foldVietnamese(label)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40)
    .replace(/_+$/, '')
  if (!key) return 'truong'
  return /^[a-z]/.test(key) ? key : `truong_${key}`
}

/** `key`, or `key_2`, `key_3`… the first not in `taken`. */
export function uniqueKey(key: string, taken: Iterable<string>): string {
  const used = new Set(taken)
  if (!used.has(key)) return key
  let n = 2
  while (used.has(`${key}_${n}`)) n++
  return `${key}_${n}`
}

export const KEY_PATTERN = /^[a-z][a-z0-9_]*$/

// ---- reading the tree ----

/** The object schema whose properties are the fields at `container` (a group's, or a list's item), or null. */
function containerSchema(root: Json, container: FieldPath): Json | null {
  let node = root
  for (const key of container) {
    const child = locate(node, key)?.schema
    if (!isObject(child)) return null
    node = child.type === 'array' ? child.items : child
    if (!isObject(node)) return null
  }
  return node
}

/** The UI schema of the fields at `container`, created on the way when `create`. */
function containerUi(rootUi: Json, root: Json, container: FieldPath, create: boolean): Json | null {
  let ui = rootUi
  let node = root
  for (const key of container) {
    if (!isObject(ui[key])) {
      if (!create) return null
      ui[key] = {}
    }
    const child = locate(node, key)?.schema
    ui = ui[key]
    if (isObject(child) && child.type === 'array') {
      if (!isObject(ui.items)) {
        if (!create) return null
        ui.items = {}
      }
      ui = ui.items
      node = child.items
    } else node = child
  }
  return ui
}

interface Located {
  schema: Json
  /** The object holding it under `properties` (the container, or a condition's `then`). */
  holder: Json
  condition: Condition | null
}

/** A condition's `if`, as the builder writes it: `{ properties: { x: { const: v } }, required: ['x'] }`. */
function conditionOf(entry: Json): Condition | null {
  if (!isObject(entry) || !isObject(entry.if) || !isObject(entry.then) || entry.else !== undefined) return null
  const props = entry.if.properties
  if (!isObject(props)) return null
  const keys = Object.keys(props)
  if (keys.length !== 1 || Object.keys(entry.if).some((k) => k !== 'properties' && k !== 'required')) return null
  const value = props[keys[0]!]?.const
  if (typeof value !== 'string' && typeof value !== 'boolean') return null
  return { key: keys[0]!, value }
}

/** The `allOf` entries of a container that the builder reads as conditions, with their index. */
function conditions(container: Json): { index: number; condition: Condition; then: Json }[] {
  if (!Array.isArray(container.allOf)) return []
  return container.allOf.flatMap((entry: Json, index: number) => {
    const condition = conditionOf(entry)
    return condition ? [{ index, condition, then: entry.then }] : []
  })
}

function locate(container: Json, key: string): Located | null {
  if (isObject(container.properties) && key in container.properties)
    return { schema: container.properties[key], holder: container, condition: null }
  for (const { condition, then } of conditions(container)) {
    if (isObject(then.properties) && key in then.properties)
      return { schema: then.properties[key], holder: then, condition }
  }
  return null
}

/** Every key at a container: its properties, then the conditional ones. */
function keysOf(container: Json): string[] {
  const keys = Object.keys(isObject(container.properties) ? container.properties : {})
  for (const { then } of conditions(container))
    for (const key of Object.keys(isObject(then.properties) ? then.properties : {}))
      if (!keys.includes(key)) keys.push(key)
  return keys
}

/** Keys in display order, honouring `ui:order` and its `*` as @rjsf does. */
function ordered(keys: string[], ui: Json): string[] {
  const order = isObject(ui) && Array.isArray(ui['ui:order']) ? (ui['ui:order'] as string[]) : null
  if (!order) return keys
  const listed = order.filter((k) => k === '*' || keys.includes(k))
  const rest = keys.filter((k) => !listed.includes(k))
  const star = listed.indexOf('*')
  if (star < 0) return [...listed, ...rest]
  return [...listed.slice(0, star), ...rest, ...listed.slice(star + 1)]
}

const formOf = (def: DraftDefinition): { schema: Json; uiSchema: Json } => {
  const form = (isObject(def.form) ? def.form : {}) as Json
  return { schema: isObject(form.schema) ? form.schema : {}, uiSchema: isObject(form.uiSchema) ? form.uiSchema : {} }
}

/** The fields at `container`, in display order. */
export function listFields(def: DraftDefinition, container: FieldPath = []): FieldInfo[] {
  const { schema, uiSchema } = formOf(def)
  const node = containerSchema(schema, container)
  if (!node) return []
  const ui = containerUi(uiSchema, schema, container, false) ?? {}
  return ordered(keysOf(node), ui).map((key) => {
    const found = locate(node, key)!
    const fieldUi = isObject(ui[key]) ? ui[key] : {}
    const required = Array.isArray(found.holder.required) && found.holder.required.includes(key)
    const kind = fieldKind(found.schema, fieldUi)
    return {
      key,
      path: [...container, key],
      schema: found.schema,
      ui: fieldUi,
      required,
      condition: found.condition,
      kind,
    }
  })
}

/** Every field of the form, depth first, with its depth. */
export function allFields(def: DraftDefinition, container: FieldPath = []): FieldInfo[] {
  return listFields(def, container).flatMap((field) =>
    field.kind === 'group' || field.kind === 'list' ? [field, ...allFields(def, field.path)] : [field],
  )
}

/** The field at `path`, or null. */
export function findField(def: DraftDefinition, path: FieldPath): FieldInfo | null {
  return listFields(def, path.slice(0, -1)).find((f) => f.key === path.at(-1)) ?? null
}

/** The JSON pointer of a field's schema in the definition. */
export function schemaPointer(def: DraftDefinition, path: FieldPath): string {
  const { schema } = formOf(def)
  let pointer = '/form/schema'
  let node = schema
  path.forEach((key, i) => {
    if (!isObject(node)) return
    if (isObject(node.properties) && key in node.properties) pointer += `/properties/${key}`
    else {
      const hit = conditions(node).find(({ then }) => isObject(then.properties) && key in then.properties)
      pointer += hit ? `/allOf/${hit.index}/then/properties/${key}` : `/properties/${key}`
    }
    const child = locate(node, key)?.schema
    if (i < path.length - 1 && isObject(child) && child.type === 'array') {
      pointer += '/items'
      node = child.items
    } else node = child
  })
  return pointer
}

/** The field a problem's path is about (`/form/schema/properties/a/properties/b/title` → `['a', 'b']`). */
export function fieldOfPointer(pointer: string): FieldPath {
  const parts = pointer.split('/').slice(1)
  const path: string[] = []
  if (parts[0] !== 'form') return path
  if (parts[1] === 'schema') {
    for (let i = 2; i < parts.length; i++) {
      if (parts[i] === 'properties' && parts[i + 1] !== undefined) path.push(parts[++i]!)
      else if (parts[i] === 'items' || parts[i] === 'then') continue
      else if (parts[i] === 'allOf') i++
      else break
    }
  } else if (parts[1] === 'uiSchema') {
    for (const part of parts.slice(2)) {
      if (part === 'items') continue
      if (part.startsWith('ui:')) break
      path.push(part)
    }
  }
  return path
}

// ---- changing the tree (each function mutates a draft copy, inside `change`) ----

function ensureForm(def: DraftDefinition): { schema: Json; uiSchema: Json } {
  const form = (isObject(def.form) ? def.form : (def.form = {} as never)) as Json
  if (!isObject(form.schema)) form.schema = { type: 'object', properties: {} }
  if (!isObject(form.uiSchema)) form.uiSchema = {}
  return form
}

function parts(def: DraftDefinition, container: FieldPath) {
  const { schema, uiSchema } = ensureForm(def)
  const node = containerSchema(schema, container)
  if (!node) throw new Error(`no group at ${container.join('.')}`)
  if (!isObject(node.properties)) node.properties = {}
  const ui = containerUi(uiSchema, schema, container, true)!
  return { node, ui }
}

const setOrder = (ui: Json, order: string[]) => {
  ui['ui:order'] = order
}

const dropFrom = (list: unknown, key: string): string[] | undefined =>
  Array.isArray(list) ? list.filter((k) => k !== key) : undefined

function removeRequired(holder: Json, key: string) {
  const rest = dropFrom(holder.required, key)
  if (rest === undefined) return
  if (rest.length) holder.required = rest
  else delete holder.required
}

/** Adds a field at the end of `container`; returns its key (from the label, unique there). */
export function addField(def: DraftDefinition, container: FieldPath, kind: FieldKind, label: string): string {
  const { node, ui } = parts(def, container)
  const keys = keysOf(node)
  const key = uniqueKey(keyFromLabel(label), keys)
  const made = newField(kind, label)
  node.properties[key] = made.schema
  if (Object.keys(made.ui).length) ui[key] = made.ui
  setOrder(ui, [...ordered(keys, ui).filter((k) => k !== '*'), key])
  return key
}

/** Removes a field, its UI schema and its place in the order; fields shown only after it become unconditional. */
export function removeField(def: DraftDefinition, path: FieldPath) {
  const container = path.slice(0, -1)
  const key = path.at(-1)!
  const { node, ui } = parts(def, container)
  for (const dependent of listFields(def, container))
    if (dependent.condition?.key === key) setCondition(def, dependent.path, null)
  const found = locate(node, key)
  if (!found) return
  delete found.holder.properties[key]
  removeRequired(found.holder, key)
  if (found.condition) pruneConditions(node)
  delete ui[key]
  const order = dropFrom(ui['ui:order'], key)
  if (order) setOrder(ui, order)
}

/** Moves a field one place up (-1) or down (+1) among the fields of its group. */
export function moveField(def: DraftDefinition, path: FieldPath, delta: -1 | 1) {
  const container = path.slice(0, -1)
  const key = path.at(-1)!
  const { node, ui } = parts(def, container)
  const order = ordered(keysOf(node), ui).filter((k) => k !== '*')
  const from = order.indexOf(key)
  const to = from + delta
  if (from < 0 || to < 0 || to >= order.length) return
  order.splice(from, 1)
  order.splice(to, 0, key)
  setOrder(ui, order)
}

/** Moves a field to the place of another of the same group (drag and drop). */
export function moveFieldTo(def: DraftDefinition, path: FieldPath, before: string) {
  const container = path.slice(0, -1)
  const key = path.at(-1)!
  if (key === before) return
  const { node, ui } = parts(def, container)
  const order = ordered(keysOf(node), ui).filter((k) => k !== '*' && k !== key)
  const at = order.indexOf(before)
  if (at < 0) return
  order.splice(at, 0, key)
  setOrder(ui, order)
}

/** Renames a field's key everywhere the form mentions it; false when the new key is taken or malformed. */
export function renameField(def: DraftDefinition, path: FieldPath, next: string): boolean {
  const container = path.slice(0, -1)
  const key = path.at(-1)!
  if (next === key) return true
  if (!KEY_PATTERN.test(next)) return false
  const { node, ui } = parts(def, container)
  if (keysOf(node).includes(next)) return false
  const found = locate(node, key)
  if (!found) return false
  const renameIn = (obj: Json) => {
    const entries = Object.entries(obj).map(([k, v]) => [k === key ? next : k, v] as const)
    for (const k of Object.keys(obj)) delete obj[k]
    for (const [k, v] of entries) obj[k] = v
  }
  renameIn(found.holder.properties)
  if (Array.isArray(found.holder.required))
    found.holder.required = found.holder.required.map((k: string) => (k === key ? next : k))
  if (key in ui) renameIn(ui)
  if (Array.isArray(ui['ui:order']))
    setOrder(
      ui,
      ui['ui:order'].map((k: string) => (k === key ? next : k)),
    )
  // conditions that read it
  for (const entry of Array.isArray(node.allOf) ? node.allOf : []) {
    if (conditionOf(entry)?.key !== key) continue
    renameIn(entry.if.properties)
    if (Array.isArray(entry.if.required)) entry.if.required = [next]
  }
  return true
}

/** Makes a field required or optional (in its group, or in its condition). */
export function setRequired(def: DraftDefinition, path: FieldPath, required: boolean) {
  const container = path.slice(0, -1)
  const key = path.at(-1)!
  const { node } = parts(def, container)
  const found = locate(node, key)
  if (!found) return
  if (!required) return removeRequired(found.holder, key)
  const list: string[] = Array.isArray(found.holder.required) ? found.holder.required : []
  if (!list.includes(key)) found.holder.required = [...list, key]
}

function pruneConditions(node: Json) {
  if (!Array.isArray(node.allOf)) return
  node.allOf = node.allOf.filter((entry: Json) => {
    const condition = conditionOf(entry)
    return !condition || (isObject(entry.then.properties) && Object.keys(entry.then.properties).length > 0)
  })
  if (node.allOf.length === 0) delete node.allOf
}

/**
 * Shows a field only when another field of its group has a value (or always, with null), the way @rjsf and
 * ajv read JSON Schema: `allOf: [{ if: { properties: { x: { const: v } }, required: ['x'] }, then: { properties:
 * { field: … }, required: [field] } }]`. Rules and the portal's summary see the field through the `then` branch.
 */
export function setCondition(def: DraftDefinition, path: FieldPath, condition: Condition | null) {
  const container = path.slice(0, -1)
  const key = path.at(-1)!
  const { node } = parts(def, container)
  const found = locate(node, key)
  if (!found) return
  const required = Array.isArray(found.holder.required) && found.holder.required.includes(key)
  delete found.holder.properties[key]
  removeRequired(found.holder, key)
  let holder: Json = node
  if (condition) {
    if (!Array.isArray(node.allOf)) node.allOf = []
    let entry = node.allOf.find(
      (e: Json) => conditionOf(e)?.key === condition.key && conditionOf(e)?.value === condition.value,
    )
    if (!entry) {
      entry = {
        if: { properties: { [condition.key]: { const: condition.value } }, required: [condition.key] },
        then: { properties: {} },
      }
      node.allOf.push(entry)
    }
    if (!isObject(entry.then.properties)) entry.then.properties = {}
    holder = entry.then
  }
  holder.properties[key] = found.schema
  if (required) holder.required = [...(Array.isArray(holder.required) ? holder.required : []), key]
  pruneConditions(node)
}

/** The values a field can be compared with in a condition: a choice's options, or yes and no. */
export function conditionValues(field: FieldInfo): { value: string | boolean; title: string }[] {
  if (field.kind === 'yesNo')
    return [
      { value: true, title: 'Có' },
      { value: false, title: 'Không' },
    ]
  if (field.kind !== 'choice') return []
  return choiceOptions(field.schema).map((o) => ({ value: o.value, title: o.title || o.value }))
}

/** A choice's options (`oneOf` of `{const, title}`, or a bare `enum` with `ui:enumNames`). */
export function choiceOptions(schema: Json): { value: string; title: string }[] {
  const node = schema?.type === 'array' ? schema.items : schema
  if (!isObject(node)) return []
  if (Array.isArray(node.oneOf))
    return node.oneOf
      .filter(isObject)
      .map((o: Json) => ({ value: String(o.const ?? ''), title: String(o.title ?? '') }))
  if (Array.isArray(node.enum)) return node.enum.map((v: unknown) => ({ value: String(v), title: String(v) }))
  return []
}

/** Sets a choice's options, as `oneOf` of `{const, title}`. */
export function setChoiceOptions(schema: Json, options: { value: string; title: string }[]) {
  const node = schema.type === 'array' ? schema.items : schema
  delete node.enum
  node.oneOf = options.map((o) => ({ const: o.value, title: o.title }))
}

/** Applies `recipe` to a field's schema and its UI schema (created when missing; removed again when left empty). */
export function editField(def: DraftDefinition, path: FieldPath, recipe: (schema: Json, ui: Json) => void) {
  const container = path.slice(0, -1)
  const key = path.at(-1)!
  const { node, ui } = parts(def, container)
  const found = locate(node, key)
  if (!found) return
  if (!isObject(ui[key])) ui[key] = {}
  recipe(found.schema, ui[key])
  if (Object.keys(ui[key]).length === 0) delete ui[key]
}

/** Whether `next` can be the key of the field at `path` (well formed, not another field's of its group). */
export function canRename(def: DraftDefinition, path: FieldPath, next: string): boolean {
  if (next === path.at(-1)) return true
  return KEY_PATTERN.test(next) && !listFields(def, path.slice(0, -1)).some((f) => f.key === next)
}

/**
 * Moves a field into another group (or to the top level, `[]`), at its end, with its settings; it loses its
 * condition (which read a field of its old group) and fields shown only after it become unconditional.
 * Returns its path there (its key made unique in the group), or null when it cannot go there (into itself).
 */
export function moveToGroup(def: DraftDefinition, path: FieldPath, target: FieldPath): FieldPath | null {
  const inside = target.length >= path.length && path.every((k, i) => target[i] === k)
  const field = findField(def, path)
  if (!field || inside || !containerSchema(formOf(def).schema, target)) return null
  const { schema, ui, required } = field
  const keepUi = structuredClone(ui)
  removeField(def, path)
  const { node, ui: targetUi } = parts(def, target)
  const keys = keysOf(node)
  const key = uniqueKey(path.at(-1)!, keys)
  node.properties[key] = schema
  if (Object.keys(keepUi).length) targetUi[key] = keepUi
  setOrder(targetUi, [...ordered(keys, targetUi).filter((k) => k !== '*'), key])
  const moved = [...target, key]
  if (required) setRequired(def, moved, true)
  return moved
}

/** Whether a date field says it cannot be after today (`x-dateRules.notAfter` includes `today`). */
export function notAfterToday(schema: Record<string, unknown>): boolean {
  const rules = schema['x-dateRules'] as { notAfter?: unknown } | undefined
  const notAfter = rules?.notAfter
  return notAfter === 'today' || (Array.isArray(notAfter) && notAfter.includes('today'))
}

/**
 * Turns "not after today" on or off for a date field, keeping its other date rules (a birth after a parent's); the
 * keyword goes when no rule is left.
 * @example setNotAfterToday(schema, true) // schema['x-dateRules'] = { notAfter: 'today' }
 */
export function setNotAfterToday(schema: Record<string, unknown>, on: boolean): void {
  const rules = { ...((schema['x-dateRules'] as Record<string, unknown> | undefined) ?? {}) }
  const others = [rules.notAfter ?? []].flat().filter((target) => target !== 'today')
  const targets = on ? ['today', ...others] : others
  if (targets.length === 0) delete rules.notAfter
  else rules.notAfter = targets.length === 1 ? targets[0] : targets
  if (Object.keys(rules).some((key) => key !== 'name')) schema['x-dateRules'] = rules
  else delete schema['x-dateRules']
}

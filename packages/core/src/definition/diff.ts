import { canonicalJson } from '../canonical-json'
import type { Message } from '../errors'
import { pointer } from './json-pointer'

/** One difference between two definitions, at its JSON pointer, said in administrators' words. */
export interface DefinitionChange {
  path: string
  kind: 'added' | 'removed' | 'changed'
  before?: unknown
  after?: unknown
  label: Message
}

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const same = (a: unknown, b: unknown): boolean => canonicalJson(a ?? null) === canonicalJson(b ?? null)
const text = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v))

/** A time limit or budget as people say it ("3 ngày làm việc"). */
export function describeTime(value: unknown): Message {
  const t = (isObject(value) ? value : {}) as { kind?: string; days?: number; hours?: number; cutoff?: string }
  switch (t.kind) {
    case 'workingDays':
      return { vi: `${t.days} ngày làm việc`, en: `${t.days} working days` }
    case 'workingHours':
      return { vi: `${t.hours} giờ làm việc`, en: `${t.hours} working hours` }
    case 'calendarDays':
      return { vi: `${t.days} ngày`, en: `${t.days} calendar days` }
    case 'sameDay':
      return { vi: `trong ngày (nhận trước ${t.cutoff})`, en: `same day (received before ${t.cutoff})` }
    case 'none':
      return { vi: 'không quy định', en: 'none' }
    default:
      return value === undefined ? { vi: 'không có', en: 'none' } : { vi: text(value), en: text(value) }
  }
}

const money = (v: unknown) => (typeof v === 'number' ? `${v.toLocaleString('vi-VN')} đồng` : 'theo công thức')
const moneyEn = (v: unknown) => (typeof v === 'number' ? `${v} VND` : 'by a rule')

const change = (
  path: string,
  before: unknown,
  after: unknown,
  label: Message,
  kind: DefinitionChange['kind'] = before === undefined ? 'added' : after === undefined ? 'removed' : 'changed',
): DefinitionChange => ({
  path,
  kind,
  ...(before === undefined ? {} : { before }),
  ...(after === undefined ? {} : { after }),
  label,
})

const fallback = (path: string, before: unknown, after: unknown): DefinitionChange => {
  const kind = before === undefined ? 'added' : after === undefined ? 'removed' : 'changed'
  const vi = { added: 'Thêm', removed: 'Bỏ', changed: 'Thay đổi' }[kind]
  const en = { added: 'Added', removed: 'Removed', changed: 'Changed' }[kind]
  return change(path, before, after, { vi: `${vi} ${path}`, en: `${en} ${path}` }, kind)
}

/** Plain structural differences: into objects, whole arrays and values. */
function generic(path: string, before: unknown, after: unknown, out: DefinitionChange[]): void {
  if (same(before, after)) return
  if (isObject(before) && isObject(after)) {
    for (const key of keysOf(before, after)) generic(pointer(path, key), before[key], after[key], out)
    return
  }
  out.push(fallback(path, before, after))
}

const keysOf = (a: Json, b: Json): string[] => [...new Set([...Object.keys(a), ...Object.keys(b)])]

/** Items of two arrays paired by their `key` (or their value for strings). */
function pairByKey(before: unknown, after: unknown) {
  const list = (v: unknown) => (Array.isArray(v) ? v : [])
  const keyOf = (item: unknown) => (isObject(item) ? String(item.key) : text(item))
  const a = list(before)
  const b = list(after)
  const pairs: { key: string; before?: unknown; after?: unknown; index: number; beforeIndex: number }[] = []
  b.forEach((item, index) => {
    const beforeIndex = a.findIndex((old) => keyOf(old) === keyOf(item))
    pairs.push({
      key: keyOf(item),
      after: item,
      index,
      beforeIndex,
      ...(beforeIndex >= 0 ? { before: a[beforeIndex] } : {}),
    })
  })
  a.forEach((item, beforeIndex) => {
    if (!b.some((n) => keyOf(n) === keyOf(item)))
      pairs.push({ key: keyOf(item), before: item, index: beforeIndex, beforeIndex })
  })
  return pairs
}

const nameOf = (item: unknown, key: string): string =>
  isObject(item) && typeof item.name === 'string' ? item.name : key

/** Lists of items with keys (steps, components, fees, cases): added, removed, and what changed in each. */
function keyedList(
  base: string,
  before: unknown,
  after: unknown,
  what: { vi: string; en: string },
  known: (path: string, name: string, a: Json, b: Json, out: DefinitionChange[]) => Set<string>,
  out: DefinitionChange[],
): void {
  for (const pair of pairByKey(before, after)) {
    const name = nameOf(pair.after ?? pair.before, pair.key)
    if (pair.before === undefined) {
      out.push(
        change(pointer(base, pair.index), undefined, pair.after, {
          vi: `Thêm ${what.vi} “${name}”`,
          en: `Added ${what.en} “${name}”`,
        }),
      )
      continue
    }
    if (pair.after === undefined) {
      out.push(
        change(pointer(base, pair.index), pair.before, undefined, {
          vi: `Bỏ ${what.vi} “${name}”`,
          en: `Removed ${what.en} “${name}”`,
        }),
      )
      continue
    }
    if (same(pair.before, pair.after)) continue
    const path = pointer(base, pair.index)
    const a = isObject(pair.before) ? pair.before : {}
    const b = isObject(pair.after) ? pair.after : {}
    const handled = known(path, name, a, b, out)
    handled.add('key')
    for (const prop of keysOf(a, b)) {
      if (handled.has(prop) || same(a[prop], b[prop])) continue
      out.push(
        change(pointer(path, prop), a[prop], b[prop], {
          vi: `${capital(what.vi)} “${name}”: thay đổi ${prop}`,
          en: `${capital(what.en)} “${name}”: changed ${prop}`,
        }),
      )
    }
  }
}
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

const renamed = (path: string, a: Json, b: Json, what: Message, out: DefinitionChange[]) => {
  if (!same(a.name, b.name))
    out.push(
      change(pointer(path, 'name'), a.name, b.name, {
        vi: `Đổi tên ${what.vi} “${text(a.name)}” thành “${text(b.name)}”`,
        en: `Renamed ${what.en} “${text(a.name)}” to “${text(b.name)}”`,
      }),
    )
}

function steps(base: string, before: unknown, after: unknown, out: DefinitionChange[]) {
  const what = { vi: 'bước', en: 'step' }
  keyedList(
    base,
    before,
    after,
    what,
    (path, name, a, b, list) => {
      renamed(path, a, b, what, list)
      if (!same(a.budget, b.budget))
        list.push(
          change(pointer(path, 'budget'), a.budget, b.budget, {
            vi: `Thời gian của bước “${name}”: ${describeTime(a.budget).vi} → ${describeTime(b.budget).vi}`,
            en: `Time of step “${name}”: ${describeTime(a.budget).en} → ${describeTime(b.budget).en}`,
          }),
        )
      if (!same(a.role, b.role))
        list.push(
          change(pointer(path, 'role'), a.role, b.role, {
            vi: `Bước “${name}” do vai trò ${text(b.role)} thực hiện (trước: ${text(a.role)})`,
            en: `Step “${name}” is done by ${text(b.role)} (was ${text(a.role)})`,
          }),
        )
      return new Set(['name', 'budget', 'role'])
    },
    out,
  )
}

function components(before: unknown, after: unknown, out: DefinitionChange[]) {
  const what = { vi: 'thành phần hồ sơ', en: 'dossier component' }
  keyedList(
    '/components',
    before,
    after,
    what,
    (path, name, a, b, list) => {
      renamed(path, a, b, what, list)
      if (!same(a.required, b.required))
        list.push(
          change(pointer(path, 'required'), a.required, b.required, {
            vi: `Thành phần hồ sơ “${name}” ${b.required ? 'trở thành bắt buộc' : 'không còn bắt buộc'}`,
            en: `Dossier component “${name}” ${b.required ? 'is now required' : 'is no longer required'}`,
          }),
        )
      return new Set(['name', 'required'])
    },
    out,
  )
}

function fees(before: unknown, after: unknown, out: DefinitionChange[]) {
  const what = { vi: 'khoản phí', en: 'fee' }
  keyedList(
    '/fees',
    before,
    after,
    what,
    (path, name, a, b, list) => {
      renamed(path, a, b, what, list)
      if (!same(a.amount, b.amount) || !same(a.rule, b.rule))
        list.push(
          change(
            pointer(path, same(a.amount, b.amount) ? 'rule' : 'amount'),
            same(a.amount, b.amount) ? a.rule : a.amount,
            same(a.amount, b.amount) ? b.rule : b.amount,
            {
              vi: `Khoản phí “${name}”: ${money(a.amount)} → ${money(b.amount)}`,
              en: `Fee “${name}”: ${moneyEn(a.amount)} → ${moneyEn(b.amount)}`,
            },
            'changed',
          ),
        )
      return new Set(['name', 'amount', 'rule'])
    },
    out,
  )
}

const titleOf = (schema: unknown, key: string) =>
  isObject(schema) && typeof schema.title === 'string' ? schema.title : key

/** A form's fields (JSON Schema properties, nested objects included): added, removed, made required or not. */
function formFields(path: string, before: unknown, after: unknown, out: DefinitionChange[]): void {
  const a = isObject(before) ? before : {}
  const b = isObject(after) ? after : {}
  const propsA = isObject(a.properties) ? a.properties : {}
  const propsB = isObject(b.properties) ? b.properties : {}
  const required = (s: Json) => new Set(Array.isArray(s.required) ? s.required.map(String) : [])
  const reqA = required(a)
  const reqB = required(b)
  for (const key of keysOf(propsA, propsB)) {
    const at = pointer(path, 'properties', key)
    const title = titleOf(propsB[key] ?? propsA[key], key)
    if (propsA[key] === undefined) {
      out.push(
        change(at, undefined, propsB[key], {
          vi: `Thêm trường “${title}” vào tờ khai${reqB.has(key) ? ' (bắt buộc)' : ''}`,
          en: `Added form field “${title}”${reqB.has(key) ? ' (required)' : ''}`,
        }),
      )
      continue
    }
    if (propsB[key] === undefined) {
      out.push(
        change(at, propsA[key], undefined, {
          vi: `Bỏ trường “${title}” khỏi tờ khai`,
          en: `Removed form field “${title}”`,
        }),
      )
      continue
    }
    if (reqA.has(key) !== reqB.has(key))
      out.push(
        change(pointer(path, 'required'), [...reqA], [...reqB], {
          vi: `Trường “${title}” ${reqB.has(key) ? 'trở thành bắt buộc' : 'không còn bắt buộc'}`,
          en: `Form field “${title}” ${reqB.has(key) ? 'is now required' : 'is no longer required'}`,
        }),
      )
    const fieldA = propsA[key] as Json
    const fieldB = propsB[key] as Json
    if (same(fieldA, fieldB)) continue
    if (isObject(fieldA.properties) || isObject(fieldB.properties)) {
      formFields(at, fieldA, fieldB, out)
      for (const prop of keysOf(fieldA, fieldB))
        if (prop !== 'properties' && prop !== 'required' && !same(fieldA[prop], fieldB[prop]))
          out.push(fieldChange(pointer(at, prop), title, prop, fieldA[prop], fieldB[prop]))
      continue
    }
    for (const prop of keysOf(fieldA, fieldB))
      if (!same(fieldA[prop], fieldB[prop]))
        out.push(fieldChange(pointer(at, prop), title, prop, fieldA[prop], fieldB[prop]))
  }
  for (const prop of keysOf(a, b))
    if (prop !== 'properties' && prop !== 'required' && !same(a[prop], b[prop]))
      generic(pointer(path, prop), a[prop], b[prop], out)
}

const fieldChange = (path: string, title: string, prop: string, a: unknown, b: unknown) =>
  prop === 'title'
    ? change(path, a, b, {
        vi: `Đổi tên trường “${text(a)}” thành “${text(b)}”`,
        en: `Renamed form field “${text(a)}” to “${text(b)}”`,
      })
    : change(path, a, b, { vi: `Trường “${title}”: thay đổi ${prop}`, en: `Form field “${title}”: changed ${prop}` })

function unitList(before: unknown, after: unknown, out: DefinitionChange[]) {
  if (before === undefined || after === undefined) {
    out.push(
      change('/units', before, after, {
        vi:
          after === undefined
            ? 'Thực hiện tại mọi đơn vị cùng cấp (bỏ danh sách đơn vị)'
            : 'Chỉ định danh sách đơn vị thực hiện',
        en:
          after === undefined ? 'Offered by every unit of its level (no list of units)' : 'Offered by a list of units',
      }),
    )
    return
  }
  for (const pair of pairByKey(before, after)) {
    if (pair.before === undefined)
      out.push(
        change(pointer('/units', pair.index), undefined, pair.after, {
          vi: `Thêm đơn vị thực hiện ${pair.key}`,
          en: `Added unit ${pair.key}`,
        }),
      )
    else if (pair.after === undefined)
      out.push(
        change(pointer('/units', pair.index), pair.before, undefined, {
          vi: `Bỏ đơn vị thực hiện ${pair.key}`,
          en: `Removed unit ${pair.key}`,
        }),
      )
  }
}

const simple: Record<string, Message> = {
  name: { vi: 'Tên thủ tục', en: 'Name' },
  level: { vi: 'Cấp thực hiện', en: 'Level' },
  field: { vi: 'Lĩnh vực', en: 'Field' },
}

/**
 * What changed from one definition to another, in administrators' words where the part is known (the name, the
 * effective dates, the total time, units, form fields, components, fees, steps and their times), else by path.
 * @example diffDefinitions(v1, draft) // [{ path: '/steps/1/budget', kind: 'changed', before: …, after: …, label: { vi: 'Thời gian của bước “Xử lý”: 4 giờ làm việc → 2 giờ làm việc', en: … } }]
 */
export function diffDefinitions(before: unknown, after: unknown): DefinitionChange[] {
  const a = isObject(before) ? before : {}
  const b = isObject(after) ? after : {}
  const out: DefinitionChange[] = []
  for (const key of keysOf(a, b)) {
    const x = a[key]
    const y = b[key]
    if (same(x, y)) continue
    const path = pointer('', key)
    if (simple[key]) {
      out.push(
        change(path, x, y, {
          vi: `${simple[key].vi}: ${x === undefined ? '—' : text(x)} → ${y === undefined ? '—' : text(y)}`,
          en: `${simple[key].en}: ${x === undefined ? '—' : text(x)} → ${y === undefined ? '—' : text(y)}`,
        }),
      )
    } else if (key === 'processingTime') {
      out.push(
        change(path, x, y, {
          vi: `Thời hạn giải quyết: ${describeTime(x).vi} → ${describeTime(y).vi}`,
          en: `Processing time: ${describeTime(x).en} → ${describeTime(y).en}`,
        }),
      )
    } else if (key === 'effective') {
      const ea = isObject(x) ? x : {}
      const eb = isObject(y) ? y : {}
      for (const [k, vi, en] of [
        ['from', 'Ngày có hiệu lực', 'Effective from'],
        ['to', 'Ngày hết hiệu lực', 'Effective until'],
      ] as const)
        if (!same(ea[k], eb[k]))
          out.push(
            change(pointer(path, k), ea[k], eb[k], {
              vi: `${vi}: ${text(ea[k] ?? '—')} → ${text(eb[k] ?? '—')}`,
              en: `${en}: ${text(ea[k] ?? '—')} → ${text(eb[k] ?? '—')}`,
            }),
          )
      for (const k of keysOf(ea, eb)) if (k !== 'from' && k !== 'to') generic(pointer(path, k), ea[k], eb[k], out)
    } else if (key === 'units') unitList(x, y, out)
    else if (key === 'steps') steps(path, x, y, out)
    else if (key === 'components') components(x, y, out)
    else if (key === 'fees') fees(x, y, out)
    else if (key === 'form') {
      const fa = isObject(x) ? x : {}
      const fb = isObject(y) ? y : {}
      formFields('/form/schema', fa.schema, fb.schema, out)
      if (!same(fa.uiSchema, fb.uiSchema))
        out.push(
          change('/form/uiSchema', fa.uiSchema, fb.uiSchema, {
            vi: 'Thay đổi cách trình bày tờ khai',
            en: 'Changed how the form is laid out',
          }),
        )
    } else if (key === 'cases') {
      const what = { vi: 'trường hợp', en: 'case' }
      keyedList(
        path,
        x,
        y,
        what,
        (casePath, name, ca, cb, list) => {
          renamed(casePath, ca, cb, what, list)
          if (!same(ca.processingTime, cb.processingTime))
            list.push(
              change(pointer(casePath, 'processingTime'), ca.processingTime, cb.processingTime, {
                vi: `Thời hạn giải quyết của trường hợp “${name}”: ${describeTime(ca.processingTime).vi} → ${describeTime(cb.processingTime).vi}`,
                en: `Processing time of case “${name}”: ${describeTime(ca.processingTime).en} → ${describeTime(cb.processingTime).en}`,
              }),
            )
          if (!same(ca.steps, cb.steps)) steps(pointer(casePath, 'steps'), ca.steps, cb.steps, list)
          return new Set(['name', 'processingTime', 'steps'])
        },
        out,
      )
    } else generic(path, x, y, out)
  }
  return out
}

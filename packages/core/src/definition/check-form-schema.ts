import type { Ajv, ErrorObject } from 'ajv'
import type { CustomFormats } from '../ajv/index'
import type { Issue } from '../errors'
import { isRecord, issue } from './issue'
import { pointer } from './json-pointer'
import type { ProcedureDefinition } from './procedure-definition.generated'
import { checkingAjv, LIST, Lru, MAP, memoised, ONE } from './schema-memo'
import { allSound, type Soundness } from './well-formed'

const BASE = '/form/schema'

/**
 * The form schema compiles under ajv strict mode with motcua's formats (the same ajv the runtime uses). ajv stops
 * at the first problem, so when it fails every problem is found apart: the schema against the draft-07
 * meta-schema with all errors, then each subschema compiled on its own (its children left out) for strict-mode
 * problems such as an unknown keyword or format, each at the subschema's own path. `formats`: the installation's
 * custom formats (its plugins'), known besides motcua's own.
 */
export function checkFormSchema(
  def: ProcedureDefinition,
  sound: Soundness = allSound,
  formats: CustomFormats = {},
): Issue[] {
  if (!sound(BASE) || !isRecord(def.form) || !isRecord(def.form.schema)) return []
  const schema = def.form.schema
  // results depend on which formats exist: one cache per set of custom formats
  const known = JSON.stringify(Object.entries(formats).map(([name, f]) => [name, f.pattern]))
  let cache = checked.get(known)
  if (!cache) checked.set(known, (cache = new Lru<Issue[]>(8)))
  return memoised(
    cache,
    schema,
    () => formSchemaProblems(schema, formats),
    (issues) => issues.length === 0,
  )
}

// per set of custom formats, the form schemas last checked: the one being edited, and a few others
const checked = new Lru<Lru<Issue[]>>(4)

function formSchemaProblems(schema: Record<string, unknown>, formats: CustomFormats): Issue[] {
  try {
    // A fresh instance: a schema `$id` must not collide with an earlier definition's.
    const validate = checkingAjv(formats).compile(schema)
    if ((validate as { $async?: unknown }).$async === true) {
      return [formSchemaIssue(BASE, '$async schemas are not supported', 'Không hỗ trợ lược đồ bất đồng bộ ($async)')]
    }
    return []
  } catch (error) {
    const found = everyProblem(schema, formats)
    return found.length > 0 ? found : [formSchemaIssue(BASE, messageOf(error))]
  }
}

function everyProblem(schema: Record<string, unknown>, formats: CustomFormats): Issue[] {
  const ajv = checkingAjv(formats)
  if (!ajv.validateSchema(schema)) {
    return (ajv.errors ?? []).map((error) => formSchemaIssue(`${BASE}${error.instancePath}`, describeMetaError(error)))
  }
  const issues: Issue[] = []
  for (const [node, path, inheritedType] of subschemas(schema, BASE, undefined)) {
    issues.push(...nodeProblems(ajv, schema, node, path, inheritedType))
  }
  return issues
}

// applicators whose subschemas describe the same value: strictTypes reads the parent's `type` there
const SAME_VALUE = new Set(['allOf', 'anyOf', 'oneOf', 'if', 'then', 'else', 'not'])

function* subschemas(
  node: unknown,
  path: string,
  inheritedType: unknown,
): Generator<[Record<string, unknown>, string, unknown]> {
  if (!isRecord(node)) return
  yield [node, path, inheritedType]
  const type = node.type ?? inheritedType
  const child = (keyword: string) => (SAME_VALUE.has(keyword) ? type : undefined)
  for (const keyword of ONE) yield* subschemas(node[keyword], pointer(path, keyword), child(keyword))
  for (const keyword of LIST) {
    const list = node[keyword]
    if (Array.isArray(list))
      for (const [i, sub] of list.entries()) yield* subschemas(sub, pointer(pointer(path, keyword), i), child(keyword))
  }
  for (const keyword of MAP) {
    const map = node[keyword]
    if (isRecord(map))
      for (const [key, sub] of Object.entries(map))
        yield* subschemas(sub, pointer(pointer(path, keyword), key), undefined)
  }
  const items = node.items
  if (Array.isArray(items))
    for (const [i, sub] of items.entries()) yield* subschemas(sub, pointer(pointer(path, 'items'), i), undefined)
  else yield* subschemas(items, pointer(path, 'items'), undefined)
}

/** One subschema compiled alone: its subschemas become `true`, a local `$ref` is checked to resolve. */
function nodeProblems(
  ajv: Ajv,
  root: Record<string, unknown>,
  node: Record<string, unknown>,
  path: string,
  inheritedType: unknown,
): Issue[] {
  const issues: Issue[] = []
  const shallow: Record<string, unknown> = { ...node }
  for (const keyword of ONE) if (keyword in shallow) shallow[keyword] = true
  for (const keyword of LIST)
    if (Array.isArray(shallow[keyword])) shallow[keyword] = (shallow[keyword] as unknown[]).map(() => true)
  for (const keyword of MAP) {
    if (isRecord(shallow[keyword]))
      shallow[keyword] = Object.fromEntries(Object.keys(shallow[keyword]).map((k) => [k, true]))
  }
  if (Array.isArray(shallow.items)) shallow.items = shallow.items.map(() => true)
  else if ('items' in shallow) shallow.items = true
  if (shallow.type === undefined && inheritedType !== undefined) shallow.type = inheritedType
  delete shallow.$id
  const ref = shallow.$ref
  if (ref !== undefined) {
    delete shallow.$ref
    if (typeof ref === 'string' && ref.startsWith('#') && resolveLocal(root, ref) === undefined) {
      issues.push(
        formSchemaIssue(
          pointer(path, '$ref'),
          `can't resolve reference ${ref}`,
          `không tìm thấy "${ref}" trong lược đồ: hãy sửa đường dẫn hoặc thêm định nghĩa đó vào "definitions"`,
        ),
      )
    }
  }
  // a node may have several problems: take each away once reported and compile again
  for (let attempt = 0; attempt < 8; attempt++) {
    try {
      ajv.compile(shallow)
      return issues
    } catch (error) {
      const message = messageOf(error)
      const keyword = /unknown format/.test(message)
        ? 'format'
        : (/unknown keyword: "([^"]+)"/.exec(message)?.[1] ?? /keyword "([^"]+)"/.exec(message)?.[1])
      const at = keyword && Object.hasOwn(shallow, keyword) ? pointer(path, keyword) : path
      issues.push(formSchemaIssue(at, message))
      if (!keyword || !Object.hasOwn(shallow, keyword)) return issues
      delete shallow[keyword]
    }
  }
  return issues
}

function resolveLocal(root: unknown, ref: string): unknown {
  let current: unknown = root
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const token = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~')
    if (!isRecord(current) || !Object.hasOwn(current, token)) return undefined
    current = current[token]
  }
  return current
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

function describeMetaError(error: ErrorObject): string {
  return `${error.instancePath || '/'} ${error.message ?? error.keyword}`
}

/** What to do about an ajv strict-mode message, in Vietnamese. */
function advice(error: string): string {
  if (/keyword "x-dateRules" value is invalid/.test(error))
    return 'quy tắc ngày "x-dateRules" viết sai: chỉ có name, notAfter, before, notBefore, after; mỗi quan hệ nhận "today" hoặc đường dẫn tới một trường ngày (hoặc một danh sách như vậy), ví dụ { "notAfter": "today", "after": ["/me/ngay_sinh"] }'
  let m = /unknown keyword: "([^"]+)"/.exec(error)
  if (m)
    return `từ khoá "${m[1]}" không có trong JSON Schema draft-07: hãy xoá hoặc sửa tên (giao diện như ô nhập nhiều dòng đặt trong uiSchema, ví dụ "ui:widget")`
  m = /unknown format "([^"]+)"/.exec(error)
  if (m)
    return `định dạng "${m[1]}" không được hỗ trợ: hãy dùng date, email, cccd, cmnd, vn-mobile, vn-phone, vn-tax-code, vnd hoặc bỏ "format"`
  m = /missing type "([^"]+)" for keyword "([^"]+)"/.exec(error)
  if (m) return `từ khoá "${m[2]}" chỉ dùng cho kiểu "${m[1]}": hãy thêm "type": "${m[1]}" hoặc bỏ "${m[2]}"`
  m = /type "([^"]+)" not allowed/.exec(error)
  if (m) return `kiểu "${m[1]}" không hợp với các từ khoá ở đây: hãy sửa "type"`
  if (/can't resolve reference/.test(error))
    return 'không tìm thấy định nghĩa được tham chiếu ($ref): hãy sửa đường dẫn'
  if (/is not a valid JSON Schema|must be/.test(error))
    return `lược đồ viết sai cú pháp JSON Schema (${error}): hãy sửa theo draft-07`
  return `${error}: hãy sửa lược đồ theo JSON Schema draft-07`
}

const formSchemaIssue = (path: string, error: string, vi = advice(error)): Issue =>
  issue(
    'form.schema.invalid',
    path,
    `Lược đồ biểu mẫu không hợp lệ: ${vi}`,
    `The form schema does not compile under ajv strict mode: ${error}`,
    { error },
  )

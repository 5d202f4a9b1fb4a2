import type { Issue } from '../errors'
import { editingMark } from '../text'
import { isRecord, issue } from './issue'
import { pointer } from './json-pointer'
import type { ProcedureDefinition } from './procedure-definition.generated'

/** Form schema keywords a citizen reads (rjsf shows them as labels, help and choices). */
const SCHEMA_TEXT = new Set(['title', 'description', 'enumNames'])
/** uiSchema keys a citizen reads, directly or inside `ui:options`. */
const UI_TEXT = new Set(['ui:title', 'ui:description', 'ui:help', 'ui:placeholder', 'ui:enumNames'])
const UI_OPTION_TEXT = new Set(['title', 'description', 'help', 'placeholder', 'enumNames'])

/** Every string a text key holds (a string, or a list of strings such as `enumNames`), with its pointer. */
function* textsUnder(root: unknown, base: string, isText: (key: string, parent: string) => boolean) {
  const stack: [unknown, string, string][] = [[root, base, '']]
  while (stack.length > 0) {
    const [value, path, key] = stack.pop()!
    if (typeof value === 'string') {
      if (isText(key, path)) yield [value, path] as const
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => {
        if (typeof item !== 'string' || isText(key, path)) stack.push([item, pointer(path, i), key])
      })
    } else if (isRecord(value)) {
      for (const [childKey, child] of Object.entries(value)) stack.push([child, pointer(path, childKey), childKey])
    }
  }
}

const STEP_TEXT = ['name', 'description', 'actions/*/label', 'actions/*/labelEn']

/** Where the definition's own text citizens see lies (`*` = every item or entry). */
const CITIZEN_TEXT = [
  ...['name', 'nameEn', 'field', 'agency', 'description', 'result', 'conditions/*', 'processingTime/text'],
  ...['legalBasis/*/title', 'legalBasis/*/note'],
  ...['components/*/name', 'components/*/note', 'components/*/template/name', 'components/*/template/code'],
  ...['fees/*/name', 'fees/*/note', 'constants/*/name', 'constants/*/note'],
  ...STEP_TEXT.map((text) => `steps/*/${text}`),
  ...['cases/*/name', 'cases/*/nameEn', 'cases/*/note', 'cases/*/processingTime/text'],
  ...STEP_TEXT.map((text) => `cases/*/steps/*/${text}`),
].map((pattern) => `/${pattern}`)

/** The values at a path pattern, with their pointers; safe on any JSON. */
function* textsAt(value: unknown, segments: readonly string[], path = ''): Generator<[unknown, string]> {
  if (segments.length === 0) {
    yield [value, path]
    return
  }
  const [head, ...rest] = segments as [string, ...string[]]
  if (head === '*') {
    if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* textsAt(item, rest, pointer(path, i))
    else if (isRecord(value))
      for (const [key, item] of Object.entries(value)) yield* textsAt(item, rest, pointer(path, key))
  } else if (isRecord(value) && Object.hasOwn(value, head)) yield* textsAt(value[head], rest, pointer(path, head))
}

/**
 * Text citizens see (names, descriptions, conditions, result, components, fees, legal basis, form labels and help,
 * step names in tracking) carries no editing mark such as "(verify)" or "TODO": those belong in `source.note`.
 */
export function checkCitizenText(def: ProcedureDefinition): Issue[] {
  const texts: [unknown, string][] = []
  const add = (value: unknown, path: string) => texts.push([value, path])
  for (const pattern of CITIZEN_TEXT) for (const found of textsAt(def, pattern.split('/').slice(1))) add(...found)
  const form = (isRecord(def.form) ? def.form : {}) as Record<string, unknown>
  for (const found of textsUnder(form.schema, '/form/schema', (key) => SCHEMA_TEXT.has(key))) add(...found)
  for (const found of textsUnder(
    form.uiSchema,
    '/form/uiSchema',
    (key, path) => UI_TEXT.has(key) || (UI_OPTION_TEXT.has(key) && /\/ui:options\/[^/]+(\/\d+)?$/.test(path)),
  ))
    add(...found)

  const issues: Issue[] = []
  for (const [value, path] of texts) {
    if (typeof value !== 'string') continue
    const mark = editingMark(value)
    if (mark === undefined) continue
    issues.push(
      issue(
        'text.editingMark',
        path,
        `Người dân sẽ thấy dấu biên tập "${mark}" trong văn bản này: hãy xóa nó và ghi điều cần kiểm tra vào ghi chú nguồn (source.note) hoặc README.md của thủ tục`,
        `Citizens would see the editing mark "${mark}" in this text: remove it and note what to check in the source note (source.note) or the procedure's README.md`,
        { mark },
      ),
    )
  }
  return issues
}

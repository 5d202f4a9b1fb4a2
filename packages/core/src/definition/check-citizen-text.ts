import type { Issue } from '../errors'
import { editingMark } from '../text'
import { isRecord, issue } from './issue'
import { pointer } from './json-pointer'
import type { ProcedureDefinition, ProcessingTime, Step } from './procedure-definition.generated'

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

/**
 * Text citizens see (names, descriptions, conditions, result, components, fees, legal basis, form labels and help,
 * step names in tracking) carries no editing mark such as "(verify)" or "TODO": those belong in `source.note`.
 */
export function checkCitizenText(def: ProcedureDefinition): Issue[] {
  const texts: [unknown, string][] = []
  const add = (value: unknown, path: string) => texts.push([value, path])
  for (const key of ['name', 'nameEn', 'field', 'agency', 'description', 'result'] as const) add(def[key], `/${key}`)
  def.conditions?.forEach((text, i) => add(text, `/conditions/${i}`))
  const time = (t: ProcessingTime | undefined, base: string) => add(t?.text, `${base}/text`)
  time(def.processingTime, '/processingTime')
  def.legalBasis.forEach((doc, i) => {
    add(doc.title, `/legalBasis/${i}/title`)
    add(doc.note, `/legalBasis/${i}/note`)
  })
  def.components.forEach((c, i) => {
    add(c.name, `/components/${i}/name`)
    add(c.note, `/components/${i}/note`)
    add(c.template?.name, `/components/${i}/template/name`)
    add(c.template?.code, `/components/${i}/template/code`)
  })
  def.fees.forEach((fee, i) => {
    add(fee.name, `/fees/${i}/name`)
    add(fee.note, `/fees/${i}/note`)
  })
  const steps = (list: Step[] | undefined, base: string) =>
    list?.forEach((step, i) => {
      add(step.name, `${base}/${i}/name`)
      add(step.description, `${base}/${i}/description`)
      step.actions.forEach((action, j) => {
        add(action.label, `${base}/${i}/actions/${j}/label`)
        add(action.labelEn, `${base}/${i}/actions/${j}/labelEn`)
      })
    })
  steps(def.steps, '/steps')
  def.cases?.forEach((c, i) => {
    add(c.name, `/cases/${i}/name`)
    add(c.nameEn, `/cases/${i}/nameEn`)
    add(c.note, `/cases/${i}/note`)
    time(c.processingTime, `/cases/${i}/processingTime`)
    steps(c.steps, `/cases/${i}/steps`)
  })
  for (const found of textsUnder(def.form.schema, '/form/schema', (key) => SCHEMA_TEXT.has(key))) add(...found)
  for (const found of textsUnder(
    def.form.uiSchema,
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

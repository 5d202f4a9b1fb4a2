import { DATE_RELATIONS, DATE_RULES_KEYWORD, type DateRules, dateRuleTargets } from '../ajv/index'
import type { Issue } from '../errors'
import { resolveSegments } from './form-schema-paths'
import { isRecord, issue } from './issue'
import { pointer, resolvePointer } from './json-pointer'
import type { ProcedureDefinition } from './procedure-definition.generated'
import { LIST, MAP, ONE } from './schema-memo'

const BASE = '/form/schema'
const unescapeToken = (token: string) => token.replace(/~1/g, '/').replace(/~0/g, '~')

// Every subschema of the form schema with its path below /form/schema.
function* subschemas(node: unknown, path: string): Generator<[Record<string, unknown>, string]> {
  if (!isRecord(node)) return
  yield [node, path]
  for (const keyword of ONE) yield* subschemas(node[keyword], pointer(path, keyword))
  for (const keyword of LIST) {
    const list = node[keyword]
    if (Array.isArray(list)) for (const [i, sub] of list.entries()) yield* subschemas(sub, pointer(path, keyword, i))
  }
  for (const keyword of MAP) {
    const map = node[keyword]
    if (isRecord(map)) for (const [key, sub] of Object.entries(map)) yield* subschemas(sub, pointer(path, keyword, key))
  }
  const items = node.items
  if (Array.isArray(items)) for (const [i, sub] of items.entries()) yield* subschemas(sub, pointer(path, 'items', i))
  else yield* subschemas(items, pointer(path, 'items'))
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment)
  } catch {
    return fragment
  }
}

// Whether a schema describes a date (`format: date`), itself or through a local `$ref` or an `allOf`.
function isDate(root: unknown, schema: unknown, depth = 0): boolean {
  if (schema === true) return true // anything: cannot tell, so do not complain
  if (!isRecord(schema) || depth > 16) return false
  if (schema.format === 'date') return true
  if (typeof schema.$ref === 'string' && schema.$ref.startsWith('#')) {
    const target = resolvePointer(root, decodeFragment(schema.$ref.slice(1)))
    if (target === undefined || isDate(root, target, depth + 1)) return true
  }
  return Array.isArray(schema.allOf) && schema.allOf.some((branch) => isDate(root, branch, depth + 1))
}

/**
 * Each `x-dateRules` of the form schema: on a date field (`format: date`), and naming, besides `today`, date fields
 * of the form by their form-data JSON pointers (`/me/ngay_sinh`). Its shape is checked when the schema compiles.
 */
export function checkDateRules(def: ProcedureDefinition): Issue[] {
  const root = def.form.schema
  const issues: Issue[] = []
  for (const [node, path] of subschemas(root, BASE)) {
    const rules = node[DATE_RULES_KEYWORD]
    if (!isRecord(rules)) continue
    const at = pointer(path, DATE_RULES_KEYWORD)
    if (!isDate(root, node))
      issues.push(
        issue(
          'form.dateRules.notADate',
          at,
          'Quy tắc ngày (x-dateRules) chỉ đặt trên trường ngày: thêm "format": "date" cho trường này hoặc bỏ x-dateRules.',
          'Date rules (x-dateRules) belong on a date field: add "format": "date" to this field or remove x-dateRules.',
        ),
      )
    for (const relation of DATE_RELATIONS) {
      const targets = dateRuleTargets(rules as DateRules, relation)
      const single = !Array.isArray((rules as DateRules)[relation])
      for (const [i, target] of targets.entries()) {
        if (typeof target !== 'string' || !target.startsWith('/')) continue // `today`, or a shape ajv refuses
        const where = single ? pointer(at, relation) : pointer(at, relation, i)
        const schemas = resolveSegments(root, [root], target.slice(1).split('/').map(unescapeToken))
        if (schemas.length === 0)
          issues.push(
            issue(
              'form.dateRules.unknownField',
              where,
              `Tờ khai không có trường "${target}": ghi "today" hoặc đường dẫn JSON pointer tới một trường ngày của form.schema, ví dụ /me/ngay_sinh.`,
              `The form has no field "${target}": write "today" or a JSON pointer to a date field of form.schema, e.g. /me/ngay_sinh.`,
              { field: target },
            ),
          )
        else if (!schemas.some((schema) => isDate(root, schema)))
          issues.push(
            issue(
              'form.dateRules.notADateField',
              where,
              `Trường "${target}" không phải trường ngày ("format": "date"): chỉ so sánh được với một trường ngày.`,
              `"${target}" is not a date field ("format": "date"): a date can only be compared with a date field.`,
              { field: target },
            ),
          )
      }
    }
  }
  return issues
}

import type { Issue } from '../errors'
import type { PluginCatalogue } from './check-plugins'
import { resolveSegments } from './form-schema-paths'
import { isRecord, issue } from './issue'
import { pointer } from './json-pointer'
import type { ProcedureDefinition } from './procedure-definition.generated'

const unescapeToken = (token: string) => token.replace(/~1/g, '/').replace(/~0/g, '~')
const SCALAR = ['string', 'number', 'integer', 'boolean', 'null']

// What a schema says a value is, when it says: `object` and `array` cannot take a lookup's single value.
const structured = (schema: unknown) => {
  if (!isRecord(schema)) return false
  const types = Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type]
  if (types.length === 0) return isRecord(schema.properties) || schema.items !== undefined
  return !types.some((t) => SCALAR.includes(t as string))
}

/**
 * A procedure's `prefill`s against its form: each pointer names a field of the form schema that holds one value
 * (not an object or a list), and at most one plugin pre-fills (the portal shows one consent box).
 */
export function checkPrefillFields(def: ProcedureDefinition): Issue[] {
  const issues: Issue[] = []
  const root = def.form.schema
  let first: number | undefined
  def.plugins?.forEach((use, i) => {
    if (!use.prefill) return
    if (first !== undefined) {
      issues.push(
        issue(
          'plugin.prefillTwice',
          `/plugins/${i}/prefill`,
          `Chỉ một tiện ích được điền sẵn tờ khai (đã có ở plugins/${first}): bỏ prefill ở đây hoặc ở tiện ích kia.`,
          `Only one plugin may pre-fill the form (plugins/${first} already does): remove one prefill.`,
        ),
      )
      return
    }
    first = i
    for (const target of Object.keys(use.prefill.fields)) {
      const at = pointer(`/plugins/${i}/prefill/fields`, target)
      const schemas = resolveSegments(root, [root], target.slice(1).split('/').map(unescapeToken))
      if (schemas.length === 0)
        issues.push(
          issue(
            'plugin.prefillUnknownField',
            at,
            `Tờ khai không có trường "${target}": ghi đường dẫn JSON pointer tới một trường của form.schema, ví dụ /nguoi_yeu_cau/ho_ten.`,
            `The form has no field "${target}": write a JSON pointer to a field of form.schema, e.g. /nguoi_yeu_cau/ho_ten.`,
            { field: target },
          ),
        )
      else if (schemas.every(structured))
        issues.push(
          issue(
            'plugin.prefillNotAValue',
            at,
            `Trường "${target}" là một nhóm hoặc danh sách, không nhận một giá trị tra cứu: chọn từng trường con.`,
            `"${target}" is a group or a list, which cannot take one looked-up value: map its fields one by one.`,
            { field: target },
          ),
        )
    }
  })
  return issues
}

/** Each `prefill` against the installed plugins' lookups: the lookup exists and returns every field mapped. */
export function checkPrefillLookups(def: ProcedureDefinition, catalogue: PluginCatalogue): Issue[] {
  const issues: Issue[] = []
  def.plugins?.forEach((use, i) => {
    if (!use.prefill || !Object.hasOwn(catalogue, use.slug)) return // an unknown plugin is plugin.unknown already
    const offered = catalogue[use.slug]!.lookups ?? {}
    const { lookup, fields } = use.prefill
    if (!Object.hasOwn(offered, lookup)) {
      const keys = Object.keys(offered).sort()
      const choices = keys.length ? keys.join(', ') : '—'
      issues.push(
        issue(
          'plugin.prefillUnknownLookup',
          `/plugins/${i}/prefill/lookup`,
          keys.length
            ? `Tiện ích "${use.slug}" không có nguồn tra cứu "${lookup}": chọn một trong ${choices}.`
            : `Tiện ích "${use.slug}" không cung cấp nguồn tra cứu nào để điền sẵn: bỏ prefill.`,
          keys.length
            ? `The plugin "${use.slug}" has no lookup "${lookup}": choose one of ${choices}.`
            : `The plugin "${use.slug}" offers no lookup to pre-fill from: remove prefill.`,
          { slug: use.slug, known: keys },
        ),
      )
      return
    }
    const returns = offered[lookup]!
    for (const [target, field] of Object.entries(fields))
      if (field !== undefined && !returns.includes(field))
        issues.push(
          issue(
            'plugin.prefillUnknownReturn',
            pointer(`/plugins/${i}/prefill/fields`, target),
            `Nguồn tra cứu "${lookup}" không trả về "${field}": chọn một trong ${returns.join(', ')}.`,
            `The lookup "${lookup}" does not return "${field}": choose one of ${returns.join(', ')}.`,
            { field, known: [...returns] },
          ),
        )
  })
  return issues
}

import type { ValidateFunction } from 'ajv'
import { createAjv, escapePointerToken, toIssues } from '../ajv/index'
import type { Issue } from '../errors'
import { isRecord, issue } from './issue'
import type { ProcedureDefinition } from './procedure-definition.generated'

/** The plugins an installation has, by slug, each with its configuration's JSON Schema. */
export type PluginCatalogue = Readonly<Record<string, Record<string, unknown>>>

const ajv = createAjv()
// a procedure's config is laid over each unit's own, so the plugin's required settings may be left to the unit
const compiled = new WeakMap<object, ValidateFunction | null>()
function overlayValidator(schema: Record<string, unknown>): ValidateFunction | null {
  if (!compiled.has(schema)) {
    const { required: _required, ...partial } = schema
    try {
      compiled.set(schema, ajv.compile(partial))
    } catch {
      compiled.set(schema, null) // the runtime refuses such a plugin when it loads; nothing to check against here
    }
  }
  return compiled.get(schema)!
}

const writeOnly = (schema: Record<string, unknown>): string[] => {
  const properties = isRecord(schema.properties) ? schema.properties : {}
  return Object.keys(properties).filter((k) => isRecord(properties[k]) && properties[k].writeOnly === true)
}

/**
 * The definition's plugins against the installation's: each slug exists, and each `config` is a valid part of
 * that plugin's configuration without its secrets (those belong to each unit's plugin setting).
 */
export function checkPlugins(def: ProcedureDefinition, catalogue: PluginCatalogue): Issue[] {
  const issues: Issue[] = []
  const known = Object.keys(catalogue).sort()
  def.plugins?.forEach((use, i) => {
    const schema = Object.hasOwn(catalogue, use.slug) ? catalogue[use.slug] : undefined
    if (!schema) {
      const choices = known.length ? known.join(', ') : '—'
      issues.push(
        issue(
          'plugin.unknown',
          `/plugins/${i}/slug`,
          `Hệ thống không có tiện ích "${use.slug}": chọn một tiện ích đã cài (${choices}) hoặc bỏ khai báo này.`,
          `No plugin "${use.slug}" is installed: choose one of ${choices}, or remove this entry.`,
          { slug: use.slug, known },
        ),
      )
      return
    }
    if (use.config === undefined) return
    const base = `/plugins/${i}/config`
    for (const key of writeOnly(schema).filter((k) => Object.hasOwn(use.config!, k)))
      issues.push(
        issue(
          'plugin.configSecret',
          `${base}/${escapePointerToken(key)}`,
          `"${key}" là thông tin bí mật: không ghi trong định nghĩa thủ tục mà nhập ở cấu hình tiện ích của từng đơn vị.`,
          `"${key}" is a secret: remove it here and enter it in each unit's plugin settings.`,
        ),
      )
    const validate = overlayValidator(schema)
    if (validate && !validate(use.config))
      for (const found of toIssues(validate.errors))
        issues.push({
          ...found,
          code: 'plugin.config',
          path: `${base}${found.path}`,
          message: {
            vi: `Cấu hình tiện ích "${use.slug}" chưa đúng: ${found.message.vi}`,
            en: `The "${use.slug}" plugin's configuration: ${found.message.en}`,
          },
          params: { ...found.params, keyword: found.code },
        })
  })
  return issues
}

import type { ValidateFunction } from 'ajv'
import { type CustomFormats, createAjv, escapePointerToken, toIssues } from '../ajv/index'
import type { Issue } from '../errors'
import { isRecord, issue } from './issue'
import type { ProcedureDefinition } from './procedure-definition.generated'
import { stepLists } from './step-lists'

/** What a definition is checked against of one installed plugin. */
export interface CataloguedPlugin {
  /** The JSON Schema of its configuration. */
  configSchema: Record<string, unknown>
  /** The keys of the step actions it calls out for (`callOut.action`). */
  actions?: readonly string[]
  /** The form formats it contributes. */
  formats?: CustomFormats
  /** Its lookups, by key, each with the fields it returns (what a procedure's `prefill` may map). */
  lookups?: Readonly<Record<string, readonly string[]>>
}

/** The plugins an installation has, by slug. */
export type PluginCatalogue = Readonly<Record<string, CataloguedPlugin>>

/** Every installed plugin's form formats, together: what a form schema may name besides motcua's own. */
export const catalogueFormats = (catalogue: PluginCatalogue): CustomFormats =>
  Object.assign({}, ...Object.values(catalogue).map((p) => p.formats ?? {}))

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
    const schema = Object.hasOwn(catalogue, use.slug) ? catalogue[use.slug]?.configSchema : undefined
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

/**
 * Each step action's `callOut` names an installed plugin that declares that action and that the procedure lists in
 * its `plugins`.
 */
export function checkCallOuts(def: ProcedureDefinition, catalogue: PluginCatalogue): Issue[] {
  const issues: Issue[] = []
  const listed = new Set((def.plugins ?? []).map((u) => u.slug))
  for (const { path, steps } of stepLists(def))
    steps.forEach((step, s) =>
      step.actions.forEach((action, a) => {
        const callOut = action.callOut
        if (!callOut) return
        const at = `${path}/${s}/actions/${a}/callOut`
        const plugin = Object.hasOwn(catalogue, callOut.plugin) ? catalogue[callOut.plugin] : undefined
        if (!plugin) {
          const choices = Object.keys(catalogue).sort().join(', ') || '—'
          issues.push(
            issue(
              'callOut.unknownPlugin',
              `${at}/plugin`,
              `Hệ thống không có tiện ích "${callOut.plugin}" để thao tác "${action.label}" gọi đến: chọn một tiện ích đã cài (${choices}).`,
              `No plugin "${callOut.plugin}" is installed for the action "${action.key}" to call out to: choose one of ${choices}.`,
              { plugin: callOut.plugin },
            ),
          )
          return
        }
        const actions = plugin.actions ?? []
        if (!actions.includes(callOut.action))
          issues.push(
            issue(
              'callOut.unknownAction',
              `${at}/action`,
              `Tiện ích "${callOut.plugin}" không có thao tác "${callOut.action}": chọn một trong ${actions.join(', ') || '— (tiện ích này không có thao tác nào)'}.`,
              `The plugin "${callOut.plugin}" has no action "${callOut.action}": choose one of ${actions.join(', ') || '— (it declares none)'}.`,
              { plugin: callOut.plugin, action: callOut.action, known: [...actions] },
            ),
          )
        if (!listed.has(callOut.plugin))
          issues.push(
            issue(
              'callOut.notListed',
              `${at}/plugin`,
              `Thao tác "${action.label}" gọi đến tiện ích "${callOut.plugin}": thêm tiện ích này vào danh sách tiện ích của thủ tục ("plugins").`,
              `The action "${action.key}" calls out to "${callOut.plugin}": add it to the procedure's "plugins".`,
              { plugin: callOut.plugin },
            ),
          )
      }),
    )
  return issues
}

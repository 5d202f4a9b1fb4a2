import type { Issue, PluginUse } from '@motcua/core'
import type { CheckedManifest } from './manifest'
import { overlay } from './plugin-host'
import { resolveSetting, type SettingLayer, type SettingSource } from './resolve-setting'
import { withoutSecrets } from './secrets'

/** Where a value comes from, as administrators read it: a unit's code, or null for the procedure's definition. */
export interface ShownSource {
  unitCode: string | null
  unitName: string | null
  /** '' = the unit's setting for every procedure. */
  procedureCode: string
}

/** One of a unit's own settings of a plugin, secrets named in `secretsSet`, never returned. */
export interface OwnSettingView {
  procedureCode: string
  procedureName: string | null
  enabled: boolean | null
  config: Record<string, unknown>
  secretsSet: string[]
}

/** A resolved setting as administrators see it: secrets named, each value with its source. */
export interface ResolvedView {
  enabled: boolean
  enabledFrom: ShownSource | null
  config: Record<string, unknown>
  secretsSet: string[]
  /** The source of each key in force, secrets included (by name). */
  from: Record<string, ShownSource>
}

/** What is in force at a unit for every procedure ('') or one procedure, each value with its source. */
export interface InForceView extends ResolvedView {
  procedureCode: string
  procedureName: string | null
  /** What the unit would have without its own setting for this procedure code: what a form shows as inherited. */
  inherited: ResolvedView
  /** Whether the plugin acts: on, and its configuration satisfies its schema. */
  runs: boolean
  /** Why it does not run though on: the configuration's problems, each at `/config/…`. */
  problems: Issue[]
}

/** What a procedure brings to the view: its name and its definition's `plugins`. */
export interface ProcedureInfo {
  name: string
  uses?: readonly PluginUse[] | undefined
}

/**
 * A plugin's settings at a unit as administrators see them: the unit's own rows, and what is in force for every
 * procedure and for each procedure that has a setting at or above the unit (its definition's config laid over).
 * @example settingsView({ plugin, rows, unitId, lineageTopDown, codeOf, procedures }).inForce[0].from.url
 */
export function settingsView(input: {
  plugin: Pick<CheckedManifest, 'manifest' | 'secrets' | 'validateConfig'>
  /** The plugin's rows of the unit and the units above it. */
  rows: readonly SettingLayer[]
  unitId: string
  lineageTopDown: readonly string[]
  unitOf: (unitId: string) => { code: string; name: string }
  procedures: ReadonlyMap<string, ProcedureInfo>
}): { own: OwnSettingView[]; inForce: InForceView[] } {
  const { plugin, rows, unitId, lineageTopDown, unitOf, procedures } = input
  const nameOf = (code: string) => (code ? (procedures.get(code)?.name ?? null) : null)
  const order = (a: { procedureCode: string }, b: { procedureCode: string }) =>
    a.procedureCode === '' ? -1 : b.procedureCode === '' ? 1 : a.procedureCode.localeCompare(b.procedureCode)
  const shown = (s: SettingSource): ShownSource => {
    const unit = unitOf(s.unitId)
    return { unitCode: unit.code, unitName: unit.name, procedureCode: s.procedureCode }
  }
  const view = (resolved: ReturnType<typeof resolveSetting>, uses: readonly PluginUse[] | undefined, code: string) => {
    const from: Record<string, ShownSource> = Object.fromEntries(
      Object.entries(resolved.configFrom).map(([key, source]) => [key, shown(source)]),
    )
    const config = overlay(resolved.config, plugin.manifest.slug, uses)
    for (const key of Object.keys(uses?.find((u) => u.slug === plugin.manifest.slug)?.config ?? {}))
      from[key] = { unitCode: null, unitName: null, procedureCode: code }
    return {
      enabled: resolved.enabled,
      enabledFrom: resolved.enabledFrom && shown(resolved.enabledFrom),
      ...withoutSecrets(config, plugin.secrets),
      from,
      whole: config,
    }
  }

  const own = rows
    .filter((r) => r.unitId === unitId)
    .map((r) => ({
      procedureCode: r.procedureCode,
      procedureName: nameOf(r.procedureCode),
      enabled: r.enabled,
      ...withoutSecrets(r.config, plugin.secrets),
    }))
    .sort(order)
  const codes = ['', ...new Set(rows.flatMap((r) => (r.procedureCode ? [r.procedureCode] : [])))]
  const inForce = codes
    .map((code): InForceView => {
      const uses = code ? procedures.get(code)?.uses : undefined
      const { whole, ...inForce } = view(resolveSetting(rows, lineageTopDown, code), uses, code)
      const above = rows.filter((r) => r.unitId !== unitId || r.procedureCode !== code)
      const { whole: _, ...inherited } = view(resolveSetting(above, lineageTopDown, code), uses, code)
      const problems = inForce.enabled
        ? plugin.validateConfig(structuredClone(whole)).map((i) => ({ ...i, path: `/config${i.path}` }))
        : []
      return {
        procedureCode: code,
        procedureName: nameOf(code),
        ...inForce,
        inherited,
        runs: inForce.enabled && problems.length === 0,
        problems,
      }
    })
    .sort(order)
  return { own, inForce }
}

import { type Issue, type PluginCatalogue, validateDefinition } from '@motcua/core'
import type { Db } from '@motcua/db'
import type { PluginHost } from '../plugins/plugin-host'
import type { UnitDirectory } from '../units/unit-directory'
import { scopeIssues } from './scope'
import { unitRefIssues } from './unit-ref-check'

export interface DraftCheck {
  ok: boolean
  /** Every problem, at its path in the request (`/definition/…`). */
  issues: Issue[]
}

/** The installed plugins as the validator knows them: each one's config schema, call-out actions, formats and lookups. */
export const pluginCatalogue = (host: PluginHost): PluginCatalogue =>
  Object.fromEntries(
    [...host.plugins].map(([slug, { manifest }]) => [
      slug,
      {
        configSchema: manifest.configSchema,
        actions: Object.keys(manifest.actions),
        formats: manifest.formats,
        lookups: Object.fromEntries(Object.entries(manifest.lookups).map(([key, l]) => [key, Object.keys(l.returns)])),
      },
    ]),
  )

/**
 * Everything that stands between a draft and publishing: the definition's own problems (core's validator, its
 * plugins against the installed ones), those of its owner's scope (levels and units outside the owner unit) and
 * the units and levels it names.
 */
export async function checkDraft(
  db: Db,
  units: UnitDirectory,
  definition: Record<string, unknown>,
  ownerUnitId: string | null,
  plugins?: PluginCatalogue,
): Promise<DraftCheck> {
  const result = validateDefinition(definition, plugins ? { plugins } : {})
  const owner = ownerUnitId ? ((await units.byId(ownerUnitId)) ?? null) : null
  const issues = [
    ...(result.ok ? [] : result.issues),
    ...(await scopeIssues(db, units, definition, owner)),
    ...(await unitRefIssues(db, units, definition)),
  ]
  return { ok: issues.length === 0, issues: issues.map((i) => ({ ...i, path: `/definition${i.path}` })) }
}

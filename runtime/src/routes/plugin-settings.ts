import { DomainError, type Issue } from '@motcua/core'
import { type PluginSettingRecord, pluginSettingChanges, pluginSettings, withTransaction } from '@motcua/db'
import { and, eq, inArray, sql } from 'drizzle-orm'
import { type Context, Hono } from 'hono'
import type { AppEnv } from '../app'
import { forbidden, requirePrincipal, requireRole } from '../auth/middleware'
import { ADMIN_ROLES } from '../auth/role-groups'
import { holdsRoleOver } from '../auth/scope'
import { jsonBody } from '../http/body'
import { jsonLimits } from '../http/clean-input'
import type { Operation } from '../http/openapi'
import { queryParams } from '../http/query'
import { overrideIssues } from '../plugins/override-check'
import { overlay, PLUGIN_SETTINGS_CHANNEL } from '../plugins/plugin-host'
import { resolveSetting } from '../plugins/resolve-setting'
import { mergeSecrets, withoutSecrets } from '../plugins/secrets'
import { type ProcedureInfo, settingsView } from '../plugins/settings-view'

const settingBody = jsonBody<{ enabled?: boolean | null; config?: Record<string, unknown> }>(
  {
    type: 'object',
    properties: { enabled: { type: ['boolean', 'null'] }, config: { type: 'object' } },
    additionalProperties: false,
  },
  jsonLimits.pluginConfig,
)
const procedureQuery = queryParams<{ procedure?: string }>({
  type: 'object',
  properties: { procedure: { type: 'string', maxLength: 64 } },
})

type Row = typeof pluginSettings.$inferSelect

/** A setting as the audit trail keeps it: its secrets named in `secretsSet`, never their values. */
const shownSetting = (
  setting: { enabled: boolean | null; config: Record<string, unknown> },
  secrets: string[],
): PluginSettingRecord => ({ enabled: setting.enabled, ...withoutSecrets(setting.config, secrets) })

const unknownPlugin = (slug: string) =>
  new DomainError('NOT_FOUND', { vi: `Không có tiện ích (plugin) "${slug}".`, en: `No plugin "${slug}".` })

const invalidConfig = (issues: Issue[]) =>
  new DomainError(
    'INVALID_DATA',
    { vi: 'Cấu hình tiện ích chưa hợp lệ.', en: 'The plugin configuration is not valid.' },
    issues.map((i) => ({ ...i, path: `/config${i.path}` })),
  )

async function administeredUnit(c: Context<AppEnv>) {
  const code = c.req.param('unitCode')!
  const unit = await c.var.units.byCode(code)
  if (!unit) throw new DomainError('NOT_FOUND', { vi: `Không tìm thấy đơn vị ${code}.`, en: `No unit ${code}.` })
  if (!(await holdsRoleOver(c.var.units, requirePrincipal(c), [...ADMIN_ROLES], unit.id))) throw forbidden()
  return unit
}

/** The procedure a setting is for: its name and `plugins` (the version in force, else the latest). */
async function procedureInfo(c: Context<AppEnv>, code: string): Promise<ProcedureInfo | undefined> {
  const version = (await c.var.registry.current(code, c.var.clock())) ?? (await c.var.registry.versions(code)).at(-1)
  return version && { name: version.definition.name, uses: version.definition.plugins }
}

/** The plugin and the procedure ('' = every procedure) a PUT or DELETE is about; 404 for either unknown. */
async function target(c: Context<AppEnv>) {
  const slug = c.req.param('slug')!
  const loaded = c.var.plugins.plugins.get(slug)
  if (!loaded) throw unknownPlugin(slug)
  const procedureCode = procedureQuery.read(c).procedure ?? ''
  const procedure = procedureCode ? await procedureInfo(c, procedureCode) : undefined
  if (procedureCode && !procedure)
    throw new DomainError('NOT_FOUND', {
      vi: `Không có thủ tục mã "${procedureCode}": chọn một thủ tục trong danh mục, hoặc bỏ tham số procedure để cài đặt cho mọi thủ tục của đơn vị.`,
      en: `No procedure "${procedureCode}": choose one of the catalogue, or leave out procedure for every procedure of the unit.`,
    })
  return { slug, loaded, procedureCode, procedure }
}

const ownRow = (unitId: string, slug: string, procedureCode: string) =>
  and(
    eq(pluginSettings.unitId, unitId),
    eq(pluginSettings.pluginSlug, slug),
    eq(pluginSettings.procedureCode, procedureCode),
  )

/**
 * Administrators: enable, disable and configure plugins per unit and per procedure at a unit, each setting a partial
 * override of what the unit inherits, and see what is in force and where each value comes from.
 */
export const pluginSettingRoutes = new Hono<AppEnv>()
  .get('/api/admin/units/:unitCode/plugins', requireRole(...ADMIN_ROLES), async (c) => {
    const unit = await administeredUnit(c)
    const lineage = await c.var.units.lineage(unit.id) // the unit first, then the units above it
    const settings = await c.var.database.db
      .select()
      .from(pluginSettings)
      .where(inArray(pluginSettings.unitId, lineage))
    const named = new Map<string, { code: string; name: string }>()
    for (const id of lineage) {
      const above = await c.var.units.byId(id)
      named.set(id, { code: above?.code ?? id, name: above?.name ?? id })
    }
    const procedures = new Map<string, ProcedureInfo>()
    for (const code of new Set(settings.map((s) => s.procedureCode)))
      if (code) {
        const info = await procedureInfo(c, code)
        if (info) procedures.set(code, info)
      }
    return c.json(
      [...c.var.plugins.plugins].map(([slug, plugin]) => ({
        slug,
        name: plugin.manifest.name,
        description: plugin.manifest.description ?? null,
        configSchema: plugin.manifest.configSchema,
        secrets: plugin.secrets,
        ...settingsView({
          plugin,
          rows: settings.filter((s) => s.pluginSlug === slug),
          unitId: unit.id,
          lineageTopDown: [...lineage].reverse(),
          unitOf: (id) => named.get(id) ?? { code: id, name: id },
          procedures,
        }),
      })),
    )
  })
  .put('/api/admin/units/:unitCode/plugins/:slug', requireRole(...ADMIN_ROLES), async (c) => {
    const unit = await administeredUnit(c)
    const { slug, loaded, procedureCode, procedure } = await target(c)
    const body = await settingBody.read(c)
    const { db } = c.var.database
    const lineage = await c.var.units.lineage(unit.id)
    const rows = await db
      .select()
      .from(pluginSettings)
      .where(and(inArray(pluginSettings.unitId, lineage), eq(pluginSettings.pluginSlug, slug)))
    const stored = rows.find((r) => r.unitId === unit.id && r.procedureCode === procedureCode)
    // left out: as stored (a new setting inherits its on/off and overrides nothing)
    const enabled = body.enabled !== undefined ? body.enabled : (stored?.enabled ?? null)
    const config = body.config ? mergeSecrets(body.config, stored?.config, loaded.secrets) : (stored?.config ?? {})
    const own = overrideIssues(loaded.manifest.configSchema, config)
    if (own.length) throw invalidConfig(own)
    const saved: Row = { unitId: unit.id, pluginSlug: slug, procedureCode, enabled, config, updatedAt: new Date() }
    const resolved = resolveSetting([...rows.filter((r) => r !== stored), saved], [...lineage].reverse(), procedureCode)
    if (resolved.enabled) {
      const merged = loaded.validateConfig(overlay(resolved.config, slug, procedure?.uses))
      if (merged.length) throw invalidConfig(merged)
    }
    await withTransaction(db, async (tx) => {
      const [before] = await tx
        .select()
        .from(pluginSettings)
        .where(ownRow(unit.id, slug, procedureCode))
        .for('update')
      await tx
        .insert(pluginSettings)
        .values(saved)
        .onConflictDoUpdate({
          target: [pluginSettings.unitId, pluginSettings.pluginSlug, pluginSettings.procedureCode],
          set: { enabled, config, updatedAt: saved.updatedAt },
        })
      await tx.insert(pluginSettingChanges).values({
        unitId: unit.id,
        pluginSlug: slug,
        procedureCode,
        actorUserId: requirePrincipal(c).userId,
        before: before ? shownSetting(before, loaded.secrets) : null,
        after: shownSetting({ enabled, config }, loaded.secrets),
      })
      await tx.execute(sql`select pg_notify(${PLUGIN_SETTINGS_CHANNEL}, ${slug})`)
    })
    c.var.plugins.invalidate()
    return c.json({ unitCode: unit.code, slug, procedureCode, enabled, inForce: resolved.enabled })
  })
  .delete('/api/admin/units/:unitCode/plugins/:slug', requireRole(...ADMIN_ROLES), async (c) => {
    const unit = await administeredUnit(c)
    const { slug, loaded, procedureCode } = await target(c)
    const removed = await withTransaction(c.var.database.db, async (tx) => {
      const [before] = await tx
        .delete(pluginSettings)
        .where(ownRow(unit.id, slug, procedureCode))
        .returning()
      if (!before) return false
      await tx.insert(pluginSettingChanges).values({
        unitId: unit.id,
        pluginSlug: slug,
        procedureCode,
        actorUserId: requirePrincipal(c).userId,
        before: shownSetting(before, loaded.secrets),
        after: null,
      })
      await tx.execute(sql`select pg_notify(${PLUGIN_SETTINGS_CHANNEL}, ${slug})`)
      return true
    })
    if (removed) c.var.plugins.invalidate()
    return c.body(null, 204)
  })

const procedureParam = {
  name: 'procedure',
  description: 'a procedure code: the setting for that procedure at the unit; left out: for every procedure',
}
const source = '{unitCode, unitName (null: the procedure’s definition), procedureCode (“”: every procedure)}'

export const pluginSettingDocs: Operation[] = [
  {
    method: 'get',
    path: '/api/admin/units/:unitCode/plugins',
    tag: 'plugins',
    summary:
      'Every plugin with what a configuration form needs (name, description, configSchema, secrets: the writeOnly fields), the unit’s own settings (for every procedure, procedureCode “”, and per procedure), and what is in force at the unit for every procedure and for each procedure with a setting at or above it, with the source of the on/off and of each key; secrets are never returned: each setting names those set in secretsSet. A setting on whose configuration does not satisfy the schema does not run (runs false, problems)',
    access: [...ADMIN_ROLES],
    responses: {
      200: `[{slug, name, description, configSchema, secrets, own: [{procedureCode, procedureName, enabled: boolean | null (null: inherited), config, secretsSet}], inForce: [{procedureCode, procedureName, enabled, enabledFrom: ${source} | null, config, secretsSet, from: {key: ${source}}, inherited: {enabled, enabledFrom, config, secretsSet, from} (without the unit’s own setting for that procedure code), runs, problems: [{path, message}]}]}]`,
      403: 'outside your units',
      404: 'no such unit',
    },
  },
  {
    method: 'put',
    path: '/api/admin/units/:unitCode/plugins/:slug',
    tag: 'plugins',
    summary:
      'Sets a unit’s own setting of a plugin, for every procedure or one (?procedure=): a partial override of what it inherits from the units above. enabled: true or false, null inherits, left out keeps; config: the keys this setting overrides (a key set to null removes the inherited value), left out keeps the stored ones; a secret left out keeps its stored value, null removes it. The override is checked against the schema without its required list, the configuration then in force (when on) against the whole schema; audited; every process reloads',
    access: [...ADMIN_ROLES],
    query: [procedureParam],
    body: settingBody,
    responses: {
      200: '{unitCode, slug, procedureCode, enabled, inForce}',
      400: 'invalid config, each problem at its path (/config/…)',
      403: 'outside your units',
      404: 'no such plugin, unit or procedure',
    },
  },
  {
    method: 'delete',
    path: '/api/admin/units/:unitCode/plugins/:slug',
    tag: 'plugins',
    summary:
      'Removes a unit’s own setting of a plugin, for every procedure or one (?procedure=): it inherits again from the units above (or is off); audited; every process reloads',
    access: [...ADMIN_ROLES],
    query: [procedureParam],
    responses: {
      204: 'removed, or there was none',
      403: 'outside your units',
      404: 'no such plugin, unit or procedure',
    },
  },
]

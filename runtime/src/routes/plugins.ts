import { availableActions, DomainError, isStorableText } from '@motcua/core'
import {
  type Db,
  dossiers,
  outbox,
  type PluginSettingRecord,
  pluginSettingChanges,
  pluginSettings,
  withTransaction,
} from '@motcua/db'
import type { PluginRequest } from '@motcua/plugin-sdk'
import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm'
import { type Context, Hono } from 'hono'
import type { AppEnv } from '../app'
import { forbidden, requirePrincipal, requireRole } from '../auth/middleware'
import { ADMIN_ROLES } from '../auth/role-groups'
import { holdsRoleOver } from '../auth/scope'
import { actOnDossier, stateOf } from '../dossiers/act'
import { loadDossier } from '../dossiers/load-dossier'
import { jsonBody } from '../http/body'
import { jsonLimits } from '../http/clean-input'
import type { Operation } from '../http/openapi'
import { queryParams } from '../http/query'
import type { PluginManifest } from '../plugins/manifest'
import { PLUGIN_SETTINGS_CHANNEL, type PluginHost } from '../plugins/plugin-host'
import type { CapabilityHandler } from '../plugins/sandbox'
import { mergeSecrets, withoutSecrets } from '../plugins/secrets'
import { dossierSnapshot } from '../plugins/snapshot'

const settingBody = jsonBody<{ enabled: boolean; config: Record<string, unknown> }>(
  {
    type: 'object',
    properties: { enabled: { type: 'boolean' }, config: { type: 'object' } },
    required: ['enabled', 'config'],
    additionalProperties: false,
  },
  jsonLimits.pluginConfig,
)
const outboxQuery = queryParams<{ state?: 'pending' | 'delivered' | 'dead' }>({
  type: 'object',
  properties: { state: { type: 'string', enum: ['pending', 'delivered', 'dead'] } },
})

/** A setting as administrators and the audit trail see it: its secrets named in `secretsSet`, never their values. */
const shownSetting = (
  setting: { enabled: boolean; config: Record<string, unknown> },
  secrets: string[],
): PluginSettingRecord => ({ enabled: setting.enabled, ...withoutSecrets(setting.config, secrets) })

/** The outbox's retry policy when a plugin declares none (see `createOutboxWorker`). */
const DEFAULT_RETRY = { attempts: 8, backoffMs: 5000 }

/** Everything a plugin contributes, as the studio lists it (nothing of any unit's settings). */
const contributionsOf = (manifest: PluginManifest, secrets: string[]) => ({
  slug: manifest.slug,
  name: manifest.name,
  description: manifest.description ?? null,
  configSchema: manifest.configSchema,
  secrets,
  hooks: manifest.hooks,
  deliver: manifest.deliver,
  reads: manifest.reads,
  lookups: manifest.lookups,
  formats: manifest.formats,
  widgets: manifest.widgets,
  actions: manifest.actions,
  routes: manifest.routes.map((r) => ({ method: r.method, path: `/api/plugins/${manifest.slug}${r.path}` })),
  retry: { ...DEFAULT_RETRY, ...manifest.retry },
})

const unknownPlugin = (slug: string) =>
  new DomainError('NOT_FOUND', { vi: `Không có tiện ích (plugin) "${slug}".`, en: `No plugin "${slug}".` })

async function administeredUnit(c: Context<AppEnv>) {
  const code = c.req.param('unitCode')!
  const unit = await c.var.units.byCode(code)
  if (!unit) throw new DomainError('NOT_FOUND', { vi: `Không tìm thấy đơn vị ${code}.`, en: `No unit ${code}.` })
  if (!(await holdsRoleOver(c.var.units, requirePrincipal(c), [...ADMIN_ROLES], unit.id))) throw forbidden()
  return unit
}

// a dossier's row by its unit; a failure recorded before there was a dossier (a fee hook) by the unit it names
const inScope = (unitIds: string[]) =>
  or(
    inArray(dossiers.unitId, unitIds),
    and(isNull(outbox.dossierId), inArray(sql`${outbox.payload}->>'unitId'`, unitIds)),
  )

/** Administrators: which plugins exist, enable and configure them per unit, and see what failed to go out. */
export const pluginAdminRoutes = new Hono<AppEnv>()
  .get('/api/admin/plugins', requireRole(...ADMIN_ROLES), (c) =>
    c.json([...c.var.plugins.plugins.values()].map(({ manifest, secrets }) => contributionsOf(manifest, secrets))),
  )
  .get('/api/admin/units/:unitCode/plugins', requireRole(...ADMIN_ROLES), async (c) => {
    const unit = await administeredUnit(c)
    const lineage = await c.var.units.lineage(unit.id) // the unit first, then the units above it
    const settings = await c.var.database.db
      .select()
      .from(pluginSettings)
      .where(inArray(pluginSettings.unitId, lineage))
    const items = []
    for (const [slug, { manifest, secrets }] of c.var.plugins.plugins) {
      const nearest = lineage
        .map((id) => settings.find((s) => s.unitId === id && s.pluginSlug === slug))
        .find((s) => s !== undefined)
      const own = nearest?.unitId === unit.id ? nearest : undefined
      items.push({
        slug,
        name: manifest.name,
        description: manifest.description ?? null,
        configSchema: manifest.configSchema,
        secrets,
        own: own ? shownSetting(own, secrets) : null,
        inForce: nearest ? shownSetting(nearest, secrets) : null,
        inheritedFrom: nearest && !own ? ((await c.var.units.byId(nearest.unitId))?.code ?? null) : null,
      })
    }
    return c.json(items)
  })
  .put('/api/admin/units/:unitCode/plugins/:slug', requireRole(...ADMIN_ROLES), async (c) => {
    const unit = await administeredUnit(c)
    const slug = c.req.param('slug')
    const loaded = c.var.plugins.plugins.get(slug)
    if (!loaded) throw unknownPlugin(slug)
    const body = await settingBody.read(c)
    const { db } = c.var.database
    const [stored] = await db
      .select({ config: pluginSettings.config })
      .from(pluginSettings)
      .where(and(eq(pluginSettings.unitId, unit.id), eq(pluginSettings.pluginSlug, slug)))
    const { enabled } = body
    const config = mergeSecrets(body.config, stored?.config, loaded.secrets)
    const issues = loaded.validateConfig(config).map((i) => ({ ...i, path: `/config${i.path}` }))
    if (issues.length)
      throw new DomainError(
        'INVALID_DATA',
        { vi: 'Cấu hình tiện ích chưa hợp lệ.', en: 'The plugin configuration is not valid.' },
        issues,
      )
    await withTransaction(db, async (tx) => {
      const [before] = await tx
        .select()
        .from(pluginSettings)
        .where(and(eq(pluginSettings.unitId, unit.id), eq(pluginSettings.pluginSlug, slug)))
        .for('update')
      await tx
        .insert(pluginSettings)
        .values({ unitId: unit.id, pluginSlug: slug, enabled, config, updatedAt: new Date() })
        .onConflictDoUpdate({
          target: [pluginSettings.unitId, pluginSettings.pluginSlug],
          set: { enabled, config, updatedAt: new Date() },
        })
      await tx.insert(pluginSettingChanges).values({
        unitId: unit.id,
        pluginSlug: slug,
        actorUserId: requirePrincipal(c).userId,
        before: before ? shownSetting(before, loaded.secrets) : null,
        after: shownSetting({ enabled, config }, loaded.secrets),
      })
      await tx.execute(sql`select pg_notify(${PLUGIN_SETTINGS_CHANNEL}, ${slug})`)
    })
    c.var.plugins.invalidate()
    return c.json({ unitCode: unit.code, slug, enabled })
  })
  .delete('/api/admin/units/:unitCode/plugins/:slug', requireRole(...ADMIN_ROLES), async (c) => {
    const unit = await administeredUnit(c)
    const slug = c.req.param('slug')
    const loaded = c.var.plugins.plugins.get(slug)
    if (!loaded) throw unknownPlugin(slug)
    const removed = await withTransaction(c.var.database.db, async (tx) => {
      const [before] = await tx
        .delete(pluginSettings)
        .where(and(eq(pluginSettings.unitId, unit.id), eq(pluginSettings.pluginSlug, slug)))
        .returning()
      if (!before) return false
      await tx.insert(pluginSettingChanges).values({
        unitId: unit.id,
        pluginSlug: slug,
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
  .get('/api/admin/outbox', requireRole(...ADMIN_ROLES), async (c) => {
    const principal = requirePrincipal(c)
    const { db } = c.var.database
    const { state } = outboxQuery.read(c)
    let scope: string[] | undefined
    if (!principal.grants.some((g) => g.role === 'province_admin')) {
      scope = []
      for (const g of principal.grants)
        if (g.role === 'unit_admin' && g.unitId) scope.push(...(await c.var.units.subtree(g.unitId)))
    }
    const rows = await db
      .select({ message: outbox, receiptCode: dossiers.receiptCode })
      .from(outbox)
      .leftJoin(dossiers, eq(dossiers.id, outbox.dossierId))
      .where(
        and(
          state ? eq(outbox.state, state) : undefined,
          scope ? inScope(scope.length ? scope : ['00000000-0000-0000-0000-000000000000']) : undefined,
        ),
      )
      .orderBy(desc(outbox.id))
      .limit(200)
    return c.json(
      rows.map(({ message: m, receiptCode }) => ({
        id: m.id,
        plugin: m.pluginSlug,
        topic: m.topic,
        receiptCode,
        state: m.state,
        attempts: m.attempts,
        nextAttemptAt: m.nextAttemptAt,
        lastError: m.lastError,
        createdAt: m.createdAt,
        deliveredAt: m.deliveredAt,
      })),
    )
  })

// Never passed to a plugin, even if a route declares them: the caller's credentials are not the plugin's.
const WITHHELD = new Set(['authorization', 'cookie', 'proxy-authorization'])
const RECEIPT_CODE = /^[\x21-\x7e]{1,64}$/

const passedHeaders = (headers: Headers, declared: string[]) =>
  Object.fromEntries(
    ['content-type', ...declared].flatMap((name) => {
      const value = headers.get(name)
      return value === null || WITHHELD.has(name) ? [] : [[name, value]]
    }),
  )

const noDossier = (receiptCode: string) =>
  new DomainError('NOT_FOUND', {
    vi: `Không tìm thấy hồ sơ ${receiptCode.slice(0, 64)}.`,
    en: `No dossier ${receiptCode.slice(0, 64)}.`,
  })

/** What a route's plugin may ask of the runtime from its worker: the SDK's `RouteCapabilities`, arguments checked. */
function capabilities(c: Context<AppEnv>, host: PluginHost, slug: string): CapabilityHandler {
  const { db } = c.var.database
  const plugin = host.plugins.get(slug)!.manifest
  const find = async (receiptCode: unknown) => {
    if (typeof receiptCode !== 'string' || !RECEIPT_CODE.test(receiptCode)) return undefined
    const found = await loadDossier(c.var, receiptCode)
    const config = found && (await host.configFor(db, slug, found.dossier.unitId, found.procedure.definition.plugins))
    return config ? { ...found, config } : undefined
  }
  const confirmPayment = async (receiptCode: unknown, payment: unknown) => {
    const { amount, reference } = (payment ?? {}) as { amount?: unknown; reference?: unknown }
    const validReference = typeof reference === 'string' && reference.length <= 200 && isStorableText(reference)
    if (!Number.isSafeInteger(amount) || (amount as number) <= 0 || !validReference || !reference.trim())
      throw new DomainError('INVALID_DATA', {
        vi: 'Thông tin thanh toán không hợp lệ.',
        en: 'The payment needs a positive whole amount and a reference.',
      })
    const found = await find(receiptCode)
    if (!found) throw noDossier(String(receiptCode))
    const action = availableActions(found.procedure.definition, stateOf(found.dossier)).find(
      (a) => a.type === 'confirmPayment',
    )
    if (!action)
      throw new DomainError('CONFLICT', {
        vi: 'Hồ sơ không ở trạng thái chờ nộp phí.',
        en: 'The dossier is not waiting for a payment.',
      })
    await actOnDossier(db, {
      dossier: found.dossier,
      procedure: found.procedure,
      actionKey: action.key,
      expectedVersion: found.dossier.version,
      inputs: { amount: amount as number, note: `Thanh toán qua ${plugin.name.vi}, mã giao dịch ${reference}` },
      principal: 'system',
      unit: found.unit,
      units: c.var.units,
      plugins: host,
      now: c.var.clock(),
    })
  }
  return async (name, args) => {
    if (name === 'confirmPayment') return confirmPayment(args[0], args[1])
    const found = await find(args[0])
    if (!found) return undefined
    const snapshot = dossierSnapshot(found.dossier, found.unit, found.procedure)
    return { dossier: host.seenBy(slug, snapshot, found.dossier.formData), config: found.config }
  }
}

/** Each plugin's own routes, under `/api/plugins/<slug>/`, answered in the plugin's sandbox. */
export function pluginRoutes(host: PluginHost): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  for (const { manifest } of host.plugins.values()) {
    const prefix = `/api/plugins/${manifest.slug}`
    manifest.routes.forEach((route, index) => {
      app.on(route.method.toUpperCase(), `${prefix}${route.path}`, async (c) => {
        const request: PluginRequest = {
          method: c.req.method,
          path: c.req.path.slice(prefix.length),
          params: c.req.param() as Record<string, string>,
          query: c.req.query(),
          headers: passedHeaders(c.req.raw.headers, route.headers),
          body: await c.req.text(),
        }
        const db: Db = c.var.database.db
        const response = await host.route(db, manifest.slug, index, request, capabilities(c, host, manifest.slug))
        if (response.html !== undefined) return c.html(response.html, response.status as 200, response.headers)
        return c.json(response.json ?? null, response.status as 200, response.headers)
      })
    })
  }
  return app
}

export const pluginAdminDocs: Operation[] = [
  {
    method: 'get',
    path: '/api/admin/plugins',
    tag: 'plugins',
    summary:
      'The plugins this runtime loaded, with everything each contributes: configuration schema and its secret fields, hooks, the form fields it reads per procedure, lookups (with the consent shown), formats, widgets, call-out actions, routes and retry policy',
    access: [...ADMIN_ROLES],
    responses: {
      200: '[{slug, name, description, configSchema, secrets, hooks, deliver, reads, lookups, formats, widgets, actions, routes: [{method, path}], retry: {attempts, backoffMs}}]',
    },
  },
  {
    method: 'get',
    path: '/api/admin/units/:unitCode/plugins',
    tag: 'plugins',
    summary:
      'Every plugin with what a configuration form needs (name, description, configSchema, secrets: the writeOnly fields), the unit’s own setting and the one in force, and the unit it is inherited from; secrets are never returned: each setting names those set in secretsSet',
    access: [...ADMIN_ROLES],
    responses: {
      200: '[{slug, name, description, configSchema, secrets, own: {enabled, config, secretsSet} | null, inForce: {enabled, config, secretsSet} | null, inheritedFrom: unitCode | null}] (inForce null: not set here nor above; inheritedFrom null: its own setting or none)',
      403: 'outside your units',
      404: 'no such unit',
    },
  },
  {
    method: 'put',
    path: '/api/admin/units/:unitCode/plugins/:slug',
    tag: 'plugins',
    summary:
      'Enable, disable or configure a plugin for a unit and the units below it (config checked against its schema); a secret setting left out keeps its stored value, null removes it',
    access: [...ADMIN_ROLES],
    body: settingBody,
    responses: {
      200: 'saved',
      400: 'invalid config, each problem at its path',
      403: 'outside your units',
      404: 'no such plugin or unit',
    },
  },
  {
    method: 'delete',
    path: '/api/admin/units/:unitCode/plugins/:slug',
    tag: 'plugins',
    summary:
      'Remove a unit’s own setting of a plugin: it inherits again from the units above it (or is off); audited; every process reloads',
    access: [...ADMIN_ROLES],
    responses: { 204: 'removed, or there was none', 403: 'outside your units', 404: 'no such plugin or unit' },
  },
  {
    method: 'get',
    path: '/api/admin/outbox',
    tag: 'plugins',
    summary: 'Messages to the outside world: pending, delivered, dead (with the last error)',
    access: [...ADMIN_ROLES],
    query: [{ name: 'state', description: 'pending, delivered, dead' }],
    responses: { 200: 'the newest 200', 400: 'an unknown state' },
  },
]

/** The plugins' own routes, documented from their manifests. */
export const pluginRouteDocs = (host: PluginHost): Operation[] =>
  [...host.plugins.values()].flatMap(({ manifest }) =>
    manifest.routes.map((r) => ({
      method: r.method,
      path: `/api/plugins/${manifest.slug}${r.path}`,
      tag: `plugin:${manifest.slug}`,
      summary: `${manifest.name.vi} (${manifest.name.en})`,
      access: 'public' as const,
      ...(r.headers.length
        ? { headers: r.headers.map((name) => ({ name, description: 'passed to the plugin' })) }
        : {}),
      responses: { 200: 'see the plugin’s README', 503: 'the plugin did not answer in time' },
    })),
  )

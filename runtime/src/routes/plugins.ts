import { availableActions, DomainError } from '@motcua/core'
import { dossiers, outbox, pluginSettings, units } from '@motcua/db'
import type { PluginRequest, RouteCapabilities } from '@motcua/plugin-sdk'
import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import { type Context, Hono } from 'hono'
import type { AppEnv } from '../app'
import { forbidden, requirePrincipal, requireRole } from '../auth/middleware'
import { holdsRoleOver } from '../auth/scope'
import { actOnDossier, stateOf } from '../dossiers/act'
import { jsonBody } from '../http/body'
import { jsonLimits } from '../http/clean-input'
import type { Operation } from '../http/openapi'
import { queryParams } from '../http/query'
import { PLUGIN_SETTINGS_CHANNEL, type PluginHost } from '../plugins/plugin-host'
import { dossierSnapshot } from '../plugins/snapshot'

const ADMINS = ['province_admin', 'unit_admin'] as const

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
  properties: { state: { enum: ['pending', 'delivered', 'dead'] } },
})

const unknownPlugin = (slug: string) =>
  new DomainError('NOT_FOUND', { vi: `Không có tiện ích (plugin) "${slug}".`, en: `No plugin "${slug}".` })

async function administeredUnit(c: Context<AppEnv>) {
  const code = c.req.param('unitCode')!
  const [unit] = await c.var.database.db.select().from(units).where(eq(units.code, code))
  if (!unit) throw new DomainError('NOT_FOUND', { vi: `Không tìm thấy đơn vị ${code}.`, en: `No unit ${code}.` })
  if (!(await holdsRoleOver(c.var.units, requirePrincipal(c), [...ADMINS], unit.id))) throw forbidden()
  return unit
}

/** Administrators: which plugins exist, enable and configure them per unit, and see what failed to go out. */
export const pluginAdminRoutes = new Hono<AppEnv>()
  .get('/api/admin/plugins', requireRole(...ADMINS), (c) =>
    c.json(
      [...c.var.plugins.plugins.values()].map(({ plugin }) => ({
        slug: plugin.slug,
        name: plugin.name,
        description: plugin.description ?? null,
        configSchema: plugin.configSchema,
      })),
    ),
  )
  .get('/api/admin/units/:unitCode/plugins', requireRole(...ADMINS), async (c) => {
    const unit = await administeredUnit(c)
    const { db } = c.var.database
    const own = await db.select().from(pluginSettings).where(eq(pluginSettings.unitId, unit.id))
    const items = []
    for (const slug of c.var.plugins.plugins.keys()) {
      const setting = own.find((s) => s.pluginSlug === slug)
      items.push({
        slug,
        own: setting ? { enabled: setting.enabled, config: setting.config } : null,
        inForce: (await c.var.plugins.configFor(db, slug, unit.id)) ?? null,
      })
    }
    return c.json(items)
  })
  .put('/api/admin/units/:unitCode/plugins/:slug', requireRole(...ADMINS), async (c) => {
    const unit = await administeredUnit(c)
    const slug = c.req.param('slug')
    const loaded = c.var.plugins.plugins.get(slug)
    if (!loaded) throw unknownPlugin(slug)
    const { enabled, config } = await settingBody.read(c)
    const issues = loaded.validateConfig(config).map((i) => ({ ...i, path: `/config${i.path}` }))
    if (issues.length)
      throw new DomainError(
        'INVALID_DATA',
        { vi: 'Cấu hình tiện ích chưa hợp lệ.', en: 'The plugin configuration is not valid.' },
        issues,
      )
    await c.var.database.db.transaction(async (tx) => {
      await tx
        .insert(pluginSettings)
        .values({ unitId: unit.id, pluginSlug: slug, enabled, config, updatedAt: new Date() })
        .onConflictDoUpdate({
          target: [pluginSettings.unitId, pluginSettings.pluginSlug],
          set: { enabled, config, updatedAt: new Date() },
        })
      await tx.execute(sql`select pg_notify(${PLUGIN_SETTINGS_CHANNEL}, ${slug})`)
    })
    c.var.plugins.invalidate()
    return c.json({ unitCode: unit.code, slug, enabled })
  })
  .get('/api/admin/outbox', requireRole(...ADMINS), async (c) => {
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
          scope ? inArray(dossiers.unitId, scope.length ? scope : ['00000000-0000-0000-0000-000000000000']) : undefined,
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

/** Each plugin's own routes, under `/api/plugins/<slug>/`, with the few capabilities the SDK grants. */
export function pluginRoutes(host: PluginHost): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  for (const { plugin } of host.plugins.values()) {
    for (const route of plugin.routes ?? []) {
      const prefix = `/api/plugins/${plugin.slug}`
      app.on(route.method.toUpperCase(), `${prefix}${route.path}`, async (c) => {
        const { db } = c.var.database
        const find = async (receiptCode: string) => {
          const [found] = await db
            .select({ dossier: dossiers, unit: units })
            .from(dossiers)
            .innerJoin(units, eq(units.id, dossiers.unitId))
            .where(eq(dossiers.receiptCode, receiptCode))
          if (!found) return undefined
          const config = await host.configFor(db, plugin.slug, found.dossier.unitId)
          if (!config) return undefined
          return { ...found, config, procedure: (await c.var.registry.byId(found.dossier.procedureVersionId))! }
        }
        const capabilities: RouteCapabilities<Record<string, unknown>> = {
          async findDossier(receiptCode) {
            const found = await find(receiptCode)
            return (
              found && { dossier: dossierSnapshot(found.dossier, found.unit, found.procedure), config: found.config }
            )
          },
          async confirmPayment(receiptCode, payment) {
            const found = await find(receiptCode)
            if (!found)
              throw new DomainError('NOT_FOUND', {
                vi: `Không tìm thấy hồ sơ ${receiptCode}.`,
                en: `No dossier ${receiptCode}.`,
              })
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
              inputs: {
                amount: payment.amount,
                note: `Thanh toán qua ${plugin.name.vi}, mã giao dịch ${payment.reference}`,
              },
              principal: 'system',
              unit: found.unit,
              plugins: host,
              now: c.var.clock(),
            })
          },
        }
        const request: PluginRequest = {
          method: c.req.method,
          path: c.req.path.slice(prefix.length),
          params: c.req.param() as Record<string, string>,
          query: c.req.query(),
          headers: Object.fromEntries(c.req.raw.headers),
          body: await c.req.text(),
        }
        const response = await route.handle(request, capabilities)
        if (response.html !== undefined) return c.html(response.html, response.status as 200, response.headers)
        return c.json(response.json ?? null, response.status as 200, response.headers)
      })
    }
  }
  return app
}

export const pluginAdminDocs: Operation[] = [
  {
    method: 'get',
    path: '/api/admin/plugins',
    tag: 'plugins',
    summary: 'The plugins this runtime loaded, with their configuration schemas',
    access: [...ADMINS],
    responses: { 200: 'plugins' },
  },
  {
    method: 'get',
    path: '/api/admin/units/:unitCode/plugins',
    tag: 'plugins',
    summary: 'A unit’s own plugin settings and those in force (inherited from the units above)',
    access: [...ADMINS],
    responses: { 200: 'settings', 403: 'outside your units' },
  },
  {
    method: 'put',
    path: '/api/admin/units/:unitCode/plugins/:slug',
    tag: 'plugins',
    summary:
      'Enable, disable or configure a plugin for a unit and the units below it (config checked against its schema)',
    access: [...ADMINS],
    body: settingBody,
    responses: {
      200: 'saved',
      400: 'invalid config, each problem at its path',
      403: 'outside your units',
      404: 'no such plugin or unit',
    },
  },
  {
    method: 'get',
    path: '/api/admin/outbox',
    tag: 'plugins',
    summary: 'Messages to the outside world: pending, delivered, dead (with the last error)',
    access: [...ADMINS],
    query: [{ name: 'state', description: 'pending, delivered, dead' }],
    responses: { 200: 'the newest 200', 400: 'an unknown state' },
  },
]

/** The plugins' own routes, documented from their declarations. */
export const pluginRouteDocs = (host: PluginHost): Operation[] =>
  [...host.plugins.values()].flatMap(({ plugin }) =>
    (plugin.routes ?? []).map((r) => ({
      method: r.method,
      path: `/api/plugins/${plugin.slug}${r.path}`,
      tag: `plugin:${plugin.slug}`,
      summary: `${plugin.name.vi} (${plugin.name.en})`,
      access: 'public' as const,
      responses: { 200: 'see the plugin’s README' },
    })),
  )

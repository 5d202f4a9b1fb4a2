import { availableActions, DomainError, isStorableText } from '@motcua/core'
import type { Db } from '@motcua/db'
import type { PluginRequest } from '@motcua/plugin-sdk'
import { type Context, Hono } from 'hono'
import type { AppEnv } from '../app'
import { requireRole } from '../auth/middleware'
import { ADMIN_ROLES } from '../auth/role-groups'
import { actOnDossier, stateOf } from '../dossiers/act'
import { loadDossier } from '../dossiers/load-dossier'
import type { Operation } from '../http/openapi'
import type { PluginManifest } from '../plugins/manifest'
import { DEFAULT_RETRY } from '../plugins/outbox-worker'
import type { PluginHost } from '../plugins/plugin-host'
import type { CapabilityHandler } from '../plugins/sandbox'
import { dossierSnapshot } from '../plugins/snapshot'
import { pluginSettingDocs, pluginSettingRoutes } from './plugin-settings'

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
  sendsReceipt: manifest.sendsReceipt ?? null,
})

/** Administrators: which plugins exist, enable and configure them per unit and procedure (the outbox: routes/outbox.ts). */
export const pluginAdminRoutes = new Hono<AppEnv>()
  .route('/', pluginSettingRoutes)
  .get('/api/admin/plugins', requireRole(...ADMIN_ROLES), (c) =>
    c.json([...c.var.plugins.plugins.values()].map(({ manifest, secrets }) => contributionsOf(manifest, secrets))),
  )

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
    const config =
      found &&
      (await host.configFor(db, slug, found.dossier.unitId, found.procedure.code, found.procedure.definition.plugins))
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
      metrics: c.var.metrics.dossiers,
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
        // the request's own view of the host: what the route queues and calls carries the request's id
        const mine = c.var.plugins
        const response = await mine.route(db, manifest.slug, index, request, capabilities(c, mine, manifest.slug))
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
  ...pluginSettingDocs,
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

import type { Database } from '@motcua/db'
import { Hono } from 'hono'
import { authenticate } from './auth/middleware'
import type { Principal } from './auth/principal'
import { accessLog } from './http/access-log'
import { bodyLimits } from './http/body-limits'
import { refuseWhileDraining } from './http/drain'
import { onError, onNotFound } from './http/errors'
import { inputGuard } from './http/input-guard'
import { mediaTypeGuard } from './http/media-type'
import { type Operation, openApiDocument } from './http/openapi'
import { perMinute } from './http/rate-limit'
import { responseHeaders } from './http/response-headers'
import { httpMetrics } from './metrics/http-metrics'
import { createRuntimeMetrics, type RuntimeMetrics } from './metrics/runtime-metrics'
import type { PluginHost } from './plugins/plugin-host'
import type { ProcedureRegistry } from './procedures/registry'
import { authDocs, authRoutes } from './routes/auth'
import { authoringDocs, authoringRoutes } from './routes/authoring'
import { calendarDocs, calendarRoutes } from './routes/calendars'
import { citizenDocs, citizenRoutes } from './routes/citizen'
import { consultationDocs, consultationRoutes } from './routes/consultations'
import { deskDocs, deskRoutes } from './routes/desk'
import { deskLeaderDocs, deskLeaderRoutes } from './routes/desk-leader'
import { dossiersDocs, dossiersRoutes } from './routes/dossiers'
import { filesDocs, filesRoutes } from './routes/files'
import { health, healthDocs, type Readiness } from './routes/health'
import { intakeDocs, intakeRoutes } from './routes/intake'
import { metricsDocs, metricsRoutes } from './routes/metrics'
import { offeringDocs, offeringRoutes } from './routes/offering'
import { outboxDocs, outboxRoutes } from './routes/outbox'
import { peopleDocs, peopleRoutes } from './routes/people'
import { pluginAdminDocs, pluginAdminRoutes, pluginRouteDocs, pluginRoutes } from './routes/plugins'
import { prefillDocs, prefillRoutes } from './routes/prefill'
import { procedureConstantsDocs, procedureConstantsRoutes } from './routes/procedure-constants'
import { proceduresDocs, proceduresRoutes } from './routes/procedures'
import { publishedDocs, publishedRoutes } from './routes/published'
import { ratingsDocs, ratingsRoutes } from './routes/ratings'
import { receiptDocs, receiptRoutes } from './routes/receipt'
import { registerDocs, registerRoutes } from './routes/register'
import { reorganisationDocs, reorganisationRoutes } from './routes/reorganisations'
import { resultDocs, resultRoutes } from './routes/results'
import { slipDocs, slipRoutes } from './routes/slips'
import { statisticsDocs, statisticsRoutes } from './routes/statistics'
import { statisticsReportDocs, statisticsReportRoutes } from './routes/statistics-report'
import { studioProceduresDocs, studioProceduresRoutes } from './routes/studio-procedures'
import { testRunDocs, testRunRoutes } from './routes/test-run'
import { unitContactDocs, unitContactRoutes } from './routes/unit-contact'
import { unitSettingsDocs, unitSettingsRoutes } from './routes/unit-settings'
import { unitsDocs, unitsRoutes } from './routes/units'
import { defaultDeskRoot, defaultStudioRoot, webRoutes } from './routes/web'
import type { UnitDirectory } from './units/unit-directory'

/** What the routes share: composed once by the runtime. */
export interface Services {
  database: Database
  registry: ProcedureRegistry
  /** Derives lookup PINs (see `loadInstanceSecret`). */
  secret: string
  /** Public receipt lookups per client address per minute, all processes together (default 60; TRACK_RATE_LIMIT). */
  trackLimitPerMinute?: number
  /**
   * Anonymous submissions allowed per client address per minute, all processes together (default
   * `DEFAULT_SUBMIT_LIMIT`; SUBMIT_RATE_LIMIT; 0 turns the limit off). Signed-in callers are not counted.
   */
  submitLimitPerMinute?: number
  /** Log one line per request (`npm start` does; tests don't). */
  accessLog?: boolean
  /** Behind a reverse proxy (TRUST_PROXY=1): limits count the first X-Forwarded-For address. */
  trustProxy?: boolean
  /** The built portal (WEB_DIR); default: next to the server bundle. */
  webDir?: string
  /** The built studio (default: `runtime/dist/studio`). */
  studioDir?: string
  /** The built officers' desk (default: `runtime/dist/desk`). */
  deskDir?: string
  /** The time every deadline is computed from (tests set it). */
  clock?: () => Date
  /** The loaded plugins and their per-unit settings. */
  plugins: PluginHost
  /** The administrative units, kept in memory. */
  units: UnitDirectory
  /** The procedure library the runtime was started with, which the studio copies from; null = none. */
  proceduresDir?: string | null
  /** The shipped reorganisation plans (REORGANISATIONS_DIR; default: the repository's `reorganisations/`). */
  reorganisationsDir?: string
  /** Whether this process is stopping (`/readyz`); the serving process sets it on SIGTERM. */
  readiness?: Readiness
  /** The Prometheus instruments (default: a registry of this app's own). */
  metrics?: RuntimeMetrics
  /** METRICS_TOKEN: lets a caller on another machine read `/metrics` (from loopback none is needed). */
  metricsToken?: string
}

export interface AppEnv {
  Variables: Omit<Services, 'clock' | 'trustProxy' | 'readiness' | 'metrics' | 'metricsToken'> & {
    clock: () => Date
    metrics: RuntimeMetrics
    trustProxy: boolean
    readiness: Readiness
    principal?: Principal
    sessionToken?: string
    /** Returned as X-Request-Id and quoted in the error log. */
    requestId: string
  }
}

/**
 * Anonymous submissions per address per minute. Filing one takes a person minutes (a form, scans to attach), so a
 * commune office whose citizens and kiosks all leave through one NAT files a few a minute at its busiest; the whole
 * province files a few thousand online a day. 30 a minute is out of any such office's reach while stopping a
 * script that files hundreds a second.
 */
export const DEFAULT_SUBMIT_LIMIT = 30

/** Every operation the API serves, as the route modules document them. */
export const operations: Operation[] = [
  ...healthDocs,
  ...metricsDocs,
  ...unitsDocs,
  ...authDocs,
  ...proceduresDocs,
  ...authoringDocs,
  ...studioProceduresDocs,
  ...unitSettingsDocs,
  ...testRunDocs,
  ...procedureConstantsDocs,
  ...publishedDocs,
  ...offeringDocs,
  ...dossiersDocs,
  ...citizenDocs,
  ...prefillDocs,
  ...deskDocs,
  ...deskLeaderDocs,
  ...intakeDocs,
  ...consultationDocs,
  ...pluginAdminDocs,
  ...outboxDocs,
  ...peopleDocs,
  ...calendarDocs,
  ...filesDocs,
  ...ratingsDocs,
  ...unitContactDocs,
  ...slipDocs,
  ...receiptDocs,
  ...resultDocs,
  ...registerDocs,
  ...reorganisationDocs,
  ...statisticsDocs,
  ...statisticsReportDocs,
  {
    method: 'get',
    path: '/api/openapi.json',
    tag: 'system',
    summary: 'This document (OpenAPI 3.1)',
    access: 'public',
    responses: { 200: 'the document' },
  },
]

/** Composes the HTTP API over an open, migrated database and its procedure registry. */
export function createApp(services: Services) {
  const app = new Hono<AppEnv>()
  const readiness = services.readiness ?? { draining: false }
  const metrics = services.metrics ?? createRuntimeMetrics()
  app.use(accessLog(services.accessLog ?? false, services.trustProxy ?? false))
  app.use(httpMetrics(metrics))
  app.use(responseHeaders)
  app.use(refuseWhileDraining(readiness))
  app.use('/api/*', inputGuard)
  app.use('/healthz', inputGuard)
  app.use('/readyz', inputGuard)
  app.use('/metrics', inputGuard)
  app.use('/api/*', mediaTypeGuard(operations))
  app.use(async (c, next) => {
    c.set('database', services.database)
    c.set('registry', services.registry)
    c.set('clock', services.clock ?? (() => new Date()))
    // the request's own view of the plugins: what it queues and calls carries its id
    c.set('plugins', services.plugins.forRequest(c.get('requestId')))
    c.set('units', services.units)
    c.set('proceduresDir', services.proceduresDir ?? null)
    c.set('trustProxy', services.trustProxy ?? false)
    c.set('readiness', readiness)
    c.set('metrics', metrics)
    await next()
  })
  app.use('/api/*', bodyLimits)
  app.use('/api/*', authenticate)
  app.route('/', health)
  app.route('/', metricsRoutes(metrics, services.metricsToken))
  app.route('/', authRoutes())
  app.route('/', unitsRoutes)
  app.route('/', proceduresRoutes)
  app.route('/', authoringRoutes)
  app.route('/', studioProceduresRoutes)
  app.route('/', unitSettingsRoutes)
  app.route('/', testRunRoutes)
  app.route('/', procedureConstantsRoutes)
  app.route('/', publishedRoutes)
  app.route('/', offeringRoutes)
  // per client address, shared by every process through the table rate_limits, written about once a second
  const { db } = services.database
  const trackLimit = services.trackLimitPerMinute ?? 60
  const submitLimit = services.submitLimitPerMinute ?? DEFAULT_SUBMIT_LIMIT
  app.route(
    '/',
    dossiersRoutes(services.secret, {
      track: perMinute(db, 'track.address', trackLimit),
      ...(submitLimit > 0 ? { submit: perMinute(db, 'submit.address', submitLimit) } : {}),
    }),
  )
  app.route('/', citizenRoutes(services.secret))
  app.route('/', prefillRoutes(services.secret))
  app.route('/', intakeRoutes(services.secret))
  app.route('/', deskRoutes)
  app.route('/', deskLeaderRoutes)
  app.route('/', consultationRoutes)
  app.route('/', filesRoutes)
  app.route('/', ratingsRoutes)
  app.route('/', unitContactRoutes)
  app.route('/', slipRoutes(services.secret))
  app.route('/', receiptRoutes(services.secret, perMinute(db, 'receipt.address', trackLimit)))
  app.route('/', resultRoutes)
  app.route('/', registerRoutes)
  app.route('/', reorganisationRoutes)
  app.route('/', statisticsRoutes)
  app.route('/', statisticsReportRoutes)
  app.route('/', pluginAdminRoutes)
  app.route('/', outboxRoutes)
  app.route('/', peopleRoutes)
  app.route('/', calendarRoutes)
  app.route('/', pluginRoutes(services.plugins))
  const document = openApiDocument([...operations, ...pluginRouteDocs(services.plugins)])
  app.get('/api/openapi.json', (c) => c.json(document, 200, { 'Cache-Control': 'public, max-age=300' }))
  // the staff's apps still compile schemas in the page (see `webRoutes`); the citizen portal does not
  app.route('/', webRoutes(services.studioDir ?? defaultStudioRoot(), '/studio', { unsafeEval: true }))
  app.route('/', webRoutes(services.deskDir ?? defaultDeskRoot(), '/desk', { unsafeEval: true }))
  app.route('/', webRoutes(services.webDir))
  app.onError(onError)
  app.notFound(onNotFound)
  return app
}

import { DomainError } from '@motcua/core'
import { Hono } from 'hono'
import type { AppEnv } from '../app'
import type { Operation } from '../http/openapi'
import { databaseGauges } from '../metrics/database-gauges'
import { mayReadMetrics } from '../metrics/metrics-access'
import type { RuntimeMetrics } from '../metrics/runtime-metrics'

const refused = () =>
  new DomainError('FORBIDDEN', {
    vi: 'Số liệu giám sát chỉ đọc được từ chính máy chủ, hoặc với mã METRICS_TOKEN.',
    en: 'Metrics are readable from the server itself only, or with the METRICS_TOKEN.',
  })

/** `GET /metrics`: this process's metrics in Prometheus's text format, for Prometheus on this machine or with the token. */
export function metricsRoutes(metrics: RuntimeMetrics, token: string | undefined) {
  const collectDatabase = databaseGauges(metrics)
  return new Hono<AppEnv>().get('/metrics', async (c) => {
    if (!mayReadMetrics(c, token)) throw refused()
    metrics.processMetrics()
    await collectDatabase(c.var.database, c.var.plugins.plugins.keys())
    return c.body(await metrics.registry.metrics(), 200, {
      'content-type': metrics.registry.contentType,
      'cache-control': 'no-store',
    })
  })
}

export const metricsDocs: Operation[] = [
  {
    method: 'get',
    path: '/metrics',
    tag: 'system',
    summary:
      "Prometheus metrics of this process (text format): requests per route pattern, dossiers, the outbox, the database's connections, Node's own. Only from the server's own machine (loopback, not forwarded by a proxy), or with `Authorization: Bearer <METRICS_TOKEN>`",
    access: 'localOrToken',
    responses: { 200: 'the metrics', 403: 'from another machine without the token' },
  },
]

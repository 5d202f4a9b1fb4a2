import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { outbox } from '@motcua/db'
import { testDrivers } from '@motcua/db/testing'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../app'
import {
  asOfficers,
  libraryProcedure,
  openTestRuntime,
  sampleSubmission,
  submissionForm,
  type TestRuntime,
} from '../testing'
import { sampleValue } from './test-support'

const business = libraryProcedure('dang-ky-thanh-lap-ho-kinh-doanh') // district level: unit 193
const birth = libraryProcedure('dang-ky-khai-sinh') // commune level
const token = 'c0ffee5a1e7d4b9e8f2a6d3c'

describe.each(testDrivers())('GET /metrics on $name', ({ open }) => {
  let runtime: TestRuntime
  const { as, act } = asOfficers(() => runtime)
  const scrape = async (app = runtime.app) => {
    const res = await app.request('/metrics')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
    return res.text()
  }
  const submitted = async (channel: string) =>
    sampleValue(await scrape(), 'motcua_dossiers_submitted_total', { channel })

  beforeAll(async () => {
    runtime = await openTestRuntime(open, { plugins: [], submitLimitPerMinute: 0 })
  })
  afterAll(() => runtime?.close())

  it('times a tracking request under its route pattern, never under the path with the receipt code', async () => {
    const res = await runtime.app.request('/api/dossiers', sampleSubmission(business, '193'))
    expect(res.status).toBe(201)
    const { receiptCode } = (await res.json()) as { receiptCode: string }
    expect((await runtime.app.request(`/api/track/${receiptCode}`)).status).toBe(200)
    expect((await runtime.app.request('/khong-co/../wp-login.php?x=1', { method: 'POST' })).status).toBe(404)
    const text = await scrape()
    const labels = { method: 'GET', route: '/api/track/:receiptCode', status: '200' }
    expect(sampleValue(text, 'motcua_http_request_duration_seconds_count', labels)).toBe(1)
    expect(sampleValue(text, 'motcua_http_request_duration_seconds_bucket', { ...labels, le: '+Inf' })).toBe(1)
    expect(
      sampleValue(text, 'motcua_http_request_duration_seconds_count', {
        method: 'POST',
        route: 'unmatched',
        status: '404',
      }),
    ).toBe(1)
    expect(text).not.toContain(receiptCode)
    expect(text).not.toContain('wp-login')
  })

  it('counts a filed dossier once, a replay of it and a refused one not at all', async () => {
    const before = (await submitted('online')) ?? 0
    const filed = () =>
      runtime.app.request('/api/dossiers', {
        ...sampleSubmission(business, '193'),
        headers: { 'idempotency-key': 'metrics-dem-mot-lan' },
      })
    expect((await filed()).status).toBe(201)
    expect((await filed()).status).toBe(200)
    expect(await submitted('online')).toBe(before + 1)
    // a child born before its mother: well formed, refused by the date rules
    const formData = {
      ...birth.sample,
      nguoi_duoc_khai_sinh: { ...(birth.sample.nguoi_duoc_khai_sinh as object), ngay_sinh: '1980-01-01' },
      me: { ...(birth.sample.me as object), ngay_sinh: '1990-03-12' },
    }
    const refused = await runtime.app.request('/api/dossiers', {
      method: 'POST',
      body: submissionForm(birth.definition, {
        procedureCode: birth.definition.code,
        unitCode: '06649',
        applicant: { fullName: 'Lê Thị Hoa' },
        formData,
      }),
    })
    expect(refused.status).toBe(422)
    expect(await submitted('online')).toBe(before + 1)
    expect(await submitted('counter')).toBe(0)
  })

  it('counts an officer’s action by its type once it is written', async () => {
    const res = await runtime.app.request('/api/dossiers', sampleSubmission(business, '193'))
    const { receiptCode } = (await res.json()) as { receiptCode: string }
    const received = async () => sampleValue(await scrape(), 'motcua_dossier_actions_total', { action: 'receive' }) ?? 0
    const before = await received()
    expect((await act('tiepnhan.193', receiptCode, 'tiep_nhan')).status).toBe(200)
    expect(await received()).toBe(before + 1)
    // the same version again is stale: refused, not counted
    const stale = await as('tiepnhan.193', 'POST', `/api/desk/dossiers/${receiptCode}/actions/tiep_nhan`, {
      expectedVersion: 1,
    })
    expect(stale.status).toBe(409)
    expect(await received()).toBe(before + 1)
  })

  it('reports the outbox per plugin from the database at each scrape: waiting, the oldest one’s age, dead', async () => {
    const plugin = 'thu-so-lieu'
    const hourAgo = new Date(Date.now() - 3_600_000)
    await runtime.database.db.insert(outbox).values([
      { topic: 'hook.submitted', pluginSlug: plugin, payload: {}, createdAt: hourAgo },
      { topic: 'hook.submitted', pluginSlug: plugin, payload: {} },
      { topic: 'hook.submitted', pluginSlug: plugin, payload: {}, state: 'dead', attempts: 5 },
      { topic: 'hook.submitted', pluginSlug: plugin, payload: {}, state: 'delivered', createdAt: hourAgo },
    ])
    let text = await scrape()
    expect(sampleValue(text, 'motcua_database_up', {})).toBe(1)
    expect(sampleValue(text, 'motcua_outbox_pending', { plugin })).toBe(2)
    expect(sampleValue(text, 'motcua_outbox_dead', { plugin })).toBe(1)
    const oldest = sampleValue(text, 'motcua_outbox_oldest_pending_seconds', { plugin })!
    expect(oldest).toBeGreaterThanOrEqual(3599)
    expect(oldest).toBeLessThan(86_400)
    await runtime.database.db.update(outbox).set({ state: 'delivered' }).where(eq(outbox.state, 'pending'))
    text = await scrape()
    expect(sampleValue(text, 'motcua_outbox_pending', { plugin })).toBe(0)
    expect(sampleValue(text, 'motcua_outbox_oldest_pending_seconds', { plugin })).toBe(0)
    expect(sampleValue(text, 'motcua_outbox_dead', { plugin })).toBe(1)
  })

  it('reports this process’s database connections (PostgreSQL) and their limit', async () => {
    const text = await scrape()
    expect(sampleValue(text, 'motcua_database_connections_max', {})).toBe(runtime.database.maxConnections)
    if (runtime.database.driver === 'postgres') {
      const idle = sampleValue(text, 'motcua_database_connections', { state: 'idle' })!
      const busy = sampleValue(text, 'motcua_database_connections', { state: 'busy' })!
      // at least the connection that asked; never more than the pool and its one listening connection
      expect(idle + busy).toBeGreaterThanOrEqual(1)
      expect(idle + busy).toBeLessThanOrEqual(runtime.database.maxConnections + 1)
    } else expect(sampleValue(text, 'motcua_database_connections', { state: 'idle' })).toBeUndefined()
  })

  it('includes Node’s own metrics: event-loop lag, memory, CPU', async () => {
    const text = await scrape()
    for (const name of [
      'nodejs_eventloop_lag_p99_seconds',
      'process_resident_memory_bytes',
      'process_cpu_seconds_total',
    ])
      expect(sampleValue(text, name, {}), name).toBeGreaterThanOrEqual(0)
  })

  it('answers with the database down: motcua_database_up 0 and no stale database gauges', async () => {
    // a server that refuses connections; a database that does not answer at all: database-gauges.test.ts
    const refusing = { execute: () => Promise.reject(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' })) }
    const app = createApp({ ...runtime, database: { ...runtime.database, db: refusing as never } })
    const text = await scrape(app)
    expect(sampleValue(text, 'motcua_database_up', {})).toBe(0)
    expect(text).not.toMatch(/^motcua_outbox_pending\{/m)
    expect(sampleValue(text, 'motcua_dossiers_submitted_total', { channel: 'online' })).toBe(0)
  })

  describe('who may read it', () => {
    const from = (address: string, headers: Record<string, string> = {}, app = runtime.app) =>
      app.request('/metrics', { headers }, { incoming: { socket: { remoteAddress: address } } })

    it('answers a caller on this machine, and refuses one elsewhere when no token is set', async () => {
      for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1', '127.8.9.10'])
        expect((await from(address)).status, address).toBe(200)
      for (const address of ['203.0.113.7', '10.0.0.5', '::ffff:192.0.2.1', '1270.0.0.1']) {
        const res = await from(address)
        expect(res.status, address).toBe(403)
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN')
      }
    })

    it('takes no forwarded request for a local one, unless the proxy is trusted and the client is local', async () => {
      expect((await from('127.0.0.1', { 'x-forwarded-for': '203.0.113.7' })).status).toBe(403)
      expect((await from('127.0.0.1', { 'x-forwarded-for': '127.0.0.1' })).status).toBe(403)
      const behindProxy = createApp({ ...runtime, trustProxy: true })
      expect((await from('127.0.0.1', { 'x-forwarded-for': '203.0.113.7' }, behindProxy)).status).toBe(403)
      expect((await from('127.0.0.1', { 'x-forwarded-for': '127.0.0.1' }, behindProxy)).status).toBe(200)
      expect((await from('203.0.113.7', { 'x-forwarded-for': '127.0.0.1' }, behindProxy)).status).toBe(403)
    })

    it('answers Prometheus over a real connection on loopback', async () => {
      const server = serve({ fetch: runtime.app.fetch, port: 0, hostname: '127.0.0.1' })
      await once(server, 'listening')
      try {
        const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`)
        expect(res.status).toBe(200)
        expect(await res.text()).toMatch(/^motcua_database_up 1$/m)
      } finally {
        await new Promise((resolve) => server.close(resolve))
      }
    })

    it('answers a caller elsewhere with METRICS_TOKEN, and no one with a wrong token', async () => {
      const app = createApp({ ...runtime, metricsToken: token })
      expect((await from('203.0.113.7', { authorization: `Bearer ${token}` }, app)).status).toBe(200)
      expect((await from('203.0.113.7', {}, app)).status).toBe(403)
      for (const wrong of [`Bearer ${token}x`, `Bearer ${token.slice(1)}`, `Basic ${token}`, token])
        expect((await from('203.0.113.7', { authorization: wrong }, app)).status, wrong).toBe(403)
      expect((await from('127.0.0.1', { authorization: 'Bearer sai-ma-roi-1234567' }, app)).status).toBe(403)
      expect((await from('127.0.0.1', {}, app)).status).toBe(200)
    })
  })
})

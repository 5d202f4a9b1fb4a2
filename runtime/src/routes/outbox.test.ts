import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { outbox, outboxChanges, users } from '@motcua/db'
import { testDrivers } from '@motcua/db/testing'
import { eq, inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOutboxWorker } from '../plugins/outbox-worker'
import {
  asOfficers,
  libraryProcedure,
  openTestRuntime,
  pluginFixture,
  sampleSubmission,
  type TestRuntime,
} from '../testing'

const birth = libraryProcedure('dang-ky-khai-sinh') // commune level

// a receiver that refuses everything until the test lets it take messages
let accepting = false
const taken: unknown[] = []
const server: Server = createServer((req, res) => {
  let body = ''
  req.on('data', (chunk) => (body += chunk))
  req.on('end', () => {
    if (!accepting) return res.writeHead(503).end('busy')
    taken.push(JSON.parse(body))
    res.writeHead(200).end('{}')
  })
})

interface Listed {
  id: number
  plugin: string
  topic: string
  receiptCode: string | null
  state: string
  attempts: number
  nextAttemptAt: string
  lastError: string | null
  requestId: string | null
}

describe.each(testDrivers())('the outbox’s administration on $name', ({ open }) => {
  let runtime: TestRuntime
  const { as } = asOfficers(() => runtime)
  let now = new Date('2026-12-01T01:00:00.000Z')
  const listed = async (query: string, user = 'admin') => {
    const res = await as(user, 'GET', `/api/admin/outbox?${query}`)
    expect(res.status).toBe(200)
    return (await res.json()) as Listed[]
  }
  const worker = () => createOutboxWorker(runtime.database, runtime.plugins)
  /** Submits a birth registration at a ward of Hạ Long and runs the outbox until its message is dead. */
  const deadMessage = async () => {
    const res = await runtime.app.request('/api/dossiers', sampleSubmission(birth, '06649'))
    expect(res.status).toBe(201)
    const { receiptCode } = (await res.json()) as { receiptCode: string }
    await worker().runOnce(now) // the hook, then the first delivery, refused
    now = new Date(now.getTime() + 1000)
    await worker().runOnce(now) // the second and last attempt of the plugin's policy
    const [message] = (await listed('plugin=gui-lai-thu&topic=submitted&limit=1')).filter(
      (m) => m.receiptCode === receiptCode,
    )
    expect(message).toMatchObject({ state: 'dead', attempts: 2, lastError: 'HTTP 503' })
    return { id: message!.id, receiptCode }
  }

  beforeAll(async () => {
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/in`
    runtime = await openTestRuntime(open, { plugins: [pluginFixture('retry-policy')], clock: () => now })
    const res = await as('admin', 'PUT', '/api/admin/units/193/plugins/gui-lai-thu', { enabled: true, config: { url } })
    expect(res.status).toBe(200)
  })
  afterAll(async () => {
    await runtime?.close()
  })

  it('retries a plugin’s deliveries with its own policy: the retry after its backoff, dead after its attempts', async () => {
    accepting = false
    const res = await runtime.app.request('/api/dossiers', sampleSubmission(birth, '06649'))
    const { receiptCode } = (await res.json()) as { receiptCode: string }
    expect(await worker().runOnce(now)).toEqual({ hooks: 1, delivered: 0, failed: 1 })
    const [first] = (await listed('plugin=gui-lai-thu&topic=submitted')).filter((m) => m.receiptCode === receiptCode)
    // the message its hook returned names the submission's request, for finding its log lines
    expect(first?.requestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(first?.requestId).toBe(res.headers.get('x-request-id'))
    // 1 s later by the plugin's policy, not the worker's default 5 s
    expect(first).toMatchObject({ state: 'pending', attempts: 1 })
    expect(new Date(first!.nextAttemptAt).getTime()).toBe(now.getTime() + 1000)
    now = new Date(now.getTime() + 1000)
    expect(await worker().runOnce(now)).toEqual({ hooks: 0, delivered: 0, failed: 1 })
    // dead after the plugin's 2 attempts, not the worker's default 8
    const [second] = (await listed('state=dead&plugin=gui-lai-thu')).filter((m) => m.receiptCode === receiptCode)
    expect(second).toMatchObject({ state: 'dead', attempts: 2, lastError: 'HTTP 503' })
  })

  it('requeues a dead message for delivery now, audited with who did it and what it had', async () => {
    accepting = false
    const { id, receiptCode } = await deadMessage()
    const res = await as('quantri.193', 'POST', `/api/admin/outbox/${id}/requeue`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ id, state: 'pending' })
    const [row] = await runtime.database.db.select().from(outbox).where(eq(outbox.id, id))
    expect(row).toMatchObject({ state: 'pending', attempts: 0, nextAttemptAt: now })
    const audit = await runtime.database.db
      .select({
        action: outboxChanges.action,
        attempts: outboxChanges.attempts,
        lastError: outboxChanges.lastError,
        who: users.username,
      })
      .from(outboxChanges)
      .innerJoin(users, eq(users.id, outboxChanges.actorUserId))
      .where(eq(outboxChanges.outboxId, id))
    expect(audit).toEqual([{ action: 'requeue', attempts: 2, lastError: 'HTTP 503', who: 'quantri.193' }])
    // once the receiver is back, the next run delivers it
    accepting = true
    taken.length = 0
    expect(await worker().runOnce(now)).toMatchObject({ delivered: 1 })
    expect(taken).toEqual([{ code: receiptCode }])
    // only a dead message can be requeued
    const again = await as('admin', 'POST', `/api/admin/outbox/${id}/requeue`)
    expect(again.status).toBe(409)
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('CONFLICT')
  })

  it('lets a unit administrator touch only messages of their units’ dossiers', async () => {
    accepting = false
    const { id } = await deadMessage()
    expect((await listed('state=dead', 'quantri.195')).map((m) => m.id)).not.toContain(id)
    expect((await listed('state=dead', 'quantri.193')).map((m) => m.id)).toContain(id)
    expect((await as('quantri.195', 'POST', `/api/admin/outbox/${id}/discard`)).status).toBe(404)
    const bulk = await as('quantri.195', 'POST', '/api/admin/outbox/discard', { plugin: 'gui-lai-thu' })
    expect(await bulk.json()).toMatchObject({ count: 0 })
    expect((await as('tiepnhan.06649', 'GET', '/api/admin/outbox')).status).toBe(403)
    const summary = async (user: string) =>
      (
        (await (await as(user, 'GET', '/api/admin/outbox/summary')).json()) as {
          plugin: string
          state: string
          count: number
        }[]
      ).find((s) => s.plugin === 'gui-lai-thu' && s.state === 'dead')
    expect(await summary('quantri.195')).toBeUndefined()
    expect((await summary('quantri.193'))?.count).toBeGreaterThanOrEqual(1)
    const [row] = await runtime.database.db.select().from(outbox).where(eq(outbox.id, id))
    expect(row!.state).toBe('dead')
  })

  it('discards a list of dead messages all or none, and every dead message of a plugin at once', async () => {
    accepting = false
    const a = await deadMessage()
    const b = await deadMessage()
    const delivered = (await listed('state=delivered&plugin=gui-lai-thu&topic=hook.onSubmit&limit=1'))[0]!
    // one listed message is not dead: nothing changes
    const refused = await as('admin', 'POST', '/api/admin/outbox/discard', { ids: [a.id, delivered.id] })
    expect(refused.status).toBe(409)
    const unknown = await as('admin', 'POST', '/api/admin/outbox/discard', { ids: [a.id, 999_999_999] })
    expect(unknown.status).toBe(404)
    const rows = () =>
      runtime.database.db
        .select()
        .from(outbox)
        .where(inArray(outbox.id, [a.id, b.id]))
    expect((await rows()).map((r) => r.state)).toEqual(['dead', 'dead'])
    expect((await as('admin', 'POST', '/api/admin/outbox/discard', { ids: [] })).status).toBe(400)
    expect((await as('admin', 'POST', '/api/admin/outbox/discard', { ids: [1], plugin: 'x' })).status).toBe(400)

    const deadBefore = (await listed('state=dead&plugin=gui-lai-thu')).length
    const res = await as('admin', 'POST', '/api/admin/outbox/discard', { plugin: 'gui-lai-thu' })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { count: number; ids: number[] }
    expect(body.count).toBe(deadBefore)
    expect(body.ids).toEqual(expect.arrayContaining([a.id, b.id]))
    expect((await rows()).map((r) => r.state)).toEqual(['discarded', 'discarded'])
    expect(await listed('state=dead&plugin=gui-lai-thu')).toEqual([])
    const audited = await runtime.database.db
      .select({ id: outboxChanges.outboxId })
      .from(outboxChanges)
      .where(eq(outboxChanges.action, 'discard'))
    expect(audited.map((r) => r.id)).toEqual(expect.arrayContaining(body.ids))
    // a discarded message is not delivered, nor requeued
    accepting = true
    await worker().runOnce(new Date(now.getTime() + 3_600_000))
    expect((await rows()).map((r) => r.state)).toEqual(['discarded', 'discarded'])
    expect((await as('admin', 'POST', `/api/admin/outbox/${a.id}/requeue`)).status).toBe(409)
  })

  it('filters by plugin, state and topic and pages by id, newest first', async () => {
    const all = await listed('plugin=gui-lai-thu')
    expect(all.length).toBeGreaterThan(4)
    expect(all.map((m) => m.id)).toEqual([...all.map((m) => m.id)].sort((x, y) => y - x))
    const first = await listed('plugin=gui-lai-thu&limit=2')
    const next = await listed(`plugin=gui-lai-thu&limit=2&before=${first[1]!.id}`)
    expect([...first, ...next].map((m) => m.id)).toEqual(all.slice(0, 4).map((m) => m.id))
    expect((await listed('topic=hook.onSubmit')).every((m) => m.topic === 'hook.onSubmit')).toBe(true)
    expect((await listed('state=discarded')).every((m) => m.state === 'discarded')).toBe(true)
    expect((await as('admin', 'GET', '/api/admin/outbox?state=lost')).status).toBe(400)
    expect((await as('admin', 'GET', '/api/admin/outbox?limit=500')).status).toBe(400)
    expect((await as('admin', 'POST', '/api/admin/outbox/abc/requeue')).status).toBe(404)
  })
})

import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dossiers, outbox } from '@motcua/db'
import { testDrivers } from '@motcua/db/testing'
import { and, asc, eq, like } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  asOfficers,
  libraryProcedure,
  openTestRuntime,
  pluginFixture,
  sampleSubmission,
  type TestRuntime,
} from '../testing'
import { createOutboxWorker } from './outbox-worker'

const birth = libraryProcedure('dang-ky-khai-sinh')
const death = libraryProcedure('dang-ky-khai-tu')
const HA_KHANH = '06649'
const HA_TU = '06652'

// What the plugin delivers: the receipt codes and statuses it was told of.
const received: { code: string; status: string }[] = []
const server: Server = createServer((req, res) => {
  let body = ''
  req.on('data', (chunk) => (body += chunk))
  req.on('end', () => {
    received.push(JSON.parse(body))
    res.writeHead(200).end('{}')
  })
})

// A plugin enabled for one ward and one procedure acts on that ward's dossiers of that procedure only.
describe.each(testDrivers())('a plugin enabled for one commune and one procedure on $name', ({ open }) => {
  let runtime: TestRuntime
  let base: string
  const { as, act } = asOfficers(() => runtime)
  const submit = async (procedure: typeof birth, unitCode: string) => {
    const res = await runtime.app.request('/api/dossiers', sampleSubmission(procedure, unitCode))
    expect(res.status).toBe(201)
    return ((await res.json()) as { receiptCode: string }).receiptCode
  }
  // the hooks queued for the plugin, with their dossiers
  const queued = async () =>
    runtime.database.db
      .select({ topic: outbox.topic, receiptCode: dossiers.receiptCode })
      .from(outbox)
      .innerJoin(dossiers, eq(dossiers.id, outbox.dossierId))
      .where(and(eq(outbox.pluginSlug, 'dong-bo-thu'), like(outbox.topic, 'hook.%')))
      .orderBy(asc(outbox.id))

  beforeAll(async () => {
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    runtime = await openTestRuntime(open, { plugins: [pluginFixture('status-sync')] })
  })
  afterAll(async () => {
    await runtime?.close()
    server.close()
  })

  it('queues and delivers for Hà Khánh’s birth registrations, not its deaths nor Hà Tu’s births', async () => {
    received.length = 0
    // the city sets the address for all its units, off; the ward turns it on for births, with its own address
    expect(
      (
        await as('quantri.193', 'PUT', '/api/admin/units/193/plugins/dong-bo-thu', {
          enabled: false,
          config: { url: `${base}/thanh-pho` },
        })
      ).status,
    ).toBe(200)
    const enabled = await as(
      'quantri.06649',
      'PUT',
      `/api/admin/units/${HA_KHANH}/plugins/dong-bo-thu?procedure=${birth.definition.code}`,
      { enabled: true, config: { url: `${base}/ha-khanh` } },
    )
    expect(enabled.status, await enabled.clone().text()).toBe(200)

    const ours = await submit(birth, HA_KHANH)
    const otherProcedure = await submit(death, HA_KHANH)
    const otherWard = await submit(birth, HA_TU)
    expect((await act(`tiepnhan.${HA_KHANH}`, ours, 'tiep_nhan')).status).toBe(200)
    expect((await act(`tiepnhan.${HA_KHANH}`, otherProcedure, 'tiep_nhan')).status).toBe(200)
    expect((await act(`tiepnhan.${HA_TU}`, otherWard, 'tiep_nhan')).status).toBe(200)

    expect(await queued()).toEqual([
      { topic: 'hook.onSubmit', receiptCode: ours },
      { topic: 'hook.afterAction', receiptCode: ours },
    ])
    const worker = createOutboxWorker(runtime.database, runtime.plugins)
    await worker.runOnce() // the hooks, which queue the status messages
    await worker.runOnce() // their delivery
    expect(new Set(received.map((r) => r.code))).toEqual(new Set([ours]))
    expect(received.map((r) => r.status)).toEqual([1, 2])

    // back to inheriting: the city's setting (off) again, and nothing more is queued
    expect(
      (
        await as(
          'quantri.06649',
          'DELETE',
          `/api/admin/units/${HA_KHANH}/plugins/dong-bo-thu?procedure=${birth.definition.code}`,
        )
      ).status,
    ).toBe(204)
    await submit(birth, HA_KHANH)
    expect(await queued()).toHaveLength(2)
  })
})

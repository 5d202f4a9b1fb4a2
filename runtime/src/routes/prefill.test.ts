import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { outbox, pluginLookups } from '@motcua/db'
import { testDrivers } from '@motcua/db/testing'
import { desc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { asOfficers, libraryProcedure, openTestRuntime, type TestRuntime } from '../testing'
import { PREFILL_LIMIT } from './prefill'

const SLUG = 'population-register'
const API_KEY = 'khoa-thu-nghiem-dan-cu'
const OWN = '022090001234' // the demo account congdan's
const plugin = new URL('../../../plugins/population-register/src/index.ts', import.meta.url).href

/** A register following the contract of plugins/population-register/README.md, with one person (or none). */
async function startRegister(people: Record<string, unknown>[]) {
  const state = { url: '', requests: 0, hang: false, close: async () => {} }
  const server = createServer((req, res) => {
    state.requests++
    req.resume()
    if (state.hang) return
    if (req.headers['x-api-key'] !== API_KEY) return res.writeHead(401).end('{}')
    const id = /^\/citizens\/(\d{12})$/.exec(req.url ?? '')?.[1]
    const person = people.find((p) => p.soDinhDanh === id)
    if (!person) return res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not_found"}')
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(person))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return state
}
const AN = {
  soDinhDanh: OWN,
  hoVaTen: 'Nguyễn Văn An (dữ liệu thử)',
  ngaySinh: '1990-05-12',
  gioiTinh: 1,
  danToc: 'Kinh',
  quocTich: 'Việt Nam',
  queQuan: null,
  noiThuongTru: 'Số 1 đường Thử Nghiệm, phường Hồng Gai, thành phố Hạ Long, tỉnh Quảng Ninh',
}

// The citizen's pre-fill: consent, own căn cước, the unit's plugin setting, the register's answers, audit and limits.
describe.each(testDrivers())('pre-filling a form from the population register on $name', ({ open }) => {
  let runtime: TestRuntime
  let register: Awaited<ReturnType<typeof startRegister>>
  let now = new Date('2026-12-01T01:00:00Z')
  const code = libraryProcedure('xac-nhan-tinh-trang-hon-nhan').definition.code
  const { as } = asOfficers(() => runtime)
  const prefill = (body: Record<string, unknown>, user = 'congdan') =>
    as(user, 'POST', `/api/me/prefill/${code}`, { unitCode: '06649', idNumber: OWN, consent: true, ...body })
  const errorOf = async (res: Response) =>
    ((await res.json()) as { error: { code: string; message: { vi: string }; issues?: { path: string }[] } }).error

  beforeAll(async () => {
    register = await startRegister([AN])
    runtime = await openTestRuntime(open, { plugins: [plugin], clock: () => now })
    const enabled = await as('admin', 'PUT', `/api/admin/units/193/plugins/${SLUG}`, {
      enabled: true,
      config: { baseUrl: register.url, apiKey: API_KEY, timeoutMs: 1000 },
    })
    expect(enabled.status, await enabled.text()).toBe(200)
  })
  afterAll(async () => {
    await runtime?.close()
    await register?.close()
  })
  beforeEach(() => {
    register.hang = false
    now = new Date(now.getTime() + PREFILL_LIMIT.windowMs) // each test in a window of its own
  })

  it('tells the portal what the procedure pre-fills and for which units', async () => {
    const detail = (await (await runtime.app.request(`/api/procedures/${code}`)).json()) as {
      prefill: Record<string, unknown>
    }
    expect(detail.prefill).toMatchObject({
      plugin: SLUG,
      lookup: 'cong-dan',
      name: { vi: 'Cơ sở dữ liệu quốc gia về dân cư' },
      consent: { vi: expect.stringMatching(/^Tôi đồng ý/) },
      fields: { '/nguoi_yeu_cau/ho_ten': { vi: 'Họ, chữ đệm và tên' } },
    })
    const at = async (unit: string) =>
      (
        (await (await runtime.app.request(`/api/procedures/${code}/prefill?unit=${unit}`)).json()) as {
          enabled: boolean
        }
      ).enabled
    expect(await at('06649')).toBe(true) // under Hạ Long, where it is enabled
    expect(await at('06709')).toBe(false) // Móng Cái: not
  })

  it('fills the mapped fields with the citizen’s own details, and audits the lookup without the number', async () => {
    const res = await prefill({})
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      fill: {
        '/nguoi_yeu_cau/ho_ten': 'Nguyễn Văn An (dữ liệu thử)',
        '/nguoi_yeu_cau/gioi_tinh': 'nam',
        '/nguoi_yeu_cau/ngay_sinh': '1990-05-12',
        '/nguoi_yeu_cau/dan_toc': 'Kinh',
        '/nguoi_yeu_cau/quoc_tich': 'Việt Nam',
        '/nguoi_yeu_cau/so_dinh_danh': OWN,
        '/nguoi_yeu_cau/noi_cu_tru': 'Số 1 đường Thử Nghiệm, phường Hồng Gai, thành phố Hạ Long, tỉnh Quảng Ninh',
      },
      source: { plugin: SLUG, lookup: 'cong-dan', name: expect.objectContaining({ vi: expect.any(String) }) },
    })
    const rows = await runtime.database.db.select().from(pluginLookups)
    expect(rows.at(-1)).toMatchObject({
      pluginSlug: SLUG,
      lookupKey: 'cong-dan',
      procedureCode: code,
      outcome: 'found',
    })
    expect(rows.at(-1)!.idNumberHash).toMatch(/^[0-9a-f]{64}$/)
    expect(JSON.stringify(rows)).not.toContain(OWN)
  })

  it('refuses without consent, a malformed number, another person’s number, each at its field, asking nothing', async () => {
    const before = register.requests
    const noConsent = await prefill({ consent: false })
    expect(noConsent.status).toBe(400)
    expect(await errorOf(noConsent)).toMatchObject({
      message: { vi: expect.stringContaining('đánh dấu đồng ý') },
      issues: [{ path: '/consent' }],
    })
    expect((await prefill({ consent: undefined })).status).toBe(400)
    const badNumber = await prefill({ idNumber: '02209000123' })
    expect(badNumber.status).toBe(400)
    expect(await errorOf(badNumber)).toMatchObject({
      message: { vi: expect.stringContaining('12 chữ số') },
      issues: [{ path: '/idNumber' }],
    })
    const someoneElse = await prefill({ idNumber: '022195004321' })
    expect(someoneElse.status).toBe(403)
    expect((await errorOf(someoneElse)).message.vi).toMatch(/^Chỉ tra cứu được thông tin của chính bạn/)
    expect(register.requests).toBe(before)
  })

  it('is for signed-in citizens only', async () => {
    const anonymous = await runtime.app.request(`/api/me/prefill/${code}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ unitCode: '06649', idNumber: OWN, consent: true }),
    })
    expect(anonymous.status).toBe(401)
    expect((await prefill({}, 'tiepnhan.06649')).status).toBe(403)
  })

  it('refuses a unit where the plugin is not enabled, and a procedure without pre-fill', async () => {
    const res = await prefill({ unitCode: '06709' })
    expect(res.status).toBe(409)
    expect(await errorOf(res)).toMatchObject({
      message: { vi: expect.stringMatching(/^Phường Ka Long chưa dùng/) },
      issues: [{ path: '/unitCode' }],
    })
    const birth = libraryProcedure('dang-ky-khai-sinh').definition.code
    const other = await as('congdan', 'POST', `/api/me/prefill/${birth}`, {
      unitCode: '06649',
      idNumber: OWN,
      consent: true,
    })
    expect(other.status).toBe(404)
    expect((await errorOf(other)).message.vi).toContain('không có chức năng điền sẵn')
  })

  it('says so when the register has no such person', async () => {
    const lonely = await startRegister([])
    try {
      await as('admin', 'PUT', `/api/admin/units/06649/plugins/${SLUG}`, {
        enabled: true,
        config: { baseUrl: lonely.url, apiKey: API_KEY },
      })
      const res = await prefill({})
      expect(res.status).toBe(404)
      expect((await errorOf(res)).message.vi).toMatch(/^Không tìm thấy thông tin công dân/)
      const [last] = await runtime.database.db.select().from(pluginLookups).orderBy(desc(pluginLookups.id)).limit(1)
      expect(last!.outcome).toBe('notFound')
    } finally {
      await as('admin', 'DELETE', `/api/admin/units/06649/plugins/${SLUG}`)
      await lonely.close()
    }
  })

  it('answers 503 when the register hangs past the time limit, recorded for administrators without the number', async () => {
    register.hang = true
    const started = Date.now()
    const res = await prefill({})
    expect(res.status).toBe(503)
    expect((await errorOf(res)).message.vi).toMatch(/hệ thống tra cứu đang không phản hồi.*tự điền tờ khai/)
    expect(Date.now() - started).toBeLessThan(6000)
    const failed = await runtime.database.db.select().from(outbox).where(eq(outbox.topic, 'lookup.failed'))
    expect(failed).toEqual([
      expect.objectContaining({
        pluginSlug: SLUG,
        state: 'dead',
        lastError: expect.stringContaining('did not answer in time'),
      }),
    ])
    expect(JSON.stringify(failed)).not.toContain(OWN)
    const rows = await runtime.database.db.select().from(pluginLookups)
    expect(rows.at(-1)!.outcome).toBe('failed')
  })

  it('checks a definition’s prefill against the installed plugin’s lookup in the studio', async () => {
    const definition = libraryProcedure('xac-nhan-tinh-trang-hon-nhan').definition
    definition.plugins = [{ slug: SLUG, prefill: { lookup: 'ho-khau', fields: { '/nguoi_yeu_cau/ho_ten': 'ho_ten' } } }]
    const unknownLookup = await as('admin', 'POST', '/api/admin/test-run', {
      definition,
      start: '2026-12-01T08:00:00+07:00',
    })
    expect(unknownLookup.status).toBe(400)
    expect((await errorOf(unknownLookup)).issues).toEqual([
      expect.objectContaining({ code: 'plugin.prefillUnknownLookup', path: '/definition/plugins/0/prefill/lookup' }),
    ])
    definition.plugins = [{ slug: SLUG, prefill: { lookup: 'cong-dan', fields: { '/nguoi_yeu_cau/ho_ten': 'hoTen' } } }]
    const unknownField = await as('admin', 'POST', '/api/admin/test-run', {
      definition,
      start: '2026-12-01T08:00:00+07:00',
    })
    expect((await errorOf(unknownField)).issues).toEqual([
      expect.objectContaining({
        code: 'plugin.prefillUnknownReturn',
        path: '/definition/plugins/0/prefill/fields/~1nguoi_yeu_cau~1ho_ten',
      }),
    ])
  })

  it(`allows ${PREFILL_LIMIT.limit} lookups per account in ${PREFILL_LIMIT.windowMs / 60_000} minutes`, async () => {
    for (let i = 0; i < PREFILL_LIMIT.limit; i++) expect((await prefill({})).status).toBe(200)
    const over = await prefill({})
    expect(over.status).toBe(429)
    expect(over.headers.get('retry-after')).toMatch(/^\d+$/)
    // another account counts on its own (its number is not in this register)
    expect((await prefill({ idNumber: '022195004321' }, 'congdan2')).status).toBe(404)
  })
})

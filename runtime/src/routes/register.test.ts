import { testDrivers } from '@motcua/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { libraryProcedure, openTestRuntime, signIn, submissionForm, type TestRuntime } from '../testing'

const vn = (local: string) => new Date(`${local}+07:00`)
const business = libraryProcedure('dang-ky-thanh-lap-ho-kinh-doanh') // 1.001612, district level (193)
const change = libraryProcedure('dang-ky-thay-doi-noi-dung-ho-kinh-doanh') // 2.000720, district level

/** The register's body rows, each as its cells' text. */
const rows = (html: string) =>
  [...(/<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '').matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) =>
    [...m[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, ' ').trim()),
  )

describe.each(testDrivers())('the register (Sổ theo dõi hồ sơ) on $name', ({ open }) => {
  let runtime: TestRuntime
  let now = vn('2025-12-29T08:00:00')
  const tokens: Record<string, string> = {}
  const as = async (user: string | null, path: string, init: RequestInit = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (user) headers.authorization = `Bearer ${(tokens[user] ??= await signIn(runtime, user))}`
    return runtime.app.request(path, { ...init, headers: { ...headers, ...(init.headers as object) } })
  }
  const file = async (lib: typeof business, fullName: string, phone: string) => {
    const res = await runtime.app.request('/api/dossiers', {
      method: 'POST',
      body: submissionForm(lib.definition, {
        procedureCode: lib.definition.code,
        unitCode: '193',
        applicant: { fullName, phone, address: 'Tổ 1, phường Hồng Hà' },
        formData: lib.sample,
      }),
    })
    expect(res.status).toBe(201)
    return ((await res.json()) as { receiptCode: string }).receiptCode
  }
  const receive = async (code: string) => {
    const { version } = (await (await as('tiepnhan.193', `/api/desk/dossiers/${code}`)).json()) as { version: number }
    const res = await as('tiepnhan.193', `/api/desk/dossiers/${code}/actions/tiep_nhan`, {
      method: 'POST',
      body: JSON.stringify({ expectedVersion: version }),
    })
    expect(res.status).toBe(200)
  }
  const register = (query: string, user: string | null = 'tiepnhan.193', unit = '193') =>
    as(user, `/api/desk/units/${unit}/register${query}`)
  const codes: string[] = []

  beforeAll(async () => {
    runtime = await openTestRuntime(open, { clock: () => now })
    // December 2025: two received, one left unreceived; January 2026: one received at the counter
    codes.push(await file(business, 'Vũ Thị Hạnh', '0912000001'))
    codes.push(await file(change, 'Lý Văn Khoa', '0912000002'))
    codes.push(await file(business, 'Chưa Tiếp Nhận', '0912000003'))
    now = vn('2025-12-29T09:00:00')
    await receive(codes[0]!)
    now = vn('2025-12-30T14:00:00')
    await receive(codes[1]!)
    now = vn('2026-01-05T08:15:00')
    tokens['tiepnhan.193'] ??= await signIn(runtime, 'tiepnhan.193')
    const counter = await runtime.app.request('/api/desk/intake', {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens['tiepnhan.193']}` },
      body: submissionForm(business.definition, {
        procedureCode: business.definition.code,
        unitCode: '193',
        channel: 1,
        applicant: { fullName: 'Trịnh Văn Lộc', phone: '0912000004' },
        formData: business.sample,
      }),
    })
    expect(counter.status).toBe(201)
    codes.push(((await counter.json()) as { receiptCode: string }).receiptCode)
    now = vn('2026-01-06T10:00:00')
  })
  afterAll(() => runtime?.close())

  it('prints one line per dossier received in the period, numbered in the book of its year', async () => {
    const res = await register('?from=2025-12-01&to=2026-01-31')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/text\/html/)
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
    const html = await res.text()
    expect(html).toContain('<h1 class="title">Sổ theo dõi hồ sơ</h1>')
    expect(html).toContain('Từ ngày 01/12/2025 đến ngày 31/01/2026')
    expect(html).toContain('Quyển số: 2025, 2026')
    const lines = rows(html)
    expect(lines.map((r) => [r[0], r[1]])).toEqual([
      ['1', codes[0]],
      ['2', codes[1]],
      ['1', codes[3]], // a new book on 1 January
    ])
    expect(html).not.toContain(codes[2]!) // never received
    const [first] = lines
    expect(first).toContain('Vũ Thị Hạnh')
    expect(first!.join(' ')).toContain('Tổ 1, phường Hồng Hà')
    expect(first).toContain('09 giờ 00 phút, ngày 29/12/2025') // received, and handed to the resolving step
    expect(first!.at(-1)).toBe('Đang giải quyết, quá hạn') // 3 working days from 29/12, now 6/1
  })

  it('keeps the book’s numbers when filtered, and the receipt prints the same book and line', async () => {
    const onlyJanuary = rows(await (await register('?from=2026-01-01&to=2026-01-31')).text())
    expect(onlyJanuary.map((r) => r[0])).toEqual(['1'])
    const atCounter = rows(await (await register('?from=2025-12-01&to=2026-01-31&channel=1')).text())
    expect(atCounter.map((r) => r[1])).toEqual([codes[3]])
    const changes = rows(
      await (await register(`?from=2025-12-01&to=2025-12-31&procedure=${change.definition.code}`)).text(),
    )
    expect(changes.map((r) => [r[0], r[1]])).toEqual([['2', codes[1]]])
    expect(rows(await (await register('?from=2025-12-01&to=2026-01-31&status=10')).text())[0]![0]).toMatch(
      /Không có hồ sơ/,
    )
    const receipt = await (await as('tiepnhan.193', `/api/desk/dossiers/${codes[1]}/slips/01`)).text()
    expect(receipt).toContain('Vào Sổ theo dõi hồ sơ, Quyển số: 2025, Số thứ tự: 2')
  })

  it('defaults to the month so far', async () => {
    const html = await (await register('')).text()
    expect(html).toContain('Từ ngày 01/01/2026 đến ngày 06/01/2026')
    expect(rows(html).map((r) => r[1])).toEqual([codes[3]])
  })

  it('is for the unit’s officers and the administrators over it', async () => {
    expect((await register('', 'lanhdao.193')).status).toBe(200)
    expect((await register('', 'admin')).status).toBe(200) // the province's administrator
    expect((await register('', 'tiepnhan.194')).status).toBe(403) // another district
    expect((await register('', 'congdan')).status).toBe(403)
    expect((await register('', null)).status).toBe(401)
    expect((await register('', 'admin', 'khong-co')).status).toBe(404)
  })

  it('refuses a bad period or filter with the parameter named', async () => {
    for (const [query, path] of [
      ['?from=2026-01-31&to=2026-01-01', '/query/from'],
      ['?from=2024-01-01&to=2026-01-01', '/query/from'],
      ['?from=2026-02-30', '/query/from'],
      ['?to=yesterday', '/query/to'],
      ['?channel=4', '/query/channel'],
      ['?procedure=%27%3B%20drop', '/query/procedure'],
    ] as const) {
      const res = await register(query)
      expect(res.status, query).toBe(400)
      expect(((await res.json()) as { error: { issues: { path: string }[] } }).error.issues[0]!.path).toBe(path)
    }
  })
})

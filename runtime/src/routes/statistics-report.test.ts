import type { Figures, Indicators766, ProvinceStatistics, UnitStatistics } from '@motcua/core'
import { withTransaction } from '@motcua/db'
import { testDrivers } from '@motcua/db/testing'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publishVersion } from '../procedures/publish'
import { parseCsv } from '../statistics/test-support'
import { asOfficers, libraryProcedure, openTestRuntime, sampleSubmission, type TestRuntime } from '../testing'

const vn = (local: string) => new Date(`${local}+07:00`)
// commune level, due the same day (the next working day when received after 15:00)
const signature = libraryProcedure('chung-thuc-chu-ky')
// commune level, same day; its specialist may ask for a supplement
const birth = libraryProcedure('dang-ky-khai-sinh')

/** Columns (3)–(13) of the form, read off the JSON figures by their names. */
const columns = (f: Figures) => [
  f.carriedOver + f.received.total,
  f.carriedOver,
  f.received.online,
  f.received.counter + f.received.post,
  f.resolved.total,
  f.resolved.early,
  f.resolved.onTime,
  f.resolved.late,
  f.inProgress.total,
  f.inProgress.inTime,
  f.inProgress.overdue,
]

const QUERY = 'from=2025-04&to=2025-05&structure=then'

describe.each(testDrivers())('the periodic report and the 766 indicators on $name', ({ open }) => {
  let runtime: TestRuntime
  let now = vn('2025-04-28T08:00:00')
  const { act } = asOfficers(() => runtime)
  const codes: Record<string, string> = {}

  const at = async (local: string, step: () => Promise<Response>) => {
    now = vn(local)
    expect((await step()).status, local).toBeLessThan(300)
  }
  const file = async (name: string, local: string, procedure = signature) => {
    now = vn(local)
    const res = await runtime.app.request('/api/dossiers', sampleSubmission(procedure, '06649'))
    expect(res.status).toBe(201)
    codes[name] = ((await res.json()) as { receiptCode: string }).receiptCode
  }
  const receive = (name: string, local: string) => at(local, () => act('tiepnhan.06649', codes[name]!, 'tiep_nhan'))
  const resolve = async (name: string, local: string) => {
    await at(local, () => act('chuyenvien.06649', codes[name]!, 'trinh_ky'))
    await at(local, () => act('lanhdao.06649', codes[name]!, 'phe_duyet'))
  }
  const get = async (path: string) => {
    now = vn('2025-06-10T09:00:00')
    return runtime.app.request(path)
  }
  const json = async <T>(path: string): Promise<T> => {
    const res = await get(path)
    expect(res.status, path).toBe(200)
    return (await res.json()) as T
  }
  const csvRows = async (path: string) => {
    const res = await get(path)
    expect(res.status, path).toBe(200)
    const bytes = new Uint8Array(await res.arrayBuffer())
    // the byte-order mark Excel needs to read UTF-8 (TextDecoder would drop it silently)
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    return { res, rows: parseCsv(new TextDecoder().decode(bytes)) }
  }

  beforeAll(async () => {
    runtime = await openTestRuntime(open, { clock: () => now })
    await file('early', '2025-04-28T15:20:00')
    await receive('early', '2025-04-28T15:30:00')
    await resolve('early', '2025-04-28T16:00:00')
    await file('exact', '2025-04-29T08:00:00')
    await receive('exact', '2025-04-29T09:00:00')
    await resolve('exact', '2025-04-29T17:00:00')
    await file('late', '2025-04-29T08:10:00')
    await receive('late', '2025-04-29T10:00:00')
    await file('paused', '2025-04-29T08:20:00', birth)
    await receive('paused', '2025-04-29T11:00:00')
    await at('2025-04-29T11:30:00', () =>
      act('chuyenvien.06649', codes.paused!, 'yeu_cau_bo_sung', { missingItems: ['Giấy chứng sinh'] }),
    )
    await resolve('late', '2025-05-06T09:00:00')
    await file('stopped', '2025-05-06T08:00:00')
    await receive('stopped', '2025-05-06T08:30:00')
    await at('2025-05-06T09:30:00', () =>
      act('chuyenvien.06649', codes.stopped!, 'dung_giai_quyet', { reason: 'Người yêu cầu không đến ký' }),
    )
  })
  afterAll(() => runtime?.close())

  it("gives a unit's CSV the JSON API's figures: the total, each field and each procedure", async () => {
    const stats = await json<UnitStatistics>(`/api/statistics/units/06649?${QUERY}`)
    const { res, rows } = await csvRows(`/api/statistics/report.csv?unit=06649&${QUERY}`)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    const disposition = res.headers.get('content-disposition')!
    expect(disposition).toMatch(/^attachment; filename="Bao-cao-TTHC-[A-Za-z0-9-]+-2025-04-den-2025-05\.csv"; /)
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(
      `Báo cáo TTHC ${stats.unit.name} 2025-04 đến 2025-05.csv`,
    )

    expect(rows.every((r) => r.length === 13)).toBe(true)
    expect(rows.flat()).toContain(`Đơn vị báo cáo: ${stats.unit.name}`)
    expect(rows.flat()).toContain('Kỳ báo cáo: từ 01/04/2025 đến 31/05/2025')
    const numbers = (label: string) =>
      rows
        .find((r) => r[1] === label)!
        .slice(2)
        .map(Number)
    expect(numbers('Tổng cộng')).toEqual(columns(stats.figures))
    // five filed, three resolved (early, on time, late), one open in time; the stopped one ended without a result
    expect(numbers('Tổng cộng')).toEqual([5, 0, 5, 0, 3, 1, 1, 1, 1, 1, 0])
    for (const f of stats.fields) expect(numbers(f.field)).toEqual(columns(f.figures))
    for (const p of stats.procedures) expect(numbers(`${p.name} (${p.code})`)).toEqual(columns(p.figures))
    expect(rows.flat().find((t) => t.startsWith('Hồ sơ kết thúc trong kỳ'))).toContain('dừng xử lý 1')
  })

  it('reports the province without a unit, and carries April into May', async () => {
    const stats = await json<ProvinceStatistics>('/api/statistics?from=2025-05&to=2025-05&structure=then')
    const { res, rows } = await csvRows('/api/statistics/report.csv?from=2025-05&to=2025-05&structure=then')
    expect(decodeURIComponent(res.headers.get('content-disposition')!.split("UTF-8''")[1]!)).toContain(
      stats.province.name,
    )
    const total = rows
      .find((r) => r[1] === 'Tổng cộng')!
      .slice(2)
      .map(Number)
    expect(total).toEqual(columns(stats.figures))
    // received 3 = 2 carried over from April + 1 new; the late one resolved late; "paused" still open
    expect(total).toEqual([3, 2, 1, 0, 1, 0, 0, 1, 1, 1, 0])
  })

  it('gives an XLSX that opens, with merged bold headings and the figures as numbers', async () => {
    const stats = await json<UnitStatistics>(`/api/statistics/units/06649?${QUERY}`)
    const res = await get(`/api/statistics/report.xlsx?unit=06649&${QUERY}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]+\.xlsx"; filename\*=UTF-8''/)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await res.arrayBuffer())
    const sheet = workbook.worksheets[0]!
    const rowOf = (text: string) => {
      let found = 0
      sheet.eachRow((row, n) => row.eachCell((cell) => (cell.value === text && !found ? (found = n) : undefined)))
      return found
    }
    const heading = rowOf('Số hồ sơ nhận giải quyết')
    const cell = sheet.getRow(heading).getCell(3)
    expect(cell.isMerged).toBe(true)
    expect(cell.font.bold).toBe(true)
    expect(sheet.getRow(heading).getCell(6).master.address).toBe(cell.address)
    const total = sheet.getRow(rowOf('Tổng cộng'))
    const values = Array.from({ length: 11 }, (_, i) => total.getCell(i + 3))
    expect(values.every((c) => c.type === ExcelJS.ValueType.Number)).toBe(true)
    expect(values.map((c) => c.value)).toEqual(columns(stats.figures))
  })

  it("computes the 766 indicators from the unit's figures, and lists what it cannot", async () => {
    const stats = await json<UnitStatistics>(`/api/statistics/units/06649?${QUERY}`)
    const result = await json<Indicators766 & { unit: { code: string } }>(
      `/api/statistics/indicators?unit=06649&${QUERY}`,
    )
    expect(result.unit.code).toBe('06649')
    const f = stats.figures
    const timely = result.computed.find((i) => i.key === '2.1')!
    // resolved early 1 + on time 1 + open within time 1, over 3 resolved + 1 open
    expect(timely).toMatchObject({ numerator: 3, denominator: 4, value: 0.75, points: 15, maxPoints: 20 })
    expect(timely.numerator).toBe(f.resolved.early + f.resolved.onTime + f.inProgress.inTime)
    expect(result.computed.find((i) => i.key === '3.3')).toMatchObject({ value: f.onlineShare })
    expect(result.notComputed.map((i) => i.key)).toContain('5.3')
    expect(result.notComputed.every((i) => i.reason.vi && i.reason.en)).toBe(true)
    const province = await json<Indicators766>(`/api/statistics/indicators?${QUERY}`)
    expect(province.maxPoints).toBe(100)
  })

  it('refuses hostile queries with the parameter to fix, and unknown units with a 404', async () => {
    for (const path of ['report.csv', 'report.xlsx', 'indicators']) {
      for (const [query, where] of [
        ['unit=../etc', '/query/unit'],
        ['unit=%3D1%2B1', '/query/unit'],
        [`unit=${'9'.repeat(31)}`, '/query/unit'],
        ['from=2025-13', '/query/from'],
        ['to=2025-1', '/query/to'],
        ['from=2025-06&to=2025-05', '/query/from'],
        ['structure=later', '/query/structure'],
      ]) {
        const res = await get(`/api/statistics/${path}?${query}`)
        expect(res.status, `${path}?${query}`).toBe(400)
        const body = (await res.json()) as { error: { code: string; issues: { path: string }[] } }
        expect(body.error.code).toBe('INVALID_DATA')
        expect(body.error.issues.map((i) => i.path)).toContain(where)
      }
      expect((await get(`/api/statistics/${path}?unit=99999`)).status).toBe(404)
    }
  })

  it('neutralises a procedure name a spreadsheet would run as a formula', async () => {
    // an administrator publishes a version whose name starts with "=", and a dossier is filed on it
    const hostile = '=HYPERLINK("http://example.invalid","Bấm vào đây")'
    const definition = { ...structuredClone(signature.definition), name: hostile }
    await withTransaction(runtime.database.db, (tx) =>
      publishVersion(tx, { definition, effectiveFrom: vn('2025-05-20T07:00:00') }),
    )
    runtime.registry.invalidate()
    await file('hostile', '2025-05-20T08:00:00')
    await receive('hostile', '2025-05-20T08:30:00')
    const { rows } = await csvRows(`/api/statistics/report.csv?unit=06649&${QUERY}`)
    const texts = rows.flat().filter((t) => t !== '')
    expect(texts).toContain(`'${hostile} (${signature.definition.code})`)
    expect(texts.filter((t) => /^[=+\-@]/.test(t))).toEqual([])

    const res = await get(`/api/statistics/report.xlsx?unit=06649&${QUERY}`)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await res.arrayBuffer())
    const cells: ExcelJS.Cell[] = []
    workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push(cell)))
    const named = cells.find((c) => c.value === `${hostile} (${signature.definition.code})`)!
    expect(named.type).toBe(ExcelJS.ValueType.String)
    expect(cells.some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false)
  })
})

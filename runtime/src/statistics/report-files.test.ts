import { type Figures, periodicReport, type UnitStatistics } from '@motcua/core'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { attachment, neutralised, reportCsv, reportFileName, reportXlsx } from './report-files'
import { parseCsv } from './test-support'

const figures = (n: number): Figures => ({
  carriedOver: n,
  received: { counter: 2 * n, online: 3 * n, post: n, total: 6 * n },
  onlineShare: 0.5,
  resolved: { early: n, onTime: 2 * n, late: n, total: 4 * n },
  onTimeShare: 0.75,
  inProgress: { inTime: 2 * n, overdue: n, total: 3 * n },
  waiting: null,
  refused: 0,
  withdrawn: 0,
  stopped: 0,
  time: { averageDays: null, medianDays: null, legalAverageDays: null, savedShare: null },
})

const stats = (procedureName: string, unitName = 'Phường Hồng Gai'): UnitStatistics => ({
  period: { from: '2025-01', to: '2025-03' },
  structure: 'then',
  asOf: '2025-04-02T03:00:00.000Z',
  unit: { code: '06649', name: unitName, level: 'commune', parentCode: '22', from: '2025-07-01', to: null },
  ancestors: [
    { code: '22', name: 'Tỉnh Quảng Ninh', level: 'province', parentCode: null, from: '2025-07-01', to: null },
  ],
  figures: figures(1200),
  months: [],
  children: [],
  fields: [{ field: 'Hộ tịch', figures: figures(1200) }],
  procedures: [{ code: '1.001193', name: procedureName, field: 'Hộ tịch', onlineMode: 'full', figures: figures(1200) }],
  catalogue: { procedures: 1, full: 1, partial: 0, onlineShare: 1, target: 0.7 },
  predecessors: [],
})

const madeAt = new Date('2025-04-02T03:00:00Z')

describe('reportCsv', () => {
  const csv = reportCsv(periodicReport(stats('Đăng ký khai sinh, "bản chính"'), madeAt))

  it('starts with a byte-order mark, ends lines with CRLF and gives every line the 13 fields of the form', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/)
    const rows = parseCsv(csv.slice(1))
    expect(rows.every((r) => r.length === 13)).toBe(true)
    expect(rows[2]![0]).toMatch(/^TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH/)
    expect(rows[3]![0]).toBe('Kỳ báo cáo: từ 01/01/2025 đến 31/03/2025')
  })

  it('writes the figures as plain numbers, the total first, and quotes a name with a comma or a quote', () => {
    const rows = parseCsv(csv.slice(1))
    const total = rows.find((r) => r[1] === 'Tổng cộng')!
    expect(total.slice(2)).toEqual([
      '8400',
      '1200',
      '3600',
      '3600',
      '4800',
      '1200',
      '2400',
      '1200',
      '3600',
      '2400',
      '1200',
    ])
    expect(rows.some((r) => r[1] === 'Đăng ký khai sinh, "bản chính" (1.001193)')).toBe(true)
    expect(csv).toContain('"Đăng ký khai sinh, ""bản chính"" (1.001193)"')
  })

  it('neutralises text a spreadsheet would run as a formula', () => {
    const hostile = reportCsv(periodicReport(stats('=HYPERLINK("http://x","bấm")', '@SUM(1+1)'), madeAt))
    const rows = parseCsv(hostile.slice(1))
    const texts = rows.flat().filter((t) => t !== '')
    expect(texts.filter((t) => /^[=+\-@]/.test(t))).toEqual([])
    expect(rows.some((r) => r[1] === `'=HYPERLINK("http://x","bấm") (1.001193)`)).toBe(true)
    expect(texts.some((t) => t.startsWith('Đơn vị báo cáo: @SUM'))).toBe(true)
  })
})

describe('neutralised', () => {
  it('prefixes = + - @ tab and carriage return, and nothing else', () => {
    expect(['=1+1', '+1', '-1', '@A1', '\t=1', '\r=1'].map(neutralised)).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@A1",
      "'\t=1",
      "'\r=1",
    ])
    expect(neutralised('Hộ tịch')).toBe('Hộ tịch')
    expect(neutralised('(3)=(4)+(5)')).toBe('(3)=(4)+(5)')
  })
})

describe('reportXlsx', () => {
  it('opens with merged bold headings, numbers as numbers and hostile text as text', async () => {
    const bytes = await reportXlsx(periodicReport(stats('=1+2'), madeAt))
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(bytes.buffer as ArrayBuffer)
    const sheet = workbook.worksheets[0]!
    const find = (text: string) => {
      let found: ExcelJS.Cell | undefined
      sheet.eachRow((row) => row.eachCell((cell) => (cell.value === text && !found ? (found = cell) : undefined)))
      return found!
    }
    const received = find('Số hồ sơ nhận giải quyết')
    expect(received.font.bold).toBe(true)
    expect(received.isMerged).toBe(true)
    expect(sheet.getCell(received.row, 5).master.address).toBe(received.address)
    const stt = find('STT')
    expect(sheet.getCell(Number(stt.row) + 3, 1).master.address).toBe(stt.address)
    expect(find('Trực tuyến').isMerged).toBe(false)

    const totalRow = sheet.getRow(Number(find('Tổng cộng').row))
    expect(totalRow.getCell(3).type).toBe(ExcelJS.ValueType.Number)
    expect(totalRow.getCell(3).value).toBe(8400)
    expect(totalRow.getCell(3).numFmt).toBe('#,##0')
    const procedure = find('=1+2 (1.001193)')
    expect(procedure.type).toBe(ExcelJS.ValueType.String)
    expect(sheet.getColumn(2).width).toBeGreaterThan(30)
  })
})

describe('attachment', () => {
  it('gives an ASCII name and the UTF-8 one', () => {
    const name = reportFileName('Phường Hồng Gai', { from: '2025-01', to: '2025-03' }, 'csv')
    expect(name).toBe('Báo cáo TTHC Phường Hồng Gai 2025-01 đến 2025-03.csv')
    expect(attachment(name)).toBe(
      `attachment; filename="Bao-cao-TTHC-Phuong-Hong-Gai-2025-01-den-2025-03.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
    )
  })

  it('keeps quotes, slashes and line breaks out of the header', () => {
    const header = attachment(reportFileName('A"B/C\r\nD', { from: '2025-01', to: '2025-01' }, 'xlsx'))
    expect(header).not.toMatch(/[\r\n]/)
    expect(header).toMatch(/^attachment; filename="[A-Za-z0-9._-]+"; filename\*=UTF-8''[A-Za-z0-9._~%!-]+$/)
  })
})

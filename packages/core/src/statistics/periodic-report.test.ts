import { describe, expect, it } from 'vitest'
import type { Figures } from './figures'
import { periodicReport, periodLine, type ReportHeading, reportValues } from './periodic-report'
import type { ProcedureFigures, ProvinceStatistics, StatUnit, UnitStatistics } from './views'

/** Figures from the counts a person would read off a register. */
function figures(input: {
  carried?: number
  counter?: number
  online?: number
  post?: number
  early?: number
  onTime?: number
  late?: number
  inTime?: number
  overdue?: number
  refused?: number
}): Figures {
  const { carried = 0, counter = 0, online = 0, post = 0, early = 0, onTime = 0, late = 0 } = input
  const { inTime = 0, overdue = 0 } = input
  const received = counter + online + post
  const resolved = early + onTime + late
  return {
    carriedOver: carried,
    received: { counter, online, post, total: received },
    onlineShare: received ? online / received : null,
    resolved: { early, onTime, late, total: resolved },
    onTimeShare: resolved ? (early + onTime) / resolved : null,
    inProgress: { inTime, overdue, total: inTime + overdue },
    waiting: null,
    refused: input.refused ?? 0,
    withdrawn: 0,
    stopped: 0,
    time: { averageDays: null, medianDays: null, legalAverageDays: null, savedShare: null },
  }
}

const province: StatUnit = {
  code: '22',
  name: 'Tỉnh Quảng Ninh',
  level: 'province',
  parentCode: null,
  from: '2025-07-01',
  to: null,
}
const commune: StatUnit = {
  code: '06649',
  name: 'Phường Hồng Gai',
  level: 'commune',
  parentCode: '22',
  from: '2025-07-01',
  to: null,
}
const catalogue = { procedures: 3, full: 1, partial: 1, onlineShare: 2 / 3, target: 0.7 }

const birth: ProcedureFigures = {
  code: '1.001193',
  name: 'Đăng ký khai sinh',
  field: 'Hộ tịch',
  onlineMode: 'full',
  figures: figures({ carried: 1, online: 3, counter: 1, early: 2, onTime: 1, late: 1, inTime: 1, overdue: 0 }),
}
const marriage: ProcedureFigures = {
  code: '1.000894',
  name: 'Đăng ký kết hôn',
  field: 'Hộ tịch',
  onlineMode: 'partial',
  figures: figures({ counter: 2, post: 1, onTime: 2, overdue: 1 }),
}
const copy: ProcedureFigures = {
  code: '2.000815',
  name: 'Chứng thực bản sao từ bản chính',
  field: 'Chứng thực',
  onlineMode: 'none',
  figures: figures({ counter: 5, early: 5 }),
}

const unitStats = (overrides: Partial<UnitStatistics> = {}): UnitStatistics => ({
  period: { from: '2025-01', to: '2025-03' },
  structure: 'then',
  asOf: '2025-04-02T03:00:00.000Z',
  unit: commune,
  ancestors: [province],
  figures: figures({
    carried: 1,
    online: 3,
    counter: 8,
    post: 1,
    early: 7,
    onTime: 3,
    late: 1,
    inTime: 1,
    overdue: 1,
    refused: 2,
  }),
  months: [],
  children: [],
  fields: [
    {
      field: 'Hộ tịch',
      figures: figures({
        carried: 1,
        online: 3,
        counter: 3,
        post: 1,
        early: 2,
        onTime: 3,
        late: 1,
        inTime: 1,
        overdue: 1,
      }),
    },
    { field: 'Chứng thực', figures: figures({ counter: 5, early: 5 }) },
  ],
  procedures: [marriage, copy, birth],
  catalogue,
  predecessors: [],
  ...overrides,
})

/** The column each heading starts at, walking the rows with their spans as a spreadsheet would. */
function placeHeadings(rows: ReportHeading[][], columns: number): { text: string; row: number; col: number }[] {
  const taken = rows.map(() => Array<boolean>(columns).fill(false))
  const out: { text: string; row: number; col: number }[] = []
  rows.forEach((cells, r) => {
    let c = 0
    for (const cell of cells) {
      while (taken[r]![c]) c++
      out.push({ text: cell.text, row: r, col: c })
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++)
        for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) taken[r + dr]![c + dc] = true
      c += cell.colSpan ?? 1
    }
  })
  expect(taken.every((row) => row.every(Boolean))).toBe(true)
  return out
}

describe('periodicReport', () => {
  it('puts the total first, then each field with its procedures under it, by Vietnamese name', () => {
    const report = periodicReport(unitStats(), new Date('2025-04-02T03:00:00Z'))
    expect(report.rows.map((r) => [r.kind, r.number, r.label])).toEqual([
      ['total', '', 'Tổng cộng'],
      ['field', 'I', 'Chứng thực'],
      ['procedure', '1', 'Chứng thực bản sao từ bản chính (2.000815)'],
      ['field', 'II', 'Hộ tịch'],
      ['procedure', '1', 'Đăng ký kết hôn (1.000894)'],
      ['procedure', '2', 'Đăng ký khai sinh (1.001193)'],
    ])
  })

  it('fills columns (3)–(13) from the figures: received = carried over + new, new split online / counter and post', () => {
    const report = periodicReport(unitStats(), new Date('2025-04-02T03:00:00Z'))
    const row = (label: string) => report.rows.find((r) => r.label.startsWith(label))!.values
    //                                     (3) (4) (5) (6) (7) (8) (9)(10)(11)(12)(13)
    expect(row('Tổng cộng')).toEqual([13, 1, 3, 9, 11, 7, 3, 1, 2, 1, 1])
    expect(row('Hộ tịch')).toEqual([8, 1, 3, 4, 6, 2, 3, 1, 2, 1, 1])
    expect(row('Đăng ký khai sinh')).toEqual([5, 1, 3, 1, 4, 2, 1, 1, 1, 1, 0])
    expect(row('Đăng ký kết hôn')).toEqual([3, 0, 0, 3, 2, 0, 2, 0, 1, 0, 1])
    expect(row('Chứng thực bản sao')).toEqual([5, 0, 0, 5, 5, 5, 0, 0, 0, 0, 0])
    for (const r of report.rows) {
      const [total, carried, online, offline, resolved, early, onTime, late, open, inTime, overdue] = r.values
      expect(total).toBe(carried! + online! + offline!)
      expect(resolved).toBe(early! + onTime! + late!)
      expect(open).toBe(inTime! + overdue!)
    }
  })

  it('sums a field the view does not list from its procedures', () => {
    const report = periodicReport(unitStats({ fields: [] }), new Date('2025-04-02T03:00:00Z'))
    const hoTich = report.rows.find((r) => r.label === 'Hộ tịch')!
    expect(hoTich.values).toEqual([8, 1, 3, 4, 6, 2, 3, 1, 2, 1, 1])
  })

  it('lays 13 columns of merged headings that cover the grid once, as the form does', () => {
    const report = periodicReport(unitStats(), new Date('2025-04-02T03:00:00Z'))
    expect(report.columns).toBe(13)
    expect(report.columnNumbers).toHaveLength(13)
    const placed = placeHeadings(report.headings, report.columns)
    const at = (text: string) => placed.filter((p) => p.text === text).map((p) => [p.row, p.col])
    expect(at('Số hồ sơ nhận giải quyết')).toEqual([[0, 2]])
    expect(at('Số kỳ trước chuyển qua')).toEqual([[2, 3]])
    expect(at('Trực tuyến')).toEqual([[3, 4]])
    expect(at('Trực tiếp, dịch vụ bưu chính')).toEqual([[3, 5]])
    expect(at('Trả trước hạn')).toEqual([[2, 7]])
    expect(at('Trả quá hạn')).toEqual([[2, 9]])
    expect(at('Trong hạn')).toEqual([[2, 11]])
    expect(at('Quá hạn')).toEqual([[2, 12]])
  })

  it('writes the title block: unit, the unit above it, period by day, structure, date made', () => {
    const report = periodicReport(unitStats(), new Date('2025-04-01T18:00:00Z'))
    expect(report.form[0]).toBe('Biểu số 06a/VPCP/KSTT')
    expect(report.reporter).toBe('Đơn vị báo cáo: Phường Hồng Gai')
    expect(report.recipient).toBe('Đơn vị nhận báo cáo: Tỉnh Quảng Ninh')
    expect(report.period).toBe('Kỳ báo cáo: từ 01/01/2025 đến 31/03/2025')
    expect(report.structure).toMatch(/thời điểm nộp/)
    // 18:00 UTC on 1 April is 01:00 on 2 April in Vietnam
    expect(report.madeOn).toBe('ngày 02 tháng 04 năm 2025')
    expect(report.notes[0]).toContain('từ chối 2')
  })

  it("names today's structure and the former units merged in", () => {
    const former: StatUnit = {
      code: '06650',
      name: 'Phường Bạch Đằng (cũ)',
      level: 'commune',
      parentCode: '22',
      from: '2019-12-01',
      to: '2025-07-01',
    }
    const report = periodicReport(
      unitStats({ structure: 'now', predecessors: [former] }),
      new Date('2025-04-02T03:00:00Z'),
    )
    expect(report.structure).toBe('Số liệu theo cơ cấu đơn vị hiện nay, gồm cả hồ sơ của: Phường Bạch Đằng (cũ).')
  })

  it('reports the province to the Government Office', () => {
    const stats: ProvinceStatistics = {
      period: { from: '2024-01', to: '2024-12' },
      structure: 'now',
      asOf: '2025-01-05T00:00:00.000Z',
      province,
      figures: figures({}),
      levels: [],
      units: [],
      months: [],
      fields: [],
      procedures: [],
      catalogue,
    }
    const report = periodicReport(stats, new Date('2025-01-05T00:00:00Z'))
    expect(report.reporter).toBe('Đơn vị báo cáo: Tỉnh Quảng Ninh')
    expect(report.recipient).toBe('Đơn vị nhận báo cáo: Văn phòng Chính phủ')
    expect(report.period).toBe('Kỳ báo cáo: từ 01/01/2024 đến 31/12/2024')
    expect(report.rows).toEqual([
      { kind: 'total', number: '', label: 'Tổng cộng', values: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
    ])
  })
})

describe('periodLine', () => {
  it('ends on the last day of the last month, leap years included', () => {
    expect(periodLine({ from: '2024-02', to: '2024-02' })).toBe('Kỳ báo cáo: từ 01/02/2024 đến 29/02/2024')
    expect(periodLine({ from: '2025-02', to: '2025-02' })).toBe('Kỳ báo cáo: từ 01/02/2025 đến 28/02/2025')
    expect(periodLine({ from: '2025-10', to: '2025-12' })).toBe('Kỳ báo cáo: từ 01/10/2025 đến 31/12/2025')
  })
})

describe('reportValues', () => {
  it('counts the postal channel with the counter, as the form does', () => {
    expect(reportValues(figures({ post: 2, counter: 1, online: 4 })).slice(0, 4)).toEqual([7, 0, 4, 3])
  })
})

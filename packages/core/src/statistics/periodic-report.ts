import { vietnamDate, vietnameseDay } from '../time/local-time'
import type { Figures } from './figures'
import { nextMonth, type StatPeriod } from './period'
import type { ProvinceStatistics, StatUnit, UnitStatistics } from './views'

// The periodic report officials file on the handling of administrative procedures: "Tình hình, kết quả giải quyết
// thủ tục hành chính tại cơ quan, đơn vị trực tiếp giải quyết thủ tục hành chính", Biểu số 06a/VPCP/KSTT of
// Thông tư 01/2020/TT-VPCP (21/10/2020, chế độ báo cáo định kỳ của Văn phòng Chính phủ), which took over Biểu số
// II.06a/VPCP/KSTT of Thông tư 02/2017/TT-VPCP. The 13 columns and their grouping follow those forms as provinces'
// one-stop systems print them; the exact wording of each heading is to be checked against the circular's appendix
// (verify). Sources in docs/statistics.md.

/** One heading cell; spans are 1 unless given. */
export interface ReportHeading {
  text: string
  rowSpan?: number
  colSpan?: number
}

/** A body row: the total, a field (lĩnh vực) or a procedure under it. */
export interface ReportRow {
  kind: 'total' | 'field' | 'procedure'
  /** STT: '' for the total, I, II… for fields, 1, 2… for the procedures of a field. */
  number: string
  label: string
  /** The 11 figures of columns (3)–(13), in order. */
  values: number[]
}

/** The report as a table, ready for CSV, XLSX or HTML: title block, merged headings, body, notes and signatures. */
export interface PeriodicReport {
  /** Biểu số … and its legal basis (top left of the form). */
  form: string[]
  title: string
  /** Đơn vị báo cáo / Đơn vị nhận báo cáo (top right of the form). */
  reporter: string
  recipient: string
  /** "Kỳ báo cáo: từ 01/01/2025 đến 31/03/2025". */
  period: string
  /** Which structure of units the figures follow. */
  structure: string
  unitOfCount: string
  /** Heading rows, spans included; every row covers `columns` columns once the spans above it are counted. */
  headings: ReportHeading[][]
  /** The row of column numbers under the headings: (1), (2), (3)=(4)+(5)+(6)… */
  columnNumbers: string[]
  columns: number
  rows: ReportRow[]
  notes: string[]
  /** "ngày 30 tháng 11 năm 2026" and the two signature blocks. */
  madeOn: string
  signatures: { title: string; hint: string }[]
}

export const REPORT_FORM = 'Biểu số 06a/VPCP/KSTT'
const COLUMNS = 13

const headings: ReportHeading[][] = [
  [
    { text: 'STT', rowSpan: 4 },
    { text: 'Lĩnh vực, thủ tục hành chính giải quyết', rowSpan: 4 },
    { text: 'Số hồ sơ nhận giải quyết', colSpan: 4 },
    { text: 'Kết quả giải quyết', colSpan: 7 },
  ],
  [
    { text: 'Tổng số', rowSpan: 3 },
    { text: 'Trong đó', colSpan: 3 },
    { text: 'Số hồ sơ đã giải quyết', colSpan: 4 },
    { text: 'Số hồ sơ đang giải quyết', colSpan: 3 },
  ],
  [
    { text: 'Số kỳ trước chuyển qua', rowSpan: 2 },
    { text: 'Số mới tiếp nhận', colSpan: 2 },
    { text: 'Tổng số', rowSpan: 2 },
    { text: 'Trả trước hạn', rowSpan: 2 },
    { text: 'Trả đúng thời hạn', rowSpan: 2 },
    { text: 'Trả quá hạn', rowSpan: 2 },
    { text: 'Tổng số', rowSpan: 2 },
    { text: 'Trong hạn', rowSpan: 2 },
    { text: 'Quá hạn', rowSpan: 2 },
  ],
  [{ text: 'Trực tuyến' }, { text: 'Trực tiếp, dịch vụ bưu chính' }],
]

const columnNumbers = [
  '(1)',
  '(2)',
  '(3)=(4)+(5)+(6)',
  '(4)',
  '(5)',
  '(6)',
  '(7)=(8)+(9)+(10)',
  '(8)',
  '(9)',
  '(10)',
  '(11)=(12)+(13)',
  '(12)',
  '(13)',
]

/** The 11 figures of columns (3)–(13) of one row. */
export const reportValues = (f: Figures): number[] => [
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

/** The last day of a `YYYY-MM` month as `YYYY-MM-DD`. */
function monthEnd(month: string): string {
  const [y, m] = nextMonth(month).split('-').map(Number) as [number, number]
  return new Date(Date.UTC(y, m - 1, 0)).toISOString().slice(0, 10)
}

/** "Kỳ báo cáo: từ 01/01/2025 đến 31/03/2025". */
export const periodLine = (period: StatPeriod): string =>
  `Kỳ báo cáo: từ ${vietnameseDay(`${period.from}-01`)} đến ${vietnameseDay(monthEnd(period.to))}`

const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
]
const roman = (n: number): string => {
  let out = ''
  for (const [value, letters] of ROMAN) {
    while (n >= value) {
      out += letters
      n -= value
    }
  }
  return out
}

const byName = (a: string, b: string) => a.localeCompare(b, 'vi')

function structureLine(stats: ProvinceStatistics | UnitStatistics): string {
  if (stats.structure === 'then') return 'Số liệu theo đơn vị tiếp nhận hồ sơ tại thời điểm nộp (cơ cấu đơn vị khi đó).'
  const predecessors = 'predecessors' in stats ? stats.predecessors : []
  return predecessors.length
    ? `Số liệu theo cơ cấu đơn vị hiện nay, gồm cả hồ sơ của: ${predecessors.map((u) => u.name).join('; ')}.`
    : 'Số liệu theo cơ cấu đơn vị hiện nay.'
}

/**
 * The periodic report (Biểu số 06a/VPCP/KSTT) of a unit's or the province's statistics: a total row, then each field
 * (lĩnh vực) with its procedures under it. `madeAt` is the date printed as the day the report was made.
 * @example periodicReport(await unitStatistics(…), new Date()).rows[0] // { kind: 'total', label: 'Tổng cộng', … }
 */
export function periodicReport(stats: ProvinceStatistics | UnitStatistics, madeAt: Date): PeriodicReport {
  const unit: StatUnit = 'province' in stats ? stats.province : stats.unit
  const parent = 'ancestors' in stats ? stats.ancestors.at(-1) : undefined
  const fieldFigures = new Map(stats.fields.map((f) => [f.field, f.figures]))
  const fieldNames = [...new Set([...fieldFigures.keys(), ...stats.procedures.map((p) => p.field)])].sort(byName)
  const rows: ReportRow[] = [{ kind: 'total', number: '', label: 'Tổng cộng', values: reportValues(stats.figures) }]
  fieldNames.forEach((field, i) => {
    const procedures = stats.procedures
      .filter((p) => p.field === field)
      .sort((a, b) => byName(a.name, b.name) || byName(a.code, b.code))
    const figures = fieldFigures.get(field)
    const values = figures
      ? reportValues(figures)
      : procedures.reduce((sum, p) => sum.map((v, k) => v + reportValues(p.figures)[k]!), Array(11).fill(0) as number[])
    rows.push({ kind: 'field', number: roman(i + 1), label: field, values })
    procedures.forEach((p, k) =>
      rows.push({
        kind: 'procedure',
        number: String(k + 1),
        label: p.code ? `${p.name} (${p.code})` : p.name,
        values: reportValues(p.figures),
      }),
    )
  })
  const f = stats.figures
  const [y, m, d] = vietnamDate(madeAt).split('-')
  return {
    form: [REPORT_FORM, 'Ban hành kèm theo Thông tư số 01/2020/TT-VPCP ngày 21/10/2020 của Văn phòng Chính phủ'],
    title:
      'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH',
    reporter: `Đơn vị báo cáo: ${unit.name}`,
    recipient: `Đơn vị nhận báo cáo: ${parent ? parent.name : 'Văn phòng Chính phủ'}`,
    period: periodLine(stats.period),
    structure: structureLine(stats),
    unitOfCount: 'Đơn vị tính: Số hồ sơ thủ tục hành chính',
    headings,
    columnNumbers,
    columns: COLUMNS,
    rows,
    notes: [
      `Hồ sơ kết thúc trong kỳ mà không có kết quả (không tính vào cột (7) và (11)): từ chối ${f.refused}, rút ${f.withdrawn}, dừng xử lý ${f.stopped}.`,
      'Trước hạn, đúng hạn, quá hạn tính theo một quy tắc chung từ thời điểm tiếp nhận, hạn trả (đã lùi theo thời gian tạm dừng chờ bổ sung) và thời điểm có kết quả.',
    ],
    madeOn: `ngày ${d} tháng ${m} năm ${y}`,
    signatures: [
      { title: 'NGƯỜI LẬP BIỂU', hint: '(Ký, ghi rõ họ tên)' },
      { title: 'THỦ TRƯỞNG ĐƠN VỊ', hint: '(Ký tên, đóng dấu)' },
    ],
  }
}

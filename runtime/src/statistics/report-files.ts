import type { PeriodicReport } from '@motcua/core'
import ExcelJS from 'exceljs'

/** A cell of the laid-out report: text, a number, or empty. */
type GridCell = string | number | null
type RowStyle = 'form' | 'title' | 'line' | 'count' | 'heading' | 'numbers' | 'total' | 'field' | 'procedure' | 'plain'

/** The report laid out on a grid of `report.columns` columns, the way the printed form is, with its merged ranges. */
interface ReportGrid {
  rows: { cells: GridCell[]; style: RowStyle }[]
  /** 0-based, inclusive. */
  merges: { top: number; left: number; bottom: number; right: number }[]
  /** The rows of the headings and the column numbers (0-based, inclusive), repeated on every printed page. */
  headingRows: [number, number]
}

function layout(report: PeriodicReport): ReportGrid {
  const width = report.columns
  const rows: ReportGrid['rows'] = []
  const merges: ReportGrid['merges'] = []
  const blank = (): GridCell[] => Array<GridCell>(width).fill(null)
  /** A row with texts placed at columns, each merged to the column before the next one (or to `until`). */
  const place = (style: RowStyle, parts: [col: number, text: string, until: number][]) => {
    const cells = blank()
    for (const [col, text, until] of parts) {
      cells[col] = text
      if (until > col) merges.push({ top: rows.length, left: col, bottom: rows.length, right: until })
    }
    rows.push({ cells, style })
  }
  const last = width - 1
  place('form', [
    [0, report.form[0]!, 2],
    [9, report.reporter, last],
  ])
  place('form', [
    [0, report.form[1]!, 2],
    [9, report.recipient, last],
  ])
  place('title', [[0, report.title, last]])
  place('line', [[0, report.period, last]])
  place('line', [[0, report.structure, last]])
  place('count', [[0, report.unitOfCount, last]])

  const top = rows.length
  const taken = report.headings.map(() => Array<boolean>(width).fill(false))
  const headingCells = report.headings.map(() => blank())
  report.headings.forEach((cells, r) => {
    let c = 0
    for (const cell of cells) {
      while (taken[r]![c]) c++
      const rowSpan = cell.rowSpan ?? 1
      const colSpan = cell.colSpan ?? 1
      headingCells[r]![c] = cell.text
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) taken[r + dr]![c + dc] = true
      if (rowSpan > 1 || colSpan > 1)
        merges.push({ top: top + r, left: c, bottom: top + r + rowSpan - 1, right: c + colSpan - 1 })
      c += colSpan
    }
  })
  for (const cells of headingCells) rows.push({ cells, style: 'heading' })
  rows.push({ cells: [...report.columnNumbers], style: 'numbers' })
  const headingRows: [number, number] = [top, rows.length - 1]

  for (const row of report.rows) rows.push({ cells: [row.number, row.label, ...row.values], style: row.kind })
  rows.push({ cells: blank(), style: 'plain' })
  for (const note of report.notes) place('plain', [[0, note, last]])
  rows.push({ cells: blank(), style: 'plain' })
  place('line', [[8, `…, ${report.madeOn}`, last]])
  const [maker, head] = report.signatures
  place('title', [
    [0, maker!.title, 3],
    [8, head!.title, last],
  ])
  place('plain', [
    [0, maker!.hint, 3],
    [8, head!.hint, last],
  ])
  return { rows, merges, headingRows }
}

/**
 * A text cell as a spreadsheet will not run it: a leading = + - @ (or a tab or carriage return, which some programs
 * skip before one) makes Excel and LibreOffice read a formula, so it gets an apostrophe first (OWASP, "CSV Injection").
 */
export const neutralised = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text)

/** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
const csvField = (cell: GridCell): string => {
  if (cell === null) return ''
  if (typeof cell === 'number') return String(cell)
  const text = neutralised(cell)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/**
 * The report as CSV in the form's layout: UTF-8 with a byte-order mark and CRLF line ends, so that Excel opens the
 * Vietnamese text as it is; every line has the form's 13 fields; merged headings sit in their first cell.
 * @example c.body(reportCsv(periodicReport(stats, now)), 200, { 'content-type': 'text/csv; charset=utf-8' })
 */
export function reportCsv(report: PeriodicReport): string {
  const { rows } = layout(report)
  return `\uFEFF${rows.map((row) => row.cells.map(csvField).join(',')).join('\r\n')}\r\n`
}

const FONT = 'Times New Roman'
const thin = { style: 'thin' } as const
const border = { top: thin, left: thin, bottom: thin, right: thin }

/**
 * The report as an XLSX workbook in the form's layout: the title block, the merged headings in bold, the figures
 * as numbers (format #,##0), column widths to read, A4 landscape with the headings repeated on every page. Text is
 * stored as text, never as a formula.
 * @example c.body(await reportXlsx(report), 200, { 'content-type': XLSX_TYPE })
 */
export async function reportXlsx(report: PeriodicReport): Promise<Uint8Array> {
  const { rows, merges, headingRows } = layout(report)
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'motcua'
  const sheet = workbook.addWorksheet('Biểu 06a', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', xSplit: 2, ySplit: headingRows[1] + 1 }],
  })
  sheet.pageSetup.printTitlesRow = `${headingRows[0] + 1}:${headingRows[1] + 1}`
  sheet.columns = Array.from({ length: report.columns }, (_, i) => ({ width: i === 0 ? 6 : i === 1 ? 46 : 11 }))
  rows.forEach(({ cells, style }, r) => {
    const row = sheet.getRow(r + 1)
    const inTable = r >= headingRows[0] && ['heading', 'numbers', 'total', 'field', 'procedure'].includes(style)
    cells.forEach((value, c) => {
      const cell = row.getCell(c + 1)
      if (value !== null) cell.value = value
      const bold = ['form', 'title', 'heading', 'total', 'field'].includes(style)
      cell.font = {
        name: FONT,
        size: style === 'title' ? 13 : 11,
        bold,
        italic: style === 'count' || style === 'numbers',
      }
      if (inTable) cell.border = border
      if (typeof value === 'number') {
        cell.numFmt = '#,##0'
        cell.alignment = { horizontal: 'right', vertical: 'middle' }
      } else if (style === 'heading' || style === 'numbers' || style === 'title' || style === 'line') {
        cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
      } else if (style === 'count') {
        cell.alignment = { horizontal: 'right' }
      } else if (inTable) {
        cell.alignment = { horizontal: c === 0 ? 'center' : 'left', vertical: 'middle', wrapText: true }
      } else {
        cell.alignment = { vertical: 'top', wrapText: style === 'form' }
      }
    })
  })
  for (const m of merges) sheet.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1)
  sheet.getRow(1).height = 30
  sheet.getRow(2).height = 45
  sheet.getRow(3).height = 36
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

export const CSV_TYPE = 'text/csv; charset=utf-8'
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * A Content-Disposition for a download: an ASCII file name for old clients (Vietnamese letters without their marks,
 * đ as d, anything else a dash) and the real one as UTF-8 (RFC 6266, RFC 8187).
 * @example attachment('Báo cáo TTHC Phường Hồng Gai.csv') // attachment; filename="Bao-cao-TTHC-Phuong-Hong-Gai.csv"; filename*=UTF-8''B%C3%A1o…
 */
export function attachment(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
  const utf8 = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `attachment; filename="${ascii || 'bao-cao'}"; filename*=UTF-8''${utf8}`
}

/** "Báo cáo TTHC Phường Hồng Gai 2025-01 đến 2025-03.xlsx", without characters a file system refuses. */
export const reportFileName = (unitName: string, period: { from: string; to: string }, extension: string): string =>
  `Báo cáo TTHC ${unitName.replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ').trim()} ${period.from} đến ${period.to}.${extension}`

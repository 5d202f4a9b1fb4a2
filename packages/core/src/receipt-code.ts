import { DomainError } from './errors'

/** The provincial receipt code shape (mã số biên nhận): unit electronic code, Vietnam-local date, daily sequence. */
export const DEFAULT_RECEIPT_PATTERN = '{unit}-{yyMMdd}-{NNNN}'

const VIETNAM_OFFSET_MS = 7 * 3_600_000
const TOKEN = /\{(unit|yyyy|yy|MM|dd|yyMMdd|N+)\}/g

export interface ReceiptCodeInput {
  /** The receiving unit's electronic code (mã định danh, QCVN 102:2016), e.g. `000.00.12.H49`. */
  unitId: string
  /** When the dossier was received; its Vietnam-local (UTC+7) date goes into the code. */
  date: Date
  /** The unit's sequence number for that day, from 1. */
  sequence: number
  /** Tokens `{unit}` `{yyyy}` `{yy}` `{MM}` `{dd}` `{yyMMdd}` `{N…}` (one N per digit); other text is literal. */
  pattern?: string
}

export interface ParsedReceiptCode {
  unitId: string
  sequence: number
  /** The Vietnam-local day 'YYYY-MM-DD' when the pattern carries year, month and day. */
  day?: string
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0')

function invalid(en: string, vi: string): DomainError {
  return new DomainError('INVALID_DATA', { vi, en })
}

function localParts(date: Date): { year: number; month: number; day: number } {
  const time = date instanceof Date ? date.getTime() : Number.NaN
  if (Number.isNaN(time)) throw invalid('The receipt date is not a valid date', 'Ngày tiếp nhận không hợp lệ')
  const local = new Date(time + VIETNAM_OFFSET_MS)
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() }
}

function checkPattern(pattern: string): void {
  const sequences = pattern.match(/\{N+\}/g) ?? []
  const unknown = pattern.replace(TOKEN, '').match(/\{[^}]*\}/)
  if (sequences.length !== 1 || unknown) {
    throw invalid(
      `Invalid receipt code pattern "${pattern}": it needs exactly one {N…} sequence and only the tokens {unit} {yyyy} {yy} {MM} {dd} {yyMMdd}`,
      `Mẫu mã biên nhận "${pattern}" không hợp lệ`,
    )
  }
}

/**
 * Formats a receipt code; the sequence is zero-padded to the number of N's and widens past it, never truncates.
 * @example formatReceiptCode({ unitId: '000.00.12.H49', date: new Date('2025-02-24T18:30:00Z'), sequence: 1 }) // '000.00.12.H49-250225-0001'
 */
export function formatReceiptCode({
  unitId,
  date,
  sequence,
  pattern = DEFAULT_RECEIPT_PATTERN,
}: ReceiptCodeInput): string {
  checkPattern(pattern)
  if (!Number.isSafeInteger(sequence) || sequence < 1) {
    throw invalid(
      `The receipt sequence must be a whole number from 1, got ${sequence}`,
      'Số thứ tự biên nhận không hợp lệ',
    )
  }
  const { year, month, day } = localParts(date)
  return pattern.replace(TOKEN, (_match, token: string) => {
    switch (token) {
      case 'unit':
        return unitId
      case 'yyyy':
        return pad(year, 4)
      case 'yy':
        return pad(year % 100, 2)
      case 'MM':
        return pad(month, 2)
      case 'dd':
        return pad(day, 2)
      case 'yyMMdd':
        return pad(year % 100, 2) + pad(month, 2) + pad(day, 2)
      default:
        return pad(sequence, token.length)
    }
  })
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const tokenRegExp: Record<string, string> = {
  unit: '(.+?)',
  yyyy: '(\\d{4})',
  yy: '(\\d{2})',
  MM: '(\\d{2})',
  dd: '(\\d{2})',
  yyMMdd: '(\\d{6})',
}

/**
 * Reads a receipt code back into its parts, or null when it does not fit the pattern or names an impossible date.
 * @example parseReceiptCode('000.00.12.H49-250225-0001') // { unitId: '000.00.12.H49', sequence: 1, day: '2025-02-25' }
 */
export function parseReceiptCode(code: string, pattern: string = DEFAULT_RECEIPT_PATTERN): ParsedReceiptCode | null {
  checkPattern(pattern)
  if (typeof code !== 'string') return null
  const tokens: string[] = []
  let source = '^'
  let last = 0
  for (const match of pattern.matchAll(TOKEN)) {
    const token = match[1] as string
    source += escapeRegExp(pattern.slice(last, match.index)) + (tokenRegExp[token] ?? `(\\d{${token.length},})`)
    tokens.push(token)
    last = match.index + match[0].length
  }
  source += `${escapeRegExp(pattern.slice(last))}$`
  const found = new RegExp(source, 'u').exec(code)
  if (!found) return null

  const fields: { unit?: string; year?: number; month?: number; day?: number; sequence?: number } = {}
  const set = (field: keyof typeof fields, value: string | number): boolean => {
    if (fields[field] !== undefined && fields[field] !== value) return false
    ;(fields as Record<string, string | number>)[field] = value
    return true
  }
  const consistent = tokens.every((token, i) => {
    const text = found[i + 1] as string
    switch (token) {
      case 'unit':
        return set('unit', text)
      case 'yyyy':
        return set('year', Number(text))
      case 'yy':
        return set('year', 2000 + Number(text))
      case 'MM':
        return set('month', Number(text))
      case 'dd':
        return set('day', Number(text))
      case 'yyMMdd':
        return (
          set('year', 2000 + Number(text.slice(0, 2))) &&
          set('month', Number(text.slice(2, 4))) &&
          set('day', Number(text.slice(4)))
        )
      default:
        return set('sequence', Number(text))
    }
  })
  if (!consistent || fields.sequence === undefined || !Number.isSafeInteger(fields.sequence) || fields.sequence < 1)
    return null

  const parsed: ParsedReceiptCode = { unitId: fields.unit ?? '', sequence: fields.sequence }
  const { year, month, day } = fields
  if (month !== undefined && (month < 1 || month > 12)) return null
  if (day !== undefined && (day < 1 || day > 31)) return null
  if (year !== undefined && month !== undefined && day !== undefined) {
    const check = new Date(Date.UTC(year, month - 1, day))
    if (check.getUTCMonth() !== month - 1) return null
    parsed.day = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`
  }
  return parsed
}

/**
 * The Vietnam-local day (UTC+7, whatever the host's timezone) of an instant; the per-unit sequence restarts on it.
 * @example receiptDay(new Date('2025-02-24T17:00:00Z')) // '2025-02-25'
 */
export function receiptDay(date: Date): string {
  const { year, month, day } = localParts(date)
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`
}

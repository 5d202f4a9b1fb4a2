import { calendarEntriesBetween, calendarYear, type ResolvedCalendar, vietnamDate } from '@motcua/core'
import type { CalendarBase } from './calendar-file'
import type { Lang } from './cli-error'

export interface DueExplanationInput {
  calendar: ResolvedCalendar
  base?: CalendarBase
  /** The calendar file, when one was given. */
  file?: string
  receivedAt: Date
  due: Date | null
  years: [number, number]
  lang: Lang
}

export interface DueExplanation {
  /** What `--explain` prints after the due time. */
  lines: string[]
  /** The note on provisional years, when the result used one. */
  provisional?: string
}

const weekdays = {
  vi: ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
}
const weekdayOf = (date: string, lang: Lang) => weekdays[lang][new Date(`${date}T00:00:00Z`).getUTCDay()]

function calendarLine({ base, file, lang }: DueExplanationInput): string {
  const vi = lang === 'vi'
  if (!file)
    return vi
      ? 'Lịch: lịch chính thức (quyết định của Chính phủ 2019–2026; năm khác theo Bộ luật Lao động, tạm tính)'
      : 'Calendar: the official one (the Government’s decisions 2019–2026; other years by the Labour Code, provisional)'
  const extra = {
    official: vi ? ', thêm lịch chính thức' : ', over the official calendar',
    statutory: vi ? ', thêm ngày nghỉ theo Bộ luật Lao động' : ', over the Labour Code’s days off',
  }
  return `${vi ? 'Lịch: tệp' : 'Calendar: file'} ${file}${base ? extra[base] : ''}`
}

function provisionalNote(years: number[], lang: Lang): string | undefined {
  if (years.length === 0) return undefined
  const list = years.join(', ')
  return lang === 'vi'
    ? `${years.length > 1 ? 'Các năm' : 'Năm'} ${list} chưa có quyết định của Chính phủ: ngày nghỉ tạm tính theo Bộ luật Lao động.`
    : `${list} ${years.length > 1 ? 'have' : 'has'} no Government decision yet: the days off are provisional, by the Labour Code.`
}

/** The lines `motcua due --explain` prints: the calendar, each entry that decided the result with its source. */
export function explainDue(input: DueExplanationInput): DueExplanation {
  const { calendar, base, file, receivedAt, due, lang } = input
  const vi = lang === 'vi'
  const lines = [calendarLine(input)]
  if (due === null) {
    lines.push(vi ? 'Không có thời hạn: không dùng đến lịch.' : 'No time limit: the calendar is not used.')
    return { lines }
  }
  const [first, last] = [vietnamDate(receivedAt), vietnamDate(due)]
  const spanYears: number[] = []
  for (let year = Number(first.slice(0, 4)); year <= Number(last.slice(0, 4)); year++) spanYears.push(year)
  const sources = new Map<string, string>()
  if (base === 'official') {
    for (const year of spanYears) {
      const { holidays, makeUpDays } = calendarYear(year)
      for (const d of [...holidays, ...makeUpDays]) sources.set(`${d.date} ${d.name}`, d.source)
    }
  }
  const fromFile = file ? (vi ? `tệp ${file}` : `file ${file}`) : undefined
  lines.push(
    vi
      ? `Ngày nghỉ và ngày làm bù trong khoảng tính (${first} → ${last}):`
      : `Days off and make-up days in the counted span (${first} → ${last}):`,
  )
  const entries = calendarEntriesBetween(calendar, receivedAt, due)
  for (const { date, kind, name } of entries) {
    const what = kind === 'holiday' ? (vi ? 'nghỉ' : 'day off') : vi ? 'làm bù' : 'make-up working day'
    const source = sources.get(`${date} ${name}`) ?? fromFile
    lines.push(
      `  ${date} (${weekdayOf(date, lang)}) ${what}: ${name}${source ? `. ${vi ? 'Nguồn' : 'Source'}: ${source}` : ''}`,
    )
  }
  if (entries.length === 0)
    lines.push(
      vi
        ? '  (không có: chỉ trừ thứ Bảy, Chủ nhật và ngoài giờ làm việc)'
        : '  (none: only weekends and hours outside office hours)',
    )
  const provisional =
    base === 'official'
      ? provisionalNote(
          spanYears.filter((year) => calendarYear(year).provisional),
          lang,
        )
      : undefined
  if (provisional) lines.push(provisional)
  return { lines, provisional }
}

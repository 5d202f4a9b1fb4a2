import { parseArgs } from 'node:util'
import { computeDue, createCalendar, officialCalendar, parseDuration, vietnamDate } from '@motcua/core'
import { type LoadedCalendar, loadCalendar } from '../calendar-file'
import { CliError, type Io, parseLang } from '../cli-error'
import { explainDue } from '../due-explanation'
import { formatVietnamTime, parseInstant } from '../vietnam-time'

export const dueHelp = `Usage: motcua due --received <ISO time> --duration <duration> [--calendar <file>] [--explain]

Prints the due time (hạn giải quyết) in Vietnam time, ISO 8601 with +07:00, or "none".
A received time without an offset is read as Vietnam time.

Durations: 3wd (working days), 16wh (working hours), sameday@15:00 (same day; after 15:00 the next
working day), 10cd (calendar days), none.

Options:
  --received <time>   e.g. 2025-04-29T10:00:00+07:00 or 2025-04-29T10:00
  --duration <d>      see above
  --calendar <file>   a calendar JSON file (see README); default: the official calendar (the Government's
                      decisions 2019–2026, the Labour Code's rules for other years, flagged provisional)
  --explain           also print the holidays and make-up days that decided the result, with their sources
  --lang vi|en        language of the messages (default vi)
  -h, --help          show this help

Example:
  motcua due --received 2025-04-29T10:00:00+07:00 --duration 2wd   # 2025-05-06T10:00:00+07:00 (2/5 swapped off)`

/** The years a calendar is built for: the official range, stretched to the received year and a few after it. */
function yearsAround(receivedAt: Date): [number, number] {
  const year = Number(vietnamDate(receivedAt).slice(0, 4))
  if (year < 2013 || year > 2190)
    throw new CliError(
      `Lịch chỉ tính được cho các năm 2013–2190, không phải ${year}`,
      `Calendars cover the years 2013–2190, not ${year}`,
    )
  return [Math.min(2019, year), Math.max(2035, year + 5)]
}

/** `motcua due`: prints the due time of a duration from a receipt time, and with `--explain` why. */
export async function dueCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      received: { type: 'string' },
      duration: { type: 'string' },
      calendar: { type: 'string' },
      explain: { type: 'boolean' },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    io.out(dueHelp)
    return 0
  }
  const lang = parseLang(values.lang)
  if (positionals.length > 0)
    throw new CliError(`Đối số thừa: ${positionals.join(' ')}`, `Unexpected argument: ${positionals.join(' ')}`)
  if (!values.received) throw new CliError('Thiếu --received <thời điểm ISO>', 'Missing --received <ISO time>')
  if (!values.duration) throw new CliError('Thiếu --duration <thời hạn>', 'Missing --duration <duration>')
  const receivedAt = parseInstant(values.received)
  const duration = parseDuration(values.duration)
  const years = yearsAround(receivedAt)
  const loaded: LoadedCalendar = values.calendar
    ? await loadCalendar(values.calendar, years)
    : { calendar: officialCalendar(...years).calendar, base: 'official' }
  const calendar = createCalendar(loaded.calendar)
  const due = computeDue(calendar, receivedAt, duration)
  io.out(due ? formatVietnamTime(due) : 'none')
  const explanation = explainDue({ calendar, base: loaded.base, file: values.calendar, receivedAt, due, years, lang })
  if (values.explain) for (const line of explanation.lines) io.out(line)
  else if (explanation.provisional) io.err(explanation.provisional)
  return 0
}

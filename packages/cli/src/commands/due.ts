import { parseArgs } from 'node:util'
import { computeDue, createCalendar, parseDuration, statutoryCalendar } from '@motcua/core'
import { loadCalendar } from '../calendar-file'
import { CliError, type Io, parseLang } from '../cli-error'
import { formatVietnamTime, parseInstant } from '../vietnam-time'

export const dueHelp = `Usage: motcua due --received <ISO time> --duration <duration> [--calendar <file>]

Prints the due time (hạn giải quyết) in Vietnam time, ISO 8601 with +07:00, or "none".
A received time without an offset is read as Vietnam time.

Durations: 3wd (working days), 16wh (working hours), sameday@15:00 (same day; after 15:00 the next
working day), 10cd (calendar days), none.

Options:
  --received <time>   e.g. 2025-04-29T10:00:00+07:00 or 2025-04-29T10:00
  --duration <d>      see above
  --calendar <file>   a calendar JSON file (see README); default: the statutory calendar 2019–2035
  --lang vi|en        language of the messages (default vi)
  -h, --help          show this help

Example:
  motcua due --received 2025-04-29T10:00:00+07:00 --duration 3wd   # 2025-05-06T10:00:00+07:00`

/** `motcua due`: prints the due time of a duration from a receipt time. */
export async function dueCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      received: { type: 'string' },
      duration: { type: 'string' },
      calendar: { type: 'string' },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    io.out(dueHelp)
    return 0
  }
  parseLang(values.lang)
  if (positionals.length > 0)
    throw new CliError(`Đối số thừa: ${positionals.join(' ')}`, `Unexpected argument: ${positionals.join(' ')}`)
  if (!values.received) throw new CliError('Thiếu --received <thời điểm ISO>', 'Missing --received <ISO time>')
  if (!values.duration) throw new CliError('Thiếu --duration <thời hạn>', 'Missing --duration <duration>')
  const receivedAt = parseInstant(values.received)
  const duration = parseDuration(values.duration)
  const calendar = createCalendar(values.calendar ? await loadCalendar(values.calendar) : statutoryCalendar(2019, 2035))
  const due = computeDue(calendar, receivedAt, duration)
  io.out(due ? formatVietnamTime(due) : 'none')
  return 0
}

import { parseArgs } from 'node:util'
import { type Issue, type PeriodState, periodState, validateDefinition, vietnamDate, vietnameseDay } from '@motcua/core'
import { CliError, type Io, parseLang } from '../cli-error'
import { displayPath, procedureFiles, readJson } from '../files'

export const validateHelp = `Usage: motcua validate <file|dir>… [--json] [--lang vi|en] [--at YYYY-MM-DD]

Validates procedure definitions against the format (meta-schema and semantic checks).
A directory stands for every **/procedure.json under it. A valid definition not in force on the day
(default today, Vietnam time) says so: retired after its effective.to, or scheduled from its effective.from.

Options:
  --json          print [{ file, ok, issues, period }] as JSON (period: scheduled, inForce or retired)
  --lang vi|en    language of the messages (default vi)
  --at DATE       the day to tell the effective period against (default today)
  -h, --help      show this help

Exit codes: 0 all valid, 1 some invalid, 2 bad usage or missing files.

Example:
  motcua validate procedures/
  procedures/dang-ky-khai-sinh/procedure.json: /steps/2/actions/0/to: Đích "tra_kq" … (action.unknownTarget)`

interface FileResult {
  file: string
  ok: boolean
  issues: Issue[]
  period?: PeriodState
  effective?: { from: string; to?: string | null }
}

async function validateFile(file: string, day: string): Promise<FileResult> {
  const parsed = await readJson(file)
  if (!parsed.ok) {
    const issue: Issue = {
      code: 'json.syntax',
      path: '',
      message: { vi: `Không phải JSON hợp lệ: ${parsed.error}`, en: `Not valid JSON: ${parsed.error}` },
    }
    return { file, ok: false, issues: [issue] }
  }
  const result = validateDefinition(parsed.value)
  if (!result.ok) return { file, ok: false, issues: result.issues }
  const { effective } = result.definition
  return { file, ok: true, issues: [], period: periodState(effective, day), effective }
}

/** A day written YYYY-MM-DD that exists on the calendar. */
function parseDay(text: string): string {
  const day = new Date(`${text}T00:00:00Z`)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== text)
    throw new CliError(
      `--at phải là một ngày dạng YYYY-MM-DD, không phải "${text}"`,
      `--at must be a day YYYY-MM-DD, not "${text}"`,
    )
  return text
}

const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

/** What a valid definition's line adds when it is not in force on the day. */
function periodNote({ period, effective }: FileResult, lang: 'vi' | 'en'): string {
  if (period === 'retired' && effective?.to)
    return lang === 'vi'
      ? ` (hết hiệu lực từ ngày ${vietnameseDay(dayAfter(effective.to))})`
      : ` (retired after ${effective.to})`
  if (period === 'scheduled' && effective)
    return lang === 'vi' ? ` (áp dụng từ ngày ${vietnameseDay(effective.from)})` : ` (scheduled from ${effective.from})`
  return ''
}

/** `motcua validate`: exit 0 when every definition is valid, 1 otherwise. */
export async function validateCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      lang: { type: 'string' },
      at: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    io.out(validateHelp)
    return 0
  }
  const lang = parseLang(values.lang)
  const day = values.at === undefined ? vietnamDate(new Date()) : parseDay(values.at)
  const results: FileResult[] = []
  for (const file of await procedureFiles(positionals)) results.push(await validateFile(file, day))
  if (values.json) {
    io.out(
      JSON.stringify(
        results.map(({ effective: _e, ...r }) => ({ ...r, file: displayPath(r.file) })),
        null,
        2,
      ),
    )
  } else {
    for (const { file, ok, issues, ...rest } of results) {
      const shown = displayPath(file)
      if (ok) io.out(`✓ ${shown}${periodNote({ file, ok, issues, ...rest }, lang)}`)
      for (const issue of issues) io.out(`${shown}: ${issue.path || '/'}: ${issue.message[lang]} (${issue.code})`)
    }
  }
  return results.every((r) => r.ok) ? 0 : 1
}

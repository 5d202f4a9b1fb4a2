import { parseArgs } from 'node:util'
import { type Issue, validateDefinition } from '@motcua/core'
import { type Io, parseLang } from '../cli-error'
import { displayPath, procedureFiles, readJson } from '../files'

export const validateHelp = `Usage: motcua validate <file|dir>… [--json] [--lang vi|en]

Validates procedure definitions against the format (meta-schema and semantic checks).
A directory stands for every **/procedure.json under it.

Options:
  --json          print [{ file, ok, issues }] as JSON
  --lang vi|en    language of the messages (default vi)
  -h, --help      show this help

Exit codes: 0 all valid, 1 some invalid, 2 bad usage or missing files.

Example:
  motcua validate procedures/
  procedures/dang-ky-khai-sinh/procedure.json: /steps/2/actions/0/to: Đích "tra_kq" … (action.unknownTarget)`

interface FileResult {
  file: string
  ok: boolean
  issues: Issue[]
}

async function validateFile(file: string): Promise<FileResult> {
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
  return { file, ok: result.ok, issues: result.ok ? [] : result.issues }
}

/** `motcua validate`: exit 0 when every definition is valid, 1 otherwise. */
export async function validateCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  })
  if (values.help) {
    io.out(validateHelp)
    return 0
  }
  const lang = parseLang(values.lang)
  const results: FileResult[] = []
  for (const file of await procedureFiles(positionals)) results.push(await validateFile(file))
  if (values.json) {
    io.out(
      JSON.stringify(
        results.map((r) => ({ ...r, file: displayPath(r.file) })),
        null,
        2,
      ),
    )
  } else {
    for (const { file, ok, issues } of results) {
      const shown = displayPath(file)
      if (ok) io.out(`✓ ${shown}`)
      for (const issue of issues) io.out(`${shown}: ${issue.path || '/'}: ${issue.message[lang]} (${issue.code})`)
    }
  }
  return results.every((r) => r.ok) ? 0 : 1
}

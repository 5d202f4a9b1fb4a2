import { readdir, readFile, stat } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { CliError } from './cli-error'

const SKIP = new Set(['node_modules', '.git', 'dist'])

async function walk(dir: string, found: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true })
  entries.sort((a, b) => a.name.localeCompare(b.name))
  for (const entry of entries) {
    if (entry.isDirectory() && !SKIP.has(entry.name)) await walk(join(dir, entry.name), found)
    else if (entry.isFile() && entry.name === 'procedure.json') found.push(join(dir, entry.name))
  }
}

/** The files named on the command line; a directory stands for every `**\/procedure.json` under it. */
export async function procedureFiles(paths: readonly string[]): Promise<string[]> {
  if (paths.length === 0) {
    throw new CliError('Cần ít nhất một tệp hoặc thư mục', 'Give at least one file or directory')
  }
  const files: string[] = []
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined)
    if (!info) throw new CliError(`Không tìm thấy "${path}"`, `No such file or directory: ${path}`)
    if (!info.isDirectory()) {
      files.push(path)
      continue
    }
    const found: string[] = []
    await walk(path, found)
    if (found.length === 0) {
      throw new CliError(`Không có procedure.json nào trong "${path}"`, `No procedure.json under ${path}`)
    }
    files.push(...found)
  }
  return [...new Set(files)]
}

/** A path as the user would like to read it: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file)
  return rel && !rel.startsWith('..') ? rel : file
}

/** Reads and parses a JSON file; a syntax error is returned, not thrown, so it can be reported as an issue. */
export async function readJson(file: string): Promise<{ ok: true; value: unknown } | { ok: false; error: string }> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new CliError(
      `Không đọc được "${file}": ${error.code ?? error.message}`,
      `Cannot read ${file}: ${error.code ?? error.message}`,
    )
  })
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) }
  }
}

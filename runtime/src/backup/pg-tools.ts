import { execFile, spawn } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { delimiter, join } from 'node:path'
import { promisify } from 'node:util'
import { BackupError } from './backup-error'

/** A PostgreSQL client program found on this machine, with its major version. */
export interface PgTool {
  path: string
  major: number
}

/** The folders a PostgreSQL client program may be in: PATH first, then Debian's per-version folders, newest first. */
function candidateDirs(env: NodeJS.ProcessEnv): string[] {
  const versioned = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql')
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => join('/usr/lib/postgresql', v, 'bin'))
    : []
  return [...(env.PATH ?? '').split(delimiter).filter(Boolean), ...versioned]
}

/** Every copy of `name` on this machine with its major version (from `--version`), one per path. */
export async function findPgTools(name: 'pg_dump' | 'pg_restore', env = process.env): Promise<PgTool[]> {
  const tools: PgTool[] = []
  for (const dir of new Set(candidateDirs(env))) {
    const path = join(dir, name)
    if (!existsSync(path)) continue
    try {
      const { stdout } = await promisify(execFile)(path, ['--version'])
      const major = Number(/\(PostgreSQL\)\s+(\d+)/.exec(stdout)?.[1])
      if (Number.isInteger(major)) tools.push({ path, major })
    } catch {
      // not runnable: another copy may be
    }
  }
  return tools
}

/**
 * The copy to use against a server of major version `serverMajor`: the same version when there is one (what
 * PostgreSQL advises), else the oldest newer one (it reads older servers); `atLeast` raises the floor (a
 * `pg_restore` must be as new as the `pg_dump` that wrote the archive).
 * @example chooseTool(await findPgTools('pg_dump'), 15)
 */
export function chooseTool(tools: readonly PgTool[], name: string, serverMajor: number, atLeast = serverMajor): PgTool {
  const floor = Math.max(serverMajor, atLeast)
  const fitting = tools.filter((t) => t.major >= floor).sort((a, b) => a.major - b.major)
  const chosen = fitting.find((t) => t.major === serverMajor) ?? fitting[0]
  if (chosen) return chosen
  const install = `apt install postgresql-client-${floor}`
  if (tools.length === 0)
    throw new BackupError(
      'backup.toolMissing',
      `Không tìm thấy ${name} (trong PATH hay /usr/lib/postgresql/*/bin): cài bộ công cụ PostgreSQL ${floor} (${install})`,
      `${name} not found (on PATH or in /usr/lib/postgresql/*/bin): install the PostgreSQL ${floor} client (${install})`,
    )
  const found = [...new Set(tools.map((t) => t.major))].join(', ')
  throw new BackupError(
    'backup.toolTooOld',
    `${name} ở máy này (phiên bản ${found}) cũ hơn PostgreSQL ${floor} cần dùng: cài bộ công cụ phiên bản ${floor} (${install}) hoặc đưa thư mục bin của nó vào PATH`,
    `${name} here (version ${found}) is older than the PostgreSQL ${floor} needed: install the version ${floor} client (${install}) or put its bin folder on PATH`,
  )
}

const decoded = (text: string) => {
  try {
    return decodeURIComponent(text)
  } catch {
    return text // a stray % is taken as it is
  }
}

/**
 * The connection for libpq programs without the password on their command line (where `ps` shows it): the
 * URL without it, and the password in `PGPASSWORD`.
 */
export function libpqConnection(url: string): { dbname: string; env: Record<string, string> } {
  const parsed = new URL(url)
  const password = decoded(parsed.password)
  parsed.password = ''
  return { dbname: parsed.toString(), env: password ? { PGPASSWORD: password } : {} }
}

/** Hides the password of `url` in a program's message, should the message quote it. */
export function redact(text: string, url: string): string {
  const { password } = new URL(url)
  if (!password) return text
  // as written in the URL, as URL normalises it, and decoded
  const written = /^[^:]+:\/\/[^:@/]*:([^@/]*)@/.exec(url)?.[1]
  const forms = [written, password, decoded(password)].filter((p): p is string => !!p)
  return forms.sort((a, b) => b.length - a.length).reduce((t, p) => t.replaceAll(p, '***'), text)
}

/** Runs a PostgreSQL client program on the database of `url`; resolves on success, else a `BackupError` with its message. */
export function runPgTool(tool: PgTool, args: string[], url: string, code: string): Promise<void> {
  const { dbname, env } = libpqConnection(url)
  const child = spawn(tool.path, [...args, '--no-password', `--dbname=${dbname}`], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => {
    if (stderr.length < 20_000) stderr += chunk
  })
  return new Promise((resolve, reject) => {
    child.on('error', (error) => reject(error))
    child.on('exit', (exitCode) => {
      if (exitCode === 0) return resolve()
      const name = tool.path.split('/').pop()
      const message = redact(stderr.trim(), url)
      reject(
        new BackupError(
          code,
          `${name} ${tool.major} thất bại (mã ${exitCode}):\n${message}`,
          `${name} ${tool.major} failed (exit ${exitCode}):\n${message}`,
        ),
      )
    })
  })
}

/** The bench's servers and fixtures: the bare baseline, a sink for plugin deliveries, what is submitted. */
import { type ChildProcess, spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { type ProcedureDefinition, requiredComponents } from '@motcua/core'
import postgres from 'postgres'
import { repoRoot } from '../support/runtime-process'

/**
 * The PostgreSQL server a benchmark creates its scratch databases on (DATABASE_URL); without one it says how to
 * give it and exits 1.
 */
export function benchServer(script: string): string {
  const url = process.env.DATABASE_URL
  if (url) return url
  console.error(
    `npm run ${script} needs a PostgreSQL server to create its scratch databases on, e.g.\n` +
      `  DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run ${script}`,
  )
  process.exit(1)
}

/** A positive number from the environment (`name`), else `fallback`. */
export function positiveNumber(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`)
  return value
}

/**
 * Steps undone at the end, in reverse, also on failure and on Ctrl-C (after `onSignal`, which stops the load):
 * `cleanups.push(() => scratch.drop())`, then `await cleanup()` at the end.
 */
export function cleanupOnExit(onSignal: () => void): {
  cleanups: (() => Promise<unknown>)[]
  cleanup(): Promise<void>
} {
  const cleanups: (() => Promise<unknown>)[] = []
  let cleaning: Promise<void> | undefined
  const cleanup = () =>
    (cleaning ??= (async () => {
      for (const step of cleanups.reverse()) await step().catch((error: unknown) => console.error('cleanup:', error))
    })())
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      console.error(`\n${signal}: stopping, dropping the scratch databases`)
      onSignal()
      void cleanup().finally(() => process.exit(130))
    })
  }
  return { cleanups, cleanup }
}

export const stopChild = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000)
    child.once('exit', () => {
      clearTimeout(kill)
      resolve()
    })
    child.kill('SIGTERM')
  })

/** Starts a bare baseline server (`script`, default the submission and tracking one) and resolves once it serves. */
export function startBare(
  databaseUrl: string,
  nodeArgs: string[],
  script = 'test/bench/bare-server.ts',
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [...nodeArgs, '--conditions=source', '--import', 'tsx', script], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk
      const url = /bare: open (http:\S+)/.exec(output)?.[1]
      if (url) resolve({ child, url })
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => reject(new Error(`bare server exited with ${code}:\n${output}`)))
  })
}

/** Answers every delivery of the national-portal-sync plugin with 200, as a healthy portal would. */
export function startSink(): Promise<{ url: string; received: () => number; close: () => Promise<void> }> {
  let received = 0
  const server = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      received++
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}')
    })
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/dong-bo-ho-so`,
        received: () => received,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    ),
  )
}

/** A library procedure whose sample needs no attachment, preferring commune level (the most units to spread over). */
export function pickProcedure(): { definition: ProcedureDefinition; sample: Record<string, unknown> } {
  const dir = join(repoRoot, 'procedures')
  const candidates = readdirSync(dir)
    .sort()
    .map((folder) => ({
      definition: JSON.parse(readFileSync(join(dir, folder, 'procedure.json'), 'utf8')) as ProcedureDefinition,
      sample: JSON.parse(readFileSync(join(dir, folder, 'sample.json'), 'utf8')) as Record<string, unknown>,
    }))
    .filter(
      ({ definition, sample }) => !definition.units?.length && requiredComponents(definition, sample).length === 0,
    )
  const wanted = process.env.BENCH_PROCEDURE
  const chosen = wanted
    ? candidates.find((c) => c.definition.code === wanted)
    : (candidates.find((c) => c.definition.level === 'commune') ?? candidates[0])
  if (!chosen)
    throw new Error(
      `no library procedure${wanted ? ` ${wanted}` : ''} whose sample.json needs no attachment and is offered by level`,
    )
  return chosen
}

/** The rows the bare server's submissions reference, copied from the seeded motcua database. */
export async function copyReferenceRows(from: string, to: string, procedureCode: string): Promise<void> {
  const source = postgres(from, { max: 1, onnotice: () => {} })
  const target = postgres(to, { max: 1, onnotice: () => {} })
  try {
    const copies: [table: string, where: string][] = [
      ['unit_levels', 'true'],
      ['calendars', 'true'],
      ['units', 'true'],
      ['procedures', `code = '${procedureCode.replaceAll("'", "''")}'`],
      [
        'procedure_versions',
        `procedure_id in (select id from procedures where code = '${procedureCode.replaceAll("'", "''")}')`,
      ],
    ]
    for (const [table, where] of copies) {
      const [{ rows }] = (await source.unsafe(
        `select coalesce(jsonb_agg(t), '[]') as rows from ${table} t where ${where}`,
      )) as unknown as [{ rows: postgres.JSONValue }]
      await target.unsafe(`insert into ${table} select * from jsonb_populate_recordset(null::${table}, $1::jsonb)`, [
        target.json(rows) as never,
      ])
    }
  } finally {
    await source.end()
    await target.end()
  }
}

/** A JSON request to a server, its parsed answer, or an error with the status and body. */
export async function call(
  url: string,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<unknown> {
  const res = await fetch(url + path, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${text.slice(0, 500)}`)
  return text ? JSON.parse(text) : undefined
}

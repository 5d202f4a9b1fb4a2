import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// What `npm start` runs, as a real process on the embedded default: build, start, stop, start again.
const root = join(import.meta.dirname, '..', '..')

interface Started {
  child: ChildProcess
  url: string
  output: () => string
}

function start(dataDir: string): Promise<Started> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: '0' }
  delete env.DATABASE_URL
  const child = spawn(process.execPath, ['runtime/dist/main.js'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk
      const url = /motcua: open (http:\S+)/.exec(output)?.[1]
      if (url) resolve({ child, url, output: () => output })
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', (code) => reject(new Error(`runtime exited with ${code}:\n${output}`)))
  })
}

function stop({ child }: Started): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit')
    child.on('exit', (code) => resolve(code))
    child.kill('SIGTERM')
  })
}

describe('the runtime as a process on the embedded PGlite', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-restart-'))
  beforeAll(() => {
    execFileSync('npx', ['tsup'], { cwd: join(root, 'runtime'), stdio: 'ignore' })
  }, 120_000)
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  it('seeds on first start, stops cleanly on SIGTERM, and comes back with the same data without re-seeding', async () => {
    const first = await start(dataDir)
    const health = await (await fetch(`${first.url}/healthz`)).json()
    expect(health).toMatchObject({ status: 'ok', database: 'pglite' })
    const before = await (await fetch(`${first.url}/api/units`)).json()
    expect(before).toHaveLength(221)
    expect(first.output()).toContain('"msg":"seeded"')
    expect(await stop(first)).toBe(0)

    const second = await start(dataDir)
    const after = await (await fetch(`${second.url}/api/units`)).json()
    expect(after).toEqual(before)
    expect(second.output()).not.toContain('"msg":"seeded"')
    expect(await stop(second)).toBe(0)
  }, 60_000)
})

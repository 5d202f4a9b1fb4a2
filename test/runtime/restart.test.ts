import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startRuntimeProcess, stopRuntimeProcess } from '../support/runtime-process'

// What `npm start` runs, as a real process on the embedded default: build, start, stop, start again.
describe('the runtime as a process on the embedded PGlite', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-restart-'))
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir }
  delete env.DATABASE_URL
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  it('seeds on first start, stops cleanly on SIGTERM, and comes back with the same data without re-seeding', async () => {
    const first = await startRuntimeProcess(env)
    const health = await (await fetch(`${first.url}/healthz`)).json()
    expect(health).toMatchObject({ status: 'ok', database: 'pglite' })
    const before = await (await fetch(`${first.url}/api/units`)).json()
    expect(before).toHaveLength(222)
    const procedures = (await (await fetch(`${first.url}/api/procedures`)).json()) as unknown[]
    expect(procedures.length).toBeGreaterThanOrEqual(12)
    expect(first.output()).toContain('"msg":"seeded"')
    expect(await stopRuntimeProcess(first)).toBe(0)

    const second = await startRuntimeProcess(env)
    expect(await (await fetch(`${second.url}/api/units`)).json()).toEqual(before)
    expect(await (await fetch(`${second.url}/api/procedures`)).json()).toEqual(procedures)
    expect(second.output()).not.toContain('"msg":"seeded"')
    expect(await stopRuntimeProcess(second)).toBe(0)
  }, 60_000)
})

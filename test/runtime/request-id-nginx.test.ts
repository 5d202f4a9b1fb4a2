import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hasNginx, type RunningNginx, startNginx } from '../support/nginx'
import { type RuntimeProcess, startRuntimeProcess, stopRuntimeProcess } from '../support/runtime-process'

// Behind the shipped nginx site (TRUST_PROXY=1), a request's id is nginx's `$request_id`: the client gets it, the log
// line has it, and an id the client made up goes nowhere.
describe.skipIf(!hasNginx)('the request id behind nginx', () => {
  let runtime: RuntimeProcess
  let nginx: RunningNginx
  let dataDir: string

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'motcua-request-id-'))
    runtime = await startRuntimeProcess({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', TRUST_PROXY: '1' })
    nginx = await startNginx([new URL(runtime.url).host])
  }, 120_000)
  afterAll(async () => {
    await nginx?.stop()
    if (runtime && runtime.child.exitCode === null) await stopRuntimeProcess(runtime)
    rmSync(dataDir, { recursive: true, force: true })
  })

  it("answers and logs nginx's id, never the client's", async () => {
    const forged = 'client-made-up-0001'
    const res = await fetch(`${nginx.url}/api/units`, { headers: { 'x-request-id': forged } })
    expect(res.status).toBe(200)
    const id = res.headers.get('x-request-id')
    expect(id).toMatch(/^[0-9a-f]{32}$/)

    expect(await stopRuntimeProcess(runtime)).toBe(0)
    const lines = runtime
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'request', requestId: id, route: '/api/units' }))
    expect(runtime.output()).not.toContain(forged)
  }, 60_000)
})

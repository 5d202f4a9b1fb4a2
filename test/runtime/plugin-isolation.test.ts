import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { libraryProcedure, sampleSubmission } from '../../runtime/src/testing'
import { type RuntimeProcess, startRuntimeProcess, stopRuntimeProcess } from '../support/runtime-process'

// A third-party plugin whose fee hook never returns, in a plugins folder of its own, run by the built server.
const looping = `export default {
  slug: 'vong-lap',
  name: { vi: 'Vòng lặp', en: 'Loops' },
  configSchema: { type: 'object' },
  hooks: {
    fees() {
      for (;;) {}
    },
  },
}
`

describe('a plugin that never returns, in the runtime as a process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-plugin-isolation-'))
  mkdirSync(join(dir, 'plugins', 'vong-lap'), { recursive: true })
  writeFileSync(
    join(dir, 'plugins', 'vong-lap', 'package.json'),
    '{"name":"vong-lap","type":"module","exports":"./index.js","peerDependencies":{"@motcua/plugin-sdk":"^2.0.0"}}',
  )
  writeFileSync(join(dir, 'plugins', 'vong-lap', 'index.js'), looping)
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: join(dir, 'db'), PLUGINS_DIR: join(dir, 'plugins') }
  delete env.DATABASE_URL
  let runtime: RuntimeProcess | undefined
  afterAll(async () => {
    if (runtime && runtime.child.exitCode === null) runtime.child.kill('SIGKILL')
    rmSync(dir, { recursive: true, force: true })
  })

  it('answers submissions at the hook’s limit, serves other requests meanwhile, and stops on SIGTERM', async () => {
    runtime = await startRuntimeProcess(env)
    const { url } = runtime
    const json = { 'content-type': 'application/json' }
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ username: 'admin', password: 'motcua-demo' }),
    })
    const admin = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` }
    const enabled = await fetch(`${url}/api/admin/units/193/plugins/vong-lap`, {
      method: 'PUT',
      headers: { ...admin, ...json },
      body: JSON.stringify({ enabled: true, config: {} }),
    })
    expect(enabled.status).toBe(200)

    const { definition, sample } = libraryProcedure('dang-ky-thanh-lap-ho-kinh-doanh')
    const submit = () =>
      fetch(`${url}/api/dossiers`, sampleSubmission({ definition, sample }, '193', { fullName: 'Đỗ Thị Lan' }))
    let settled = false
    const first = submit().then((res) => {
      settled = true
      return res
    })
    expect((await fetch(`${url}/healthz`)).status).toBe(200)
    expect(settled).toBe(false)
    expect((await first).status).toBe(201)
    const dead = (await (await fetch(`${url}/api/admin/outbox?state=dead`, { headers: admin })).json()) as {
      plugin: string
      lastError: string
    }[]
    expect(dead).toEqual(
      [{ plugin: 'vong-lap', lastError: 'fees took longer than 1000 ms and was stopped' }].map((m) =>
        expect.objectContaining(m),
      ),
    )

    // stopping while the hook loops: the request in flight is answered, then the process exits
    const second = submit()
    await new Promise((resolve) => setTimeout(resolve, 500))
    const exited = stopRuntimeProcess(runtime)
    expect((await second).status).toBe(201)
    expect(await exited).toBe(0)
  }, 60_000)
})

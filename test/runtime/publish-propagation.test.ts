import { createScratchDatabase } from '@motcua/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RuntimeProcess, startRuntimeProcess, stopRuntimeProcess } from '../support/runtime-process'

const url = process.env.DATABASE_URL

// Two runtime processes on one PostgreSQL: a version published through one is served by the other
// within a second, without a restart (LISTEN/NOTIFY).
describe.skipIf(!url)('publishing across runtime processes on PostgreSQL', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>
  const processes: RuntimeProcess[] = []

  beforeAll(async () => {
    scratch = await createScratchDatabase(url!)
    const env = { ...process.env, DATABASE_URL: scratch.url, SEED_DEMO: '1', DEMO_PASSWORD: 'mat-khau-thu' }
    processes.push(await startRuntimeProcess(env)) // the first seeds
    processes.push(await startRuntimeProcess(env))
  }, 120_000)
  afterAll(async () => {
    for (const p of processes) await stopRuntimeProcess(p)
    await scratch?.drop()
  })

  it('serves the new version from the second process within a second of publishing on the first', async () => {
    const [a, b] = processes as [RuntimeProcess, RuntimeProcess]
    expect(await (await fetch(`${b.url}/api/procedures/1.001193`)).json()).toMatchObject({ version: 1 })
    const json = { 'content-type': 'application/json' }
    const login = await fetch(`${a.url}/api/auth/login`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ username: 'admin', password: 'mat-khau-thu' }),
    })
    const auth = { ...json, authorization: `Bearer ${((await login.json()) as { token: string }).token}` }
    const draft = (await (
      await fetch(`${a.url}/api/admin/procedures/1.001193/drafts`, { method: 'POST', headers: auth, body: '{}' })
    ).json()) as { id: string; definition: object }
    await fetch(`${a.url}/api/admin/drafts/${draft.id}`, {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({ definition: { ...draft.definition, name: 'Đăng ký khai sinh (phiên bản 2)' } }),
    })
    const published = await fetch(`${a.url}/api/admin/drafts/${draft.id}/publish`, {
      method: 'POST',
      headers: auth,
      body: '{}',
    })
    expect(published.status).toBe(201)
    const publishedAt = Date.now()

    let seen: { version?: number; name?: string } = {}
    while (Date.now() - publishedAt < 1000 && seen.version !== 2) {
      seen = (await (await fetch(`${b.url}/api/procedures/1.001193`)).json()) as typeof seen
      if (seen.version !== 2) await new Promise((r) => setTimeout(r, 20))
    }
    expect(seen).toMatchObject({ version: 2, name: 'Đăng ký khai sinh (phiên bản 2)' })
  }, 60_000)
})

describe.runIf(!url)('publishing across runtime processes', () => {
  it.skip('SKIPPED: needs PostgreSQL; set DATABASE_URL (CI does)', () => {})
})

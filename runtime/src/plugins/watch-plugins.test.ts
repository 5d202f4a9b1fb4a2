import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { testDrivers } from '@motcua/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { libraryProcedure, openTestRuntime, sampleSubmission, signIn, type TestRuntime } from '../testing'
import { type ReloadOutcome, watchPlugins } from './watch-plugins'

const birth = libraryProcedure('dang-ky-khai-sinh')

// A plugin in a folder of its own that the test edits as a developer would: a local fee of `amount` đồng.
const plugin = (amount: string, schema: string) => `export default {
  slug: 'phi-thu',
  name: { vi: 'Phí thử', en: 'Test fee' },
  configSchema: ${schema},
  hooks: { fees: (_ctx: unknown, input: { fees: unknown[] }) => [...input.fees, { key: 'phi-thu', name: 'Phí thử', amount: ${amount} }] },
}
`

describe.each(testDrivers())('reloading a plugin on a change of its source, on $name', ({ open }) => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-watch-'))
  const file = join(dir, 'src', 'index.ts')
  const write = (amount: string, schema = '{ type: "object" }') => writeFileSync(file, plugin(amount, schema))
  let runtime: TestRuntime
  let watcher: { close(): void }
  const outcomes: ReloadOutcome[] = []
  let waiting: (() => void) | undefined
  const nextReload = () => new Promise<void>((resolve) => (waiting = resolve))
  const fee = async () => {
    const res = await runtime.app.request('/api/dossiers', sampleSubmission(birth, '06649'))
    expect(res.status).toBe(201)
    const { fees } = (await res.json()) as { fees: { key: string; amount: number }[] }
    return fees.find((f) => f.key === 'phi-thu')?.amount
  }

  beforeAll(async () => {
    mkdirSync(join(dir, 'src'))
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }')
    write('1000')
    runtime = await openTestRuntime(open, { plugins: [pathToFileURL(file).href] })
    const admin = await signIn(runtime, 'admin')
    const res = await runtime.app.request('/api/admin/units/06649/plugins/phi-thu', {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ enabled: true, config: {} }),
    })
    expect(res.status).toBe(200)
    watcher = watchPlugins(runtime.plugins, {
      debounceMs: 50,
      onReload: (outcome) => {
        outcomes.push(outcome)
        waiting?.()
      },
    })
  })
  afterAll(async () => {
    watcher?.close()
    await runtime?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('runs the new code after an edit, without restarting the runtime', async () => {
    expect(await fee()).toBe(1000)
    const reloaded = nextReload()
    write('2500')
    await reloaded
    expect(outcomes.at(-1)).toEqual({ slug: 'phi-thu', outcome: 'reloaded' })
    expect(await fee()).toBe(2500)
  })

  it('keeps the previous code when the new one does not load, and says why', async () => {
    const failed = nextReload()
    write('2500 +') // a syntax error
    await failed
    expect(outcomes.at(-1)).toMatchObject({ slug: 'phi-thu', outcome: 'failed' })
    expect(await fee()).toBe(2500)
  })

  it('asks for a restart when the configuration schema changes, keeping the previous code', async () => {
    const asked = nextReload()
    write('4000', '{ type: "object", properties: { ma: { type: "string" } } }')
    await asked
    expect(outcomes.at(-1)).toEqual({ slug: 'phi-thu', outcome: 'restart-needed', changed: ['configSchema'] })
    expect(await fee()).toBe(2500)
  })
})

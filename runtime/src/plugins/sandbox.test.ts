import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pluginFixture } from '../testing'
import { loadPlugins } from './load-plugins'
import { createSandbox, type PluginSandbox, SandboxError } from './sandbox'
import type { PluginCall } from './sandbox-protocol'

const fees = (mode: string): PluginCall => ({
  kind: 'hook',
  hook: 'fees',
  args: [
    { config: { mode, only: 'fees' }, unitCode: '193' },
    { procedureCode: 'x', formData: {}, fees: [] },
  ],
})
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as SandboxError,
  )

describe('a plugin in its sandbox', () => {
  let sandbox: PluginSandbox
  beforeAll(async () => {
    sandbox = createSandbox({ source: pluginFixture('misbehaving'), maxPending: 4 })
    expect(await sandbox.start()).toMatchObject({
      slug: 'hong-hoc',
      hooks: ['onSubmit', 'afterAction', 'beforeAction', 'fees'],
    })
  })
  afterAll(() => sandbox.close())

  it('stops a hook that never returns at its time limit, and runs the calls queued behind it in a new worker', async () => {
    const looping = failure(sandbox.call(fees('loop'), 300))
    const behind = sandbox.call(fees('non-array'), 5000)
    const stopped = await looping
    expect(stopped).toBeInstanceOf(SandboxError)
    expect(stopped).toMatchObject({ reason: 'timeout', message: 'took longer than 300 ms and was stopped' })
    expect(await behind).toEqual({ topic: 'x', payload: {} })
  })

  it('refuses a hook that returns a Promise, and restarts after a crash', async () => {
    expect(await failure(sandbox.call(fees('promise'), 5000))).toMatchObject({
      reason: 'threw',
      message: 'threw: returned a Promise: hooks are synchronous and pure; do I/O in deliver',
    })
    expect(await failure(sandbox.call(fees('exit'), 5000))).toMatchObject({
      reason: 'crashed',
      message: "failed: the plugin's worker stopped (exit code 3)",
    })
    expect(await sandbox.call(fees('non-array'), 5000)).toEqual({ topic: 'x', payload: {} })
  })

  it('lets a BigInt through to the runtime, where results are checked', async () => {
    expect(await sandbox.call(fees('bigint'), 5000)).toEqual([{ key: 'x', name: 'X', amount: 1n }])
  })

  it('fails a flood fast instead of queueing it without bound', async () => {
    const calls = Array.from({ length: 6 }, () => failure(sandbox.call(fees('non-array'), 5000)))
    const outcomes = await Promise.all(calls)
    expect(outcomes.filter((e) => e === undefined)).toHaveLength(4)
    expect(outcomes.filter((e) => e?.reason === 'busy')).toHaveLength(2)
  })
})

describe('loading plugins', () => {
  it('names a module that fails to load, is not a plugin, or has a bad manifest', async () => {
    await expect(loadPlugins([pluginFixture('fails-to-load')])).rejects.toThrow(
      /fails-to-load\.ts: the plugin could not be loaded \(thiếu cấu hình khi nạp\)/,
    )
    await expect(loadPlugins([pluginFixture('not-a-plugin')])).rejects.toThrow(
      /not-a-plugin\.ts: the default export is not a plugin/,
    )
  })

  it('reports each plugin’s hooks, delivery and routes with their declared headers', async () => {
    const plugins = await loadPlugins([pluginFixture('routes'), pluginFixture('status-sync')])
    try {
      expect(plugins.get('tuyen')!.manifest.routes[0]).toEqual({
        method: 'get',
        path: '/headers',
        headers: ['x-signature', 'authorization', 'cookie', 'x-ma-giao-dich'],
      })
      expect(plugins.get('dong-bo-thu')!.manifest).toMatchObject({ hooks: ['onSubmit', 'afterAction'], deliver: true })
    } finally {
      await Promise.all([...plugins.values()].map((p) => p.sandbox.close()))
    }
  })
})

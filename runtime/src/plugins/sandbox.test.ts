import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SDK_VERSION } from '@motcua/plugin-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pluginFixture } from '../testing'
import { loadPlugins, pluginSources } from './load-plugins'
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

  it('reports what a plugin contributes beyond hooks, checked', async () => {
    const plugins = await loadPlugins([pluginFixture('contributions')])
    try {
      expect(plugins.get('dong-gop')!.manifest).toMatchObject({
        reads: { 'cap-giay-phep-xay-dung-nha-o-rieng-le': ['cong_trinh'] },
        lookups: { 'cong-dan': { returns: { hoTen: { vi: 'Họ và tên', en: 'Full name' } } } },
        formats: { 'so-to-ban-do': { pattern: '^[0-9]{1,4}$', example: '12' } },
        widgets: { 'so-thua': { inputMode: 'numeric', maxLength: 6 } },
        actions: { 'gui-thue': { name: { vi: 'Gửi cơ quan thuế', en: 'Send to the tax office' } } },
        retry: { attempts: 3, backoffMs: 2000 },
      })
    } finally {
      await Promise.all([...plugins.values()].map((p) => p.sandbox.close()))
    }
  })

  it('refuses two plugins contributing the same format, naming both', async () => {
    await expect(loadPlugins([pluginFixture('contributions'), pluginFixture('same-format')])).rejects.toThrow(
      'The format "so-to-ban-do" is contributed by both plugin dong-gop and plugin trung-dinh-dang: rename one',
    )
  })

  it('refuses a plugin package written for another SDK, saying what to do', () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-plugins-'))
    mkdirSync(join(dir, 'cu'))
    const write = (peer: Record<string, string>) =>
      writeFileSync(join(dir, 'cu', 'package.json'), JSON.stringify({ name: 'cu', peerDependencies: peer }))
    write({ '@motcua/plugin-sdk': '^1.0.0' })
    expect(() => pluginSources(dir)).toThrow(
      `plugin cu was written for @motcua/plugin-sdk ^1.0.0; this runtime has ${SDK_VERSION}`,
    )
    write({})
    expect(() => pluginSources(dir)).toThrow('its package.json must declare the SDK it was written for')
    write({ '@motcua/plugin-sdk': `^${SDK_VERSION}` })
    expect(pluginSources(dir)).toHaveLength(1)
  })
})

import { describe, expect, expectTypeOf, it } from 'vitest'
import { definePlugin, type PluginRoute } from './index'

const name = { vi: 'Thử', en: 'Test' }

describe('definePlugin', () => {
  it('returns the plugin as given', () => {
    const plugin = { slug: 'thu', name, configSchema: { type: 'object' } }
    expect(definePlugin(plugin)).toBe(plugin)
  })

  it('turns a plugin author’s mistakes into compile errors', () => {
    definePlugin({
      slug: 'thu',
      name,
      configSchema: { type: 'object', properties: { token: { type: 'string', writeOnly: true } } },
      hooks: {
        // @ts-expect-error hooks are synchronous: do I/O in deliver
        onSubmit: async () => [],
        // @ts-expect-error a fee hook returns fee lines (or nothing)
        fees: () => 'mien phi',
        // @ts-expect-error a refusal has a Vietnamese and an English message
        beforeAction: () => ({ refuse: 'chưa nộp phí' }),
      },
      deliveryTimeoutMs: 30_000,
      routes: [{ method: 'post', path: '/webhook', headers: ['x-signature'], handle: async () => ({ status: 200 }) }],
    })
    expectTypeOf<PluginRoute<unknown>['headers']>().toEqualTypeOf<string[] | undefined>()
  })
})

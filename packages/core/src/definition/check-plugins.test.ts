import { describe, expect, it } from 'vitest'
import { periodState } from './check-effective'
import type { PluginCatalogue } from './check-plugins'
import { sampleDefinition } from './test-fixture'
import { validateDefinition } from './validate-definition'

// the shape of plugins/vietnam-qr-pay's configSchema: three settings and a secret, all required for a unit
const catalogue: PluginCatalogue = {
  'vietnam-qr-pay': {
    configSchema: {
      type: 'object',
      properties: {
        bankBin: { type: 'string', pattern: '^[0-9]{6}$' },
        accountNumber: { type: 'string', pattern: '^[0-9A-Za-z]{1,19}$' },
        accountName: { type: 'string', minLength: 1, maxLength: 100 },
        webhookSecret: { type: 'string', minLength: 16, writeOnly: true },
      },
      required: ['bankBin', 'accountNumber', 'accountName', 'webhookSecret'],
      additionalProperties: false,
    },
  },
  'national-portal-sync': {
    configSchema: { type: 'object', properties: { url: { type: 'string' } }, required: ['url'] },
    actions: ['gui-thue'],
    formats: {
      'so-to-ban-do': { pattern: '^[0-9]{1,4}$', message: { vi: 'Số tờ bản đồ gồm 1–4 chữ số', en: '1–4 digits' } },
    },
  },
}

const withPlugins = (plugins: unknown) => ({ ...sampleDefinition(), plugins })
const problems = (input: unknown, plugins: PluginCatalogue | null = catalogue) => {
  const result = validateDefinition(input, plugins ? { plugins } : {})
  return result.ok ? [] : result.issues.map((i) => [i.code, i.path])
}

describe('a definition’s plugins against the installation’s', () => {
  it('accepts a known plugin with part of its configuration: the unit supplies the rest', () => {
    expect(
      problems(withPlugins([{ slug: 'vietnam-qr-pay', config: { accountName: 'SO TU PHAP' }, required: true }])),
    ).toEqual([])
    expect(problems(withPlugins([{ slug: 'national-portal-sync' }]))).toEqual([])
  })

  it('rejects a slug the installation does not have, at its slug, naming the ones it has', () => {
    const result = validateDefinition(withPlugins([{ slug: 'thanh-toan-momo' }]), { plugins: catalogue })
    expect(!result.ok && result.issues).toEqual([
      expect.objectContaining({
        code: 'plugin.unknown',
        path: '/plugins/0/slug',
        message: expect.objectContaining({ vi: expect.stringContaining('national-portal-sync, vietnam-qr-pay') }),
      }),
    ])
  })

  it('rejects a configuration that does not fit the plugin’s schema, at each field, saying what is wrong', () => {
    const result = validateDefinition(
      withPlugins([
        { slug: 'national-portal-sync' },
        { slug: 'vietnam-qr-pay', config: { bankBin: '9704', soTaiKhoan: '1' } },
      ]),
      { plugins: catalogue },
    )
    expect(!result.ok && result.issues.map((i) => [i.code, i.path])).toEqual([
      ['plugin.config', '/plugins/1/config/soTaiKhoan'],
      ['plugin.config', '/plugins/1/config/bankBin'],
    ])
    expect(!result.ok && result.issues[0]!.message.vi).toMatch(/^Cấu hình tiện ích "vietnam-qr-pay" chưa đúng: /)
  })

  it('refuses a secret in a definition: it belongs to each unit’s setting', () => {
    expect(
      problems(withPlugins([{ slug: 'vietnam-qr-pay', config: { webhookSecret: 'mot-khoa-bi-mat-du-dai' } }])),
    ).toEqual([['plugin.configSecret', '/plugins/0/config/webhookSecret']])
  })

  it('checks nothing about plugins without a catalogue (the CLI, the library files on their own)', () => {
    expect(problems(withPlugins([{ slug: 'thanh-toan-momo', config: { x: 1 } }]), null)).toEqual([])
  })

  it('rejects `required` that is not a yes/no at its path (meta-schema)', () => {
    expect(problems(withPlugins([{ slug: 'vietnam-qr-pay', required: 'yes' }]))).toEqual([
      ['type', '/plugins/0/required'],
    ])
  })
})

describe('step actions that call out to a plugin', () => {
  const callingOut = (callOut: unknown, plugins: unknown = [{ slug: 'national-portal-sync' }]) => {
    const def = withPlugins(plugins)
    Object.assign(def.steps[1]!.actions[0]!, { callOut })
    return def
  }
  const at = '/steps/1/actions/0/callOut'

  it('accepts an action the plugin declares, the plugin listed in the procedure’s plugins', () => {
    expect(problems(callingOut({ plugin: 'national-portal-sync', action: 'gui-thue' }))).toEqual([])
  })

  it('rejects an unknown plugin, an action the plugin does not declare, and a plugin the procedure does not list', () => {
    expect(problems(callingOut({ plugin: 'khong-co', action: 'gui-thue' }))).toEqual([
      ['callOut.unknownPlugin', `${at}/plugin`],
    ])
    const result = validateDefinition(callingOut({ plugin: 'national-portal-sync', action: 'gui-kho-bac' }), {
      plugins: catalogue,
    })
    expect(!result.ok && result.issues.map((i) => [i.code, i.path, i.message.vi])).toEqual([
      [
        'callOut.unknownAction',
        `${at}/action`,
        'Tiện ích "national-portal-sync" không có thao tác "gui-kho-bac": chọn một trong gui-thue.',
      ],
    ])
    expect(problems(callingOut({ plugin: 'national-portal-sync', action: 'gui-thue' }, []))).toEqual([
      ['callOut.notListed', `${at}/plugin`],
    ])
  })

  it('rejects a malformed callOut at its path (meta-schema)', () => {
    expect(problems(callingOut({ plugin: 'national-portal-sync' }))).toEqual([['required', `${at}/action`]])
  })
})

describe('plugin formats in the form', () => {
  const usingFormat = (format: string) => {
    const def = withPlugins([{ slug: 'national-portal-sync' }])
    Object.assign(def.form.schema, { properties: { ...def.form.schema.properties, to: { type: 'string', format } } })
    return def
  }

  it('knows an installed plugin’s format; without the plugin it is an unknown format', () => {
    expect(problems(usingFormat('so-to-ban-do'))).toEqual([])
    expect(problems(usingFormat('so-to-ban-do'), { 'vietnam-qr-pay': catalogue['vietnam-qr-pay']! })).toEqual([
      ['form.schema.invalid', '/form/schema/properties/to/format'],
      ['plugin.unknown', '/plugins/0/slug'],
    ])
  })
})

describe('the effective period', () => {
  it('rejects a last day before the first day, at /effective/to', () => {
    const def = sampleDefinition()
    def.effective = { from: '2025-03-01', to: '2025-02-28' }
    expect(problems(def, null)).toEqual([['effective.toBeforeFrom', '/effective/to']])
    def.effective = { from: '2025-03-01', to: '2025-03-01' }
    expect(problems(def, null)).toEqual([])
  })
})

describe('periodState', () => {
  it('is scheduled before the first day, in force through the last day, retired after it', () => {
    const period = { from: '2017-06-01', to: '2025-02-28' }
    expect(periodState(period, '2017-05-31')).toBe('scheduled')
    expect(periodState(period, '2017-06-01')).toBe('inForce')
    expect(periodState(period, '2025-02-28')).toBe('inForce')
    expect(periodState(period, '2025-03-01')).toBe('retired')
    expect(periodState({ from: '2017-06-01', to: null }, '2099-01-01')).toBe('inForce')
  })
})

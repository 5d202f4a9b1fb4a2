import { describe, expect, it } from 'vitest'
import type { PluginCatalogue } from './check-plugins'
import { sampleDefinition } from './test-fixture'
import { validateDefinition } from './validate-definition'

const plugins: PluginCatalogue = {
  'population-register': {
    configSchema: { type: 'object', properties: { baseUrl: { type: 'string' } } },
    lookups: { 'cong-dan': ['ho_ten', 'ngay_sinh', 'gioi_tinh', 'noi_thuong_tru'] },
  },
  'vietnam-qr-pay': { configSchema: { type: 'object' } },
}

const withPrefill = (...uses: unknown[]) => ({ ...sampleDefinition(), plugins: uses })
const prefill = (fields: Record<string, string>, lookup = 'cong-dan', slug = 'population-register') => ({
  slug,
  prefill: { lookup, fields },
})
const problems = (input: unknown, options: Parameters<typeof validateDefinition>[1] = { plugins }) => {
  const result = validateDefinition(input, options)
  return result.ok ? [] : result.issues.map((i) => [i.code, i.path])
}

describe('a procedure’s prefill', () => {
  it('accepts form fields mapped onto the lookup’s return fields, the plugin left optional', () => {
    expect(
      problems(withPrefill(prefill({ '/nguoi_yeu_cau/ho_ten': 'ho_ten', '/nguoi_yeu_cau/cccd': 'ho_ten' }))),
    ).toEqual([])
  })

  it('rejects a lookup the plugin does not have, naming those it has', () => {
    const result = validateDefinition(withPrefill(prefill({ '/nguoi_yeu_cau/ho_ten': 'ho_ten' }, 'ho-khau')), {
      plugins,
    })
    expect(!result.ok && result.issues).toEqual([
      expect.objectContaining({
        code: 'plugin.prefillUnknownLookup',
        path: '/plugins/0/prefill/lookup',
        message: expect.objectContaining({ vi: expect.stringContaining('chọn một trong cong-dan') }),
      }),
    ])
    expect(problems(withPrefill(prefill({ '/so_trang': 'x' }, 'x', 'vietnam-qr-pay')))).toEqual([
      ['plugin.prefillUnknownLookup', '/plugins/0/prefill/lookup'],
    ])
  })

  it('rejects a return field the lookup does not declare, at its pointer (escaped)', () => {
    const result = validateDefinition(withPrefill(prefill({ '/nguoi_yeu_cau/ho_ten': 'hoTen' })), { plugins })
    expect(!result.ok && result.issues).toEqual([
      expect.objectContaining({
        code: 'plugin.prefillUnknownReturn',
        path: '/plugins/0/prefill/fields/~1nguoi_yeu_cau~1ho_ten',
        message: expect.objectContaining({
          vi: expect.stringMatching(/không trả về "hoTen": chọn một trong ho_ten, /),
        }),
      }),
    ])
  })

  it('rejects a pointer that is not a field of the form, and a group or list that cannot take one value', () => {
    expect(
      problems(
        withPrefill(
          prefill({
            '/nguoi_yeu_cau/ten': 'ho_ten',
            '/nguoi_yeu_cau': 'ho_ten',
            '/giay_to': 'ho_ten',
            '/giay_to/0/ten': 'ho_ten',
          }),
        ),
      ),
    ).toEqual([
      ['plugin.prefillUnknownField', '/plugins/0/prefill/fields/~1nguoi_yeu_cau~1ten'],
      ['plugin.prefillNotAValue', '/plugins/0/prefill/fields/~1nguoi_yeu_cau'],
      ['plugin.prefillNotAValue', '/plugins/0/prefill/fields/~1giay_to'],
    ])
  })

  it('checks the form fields even without a catalogue (motcua validate), the lookups only with one', () => {
    const def = withPrefill(prefill({ '/khong_co': 'khong_co' }, 'khong-co'))
    expect(problems(def, {})).toEqual([['plugin.prefillUnknownField', '/plugins/0/prefill/fields/~1khong_co']])
  })

  it('allows one plugin to pre-fill, not two', () => {
    expect(
      problems(
        withPrefill(prefill({ '/so_trang': 'ho_ten' }), prefill({ '/so_ban': 'ho_ten' }, 'cong-dan', 'vietnam-qr-pay')),
        {},
      ),
    ).toEqual([['plugin.prefillTwice', '/plugins/1/prefill']])
  })

  it('refuses a malformed prefill at its path (meta-schema)', () => {
    expect(problems(withPrefill({ slug: 'population-register', prefill: { lookup: 'cong-dan', fields: {} } }))).toEqual(
      [['minProperties', '/plugins/0/prefill/fields']],
    )
    expect(
      problems(
        withPrefill({ slug: 'population-register', prefill: { lookup: 'cong-dan', fields: { ho_ten: 'ho_ten' } } }),
      ),
    ).toEqual([['propertyNames', '/plugins/0/prefill/fields/ho_ten']])
  })
})

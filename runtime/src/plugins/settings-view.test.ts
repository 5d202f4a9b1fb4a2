import { describe, expect, it } from 'vitest'
import type { SettingLayer } from './resolve-setting'
import { settingsView } from './settings-view'

const NAMES: Record<string, { code: string; name: string }> = {
  p: { code: '22', name: 'Tỉnh Quảng Ninh' },
  d: { code: '193', name: 'Thành phố Hạ Long' },
  w: { code: '06649', name: 'Phường Hà Khánh' },
}
const plugin = {
  manifest: { slug: 'dong-bo' } as never,
  secrets: ['token'],
  // url is required
  validateConfig: (config: unknown) =>
    typeof (config as { url?: unknown }).url === 'string'
      ? []
      : [{ code: 'required', path: '/url', message: { vi: 'Vui lòng nhập url', en: 'url is required' } }],
}
const layer = (unitId: string, procedureCode: string, enabled: boolean | null, config: Record<string, unknown>) =>
  ({ unitId, procedureCode, enabled, config }) satisfies SettingLayer
const view = (rows: SettingLayer[], uses?: { slug: string; config?: Record<string, unknown> }[]) =>
  settingsView({
    plugin,
    rows,
    unitId: 'w',
    lineageTopDown: ['p', 'd', 'w'],
    unitOf: (id) => NAMES[id]!,
    procedures: new Map([['1.001193', { name: 'Đăng ký khai sinh', uses }]]),
  })

describe('settingsView', () => {
  it('lists the unit’s own settings, every procedure first, secrets only named', () => {
    const { own } = view([
      layer('w', '1.001193', true, { maTinh: '99' }),
      layer('w', '', null, { token: 'bi-mat' }),
      layer('p', '', true, { url: 'https://tinh' }),
    ])
    expect(own).toEqual([
      { procedureCode: '', procedureName: null, enabled: null, config: {}, secretsSet: ['token'] },
      {
        procedureCode: '1.001193',
        procedureName: 'Đăng ký khai sinh',
        enabled: true,
        config: { maTinh: '99' },
        secretsSet: [],
      },
    ])
  })

  it('shows what a procedure inherits without the unit’s own setting for it, and the unit-wide setting kept in', () => {
    const { inForce } = view([
      layer('p', '', true, { url: 'https://tinh', maTinh: '22' }),
      layer('w', '', null, { url: 'https://hakhanh' }),
      layer('w', '1.001193', false, { maTinh: '99' }),
    ])
    const birth = inForce.find((f) => f.procedureCode === '1.001193')!
    expect(birth).toMatchObject({ enabled: false, runs: false, config: { url: 'https://hakhanh', maTinh: '99' } })
    expect(birth.inherited).toMatchObject({
      enabled: true,
      enabledFrom: { unitCode: '22', unitName: 'Tỉnh Quảng Ninh', procedureCode: '' },
      config: { url: 'https://hakhanh', maTinh: '22' },
      from: { url: { unitCode: '06649', procedureCode: '' }, maTinh: { unitCode: '22' } },
    })
  })

  it('lays the procedure definition’s config over, named as its source, and says why a setting on does not run', () => {
    const { inForce } = view(
      [layer('w', '1.001193', true, {}), layer('p', '', true, { token: 'bi-mat' })],
      [{ slug: 'dong-bo', config: { maTinh: '22' } }],
    )
    const [all, birth] = inForce
    expect(all).toMatchObject({ procedureCode: '', enabled: true, runs: false })
    expect(all!.problems).toEqual([expect.objectContaining({ path: '/config/url' })])
    expect(birth).toMatchObject({
      config: { maTinh: '22' },
      secretsSet: ['token'],
      from: { maTinh: { unitCode: null, unitName: null, procedureCode: '1.001193' }, token: { unitCode: '22' } },
      runs: false,
    })
    expect(JSON.stringify(inForce)).not.toContain('bi-mat')
  })
})

import { describe, expect, it } from 'vitest'
import { resolveSetting, type SettingLayer } from './resolve-setting'

// Quảng Ninh province (22) → Hạ Long city (193) → Phường Hồng Hà (06649); a birth registration and a death one
const LINEAGE = ['22', '193', '06649']
const BIRTH = '1.001193'
const DEATH = '1.000656'
const layer = (unitId: string, procedureCode: string, enabled: boolean | null, config: Record<string, unknown> = {}) =>
  ({ unitId, procedureCode, enabled, config }) satisfies SettingLayer

describe('resolveSetting', () => {
  it('is off with nothing set anywhere', () => {
    expect(resolveSetting([], LINEAGE, BIRTH)).toEqual({
      enabled: false,
      enabledFrom: null,
      config: {},
      configFrom: {},
    })
  })

  it('lets a ward inherit the province’s setting, with the province named as the source of each value', () => {
    const r = resolveSetting([layer('22', '', true, { url: 'https://tinh', maTinh: '22' })], LINEAGE, BIRTH)
    expect(r.enabled).toBe(true)
    expect(r.enabledFrom).toEqual({ unitId: '22', procedureCode: '' })
    expect(r.config).toEqual({ url: 'https://tinh', maTinh: '22' })
    expect(r.configFrom.url).toEqual({ unitId: '22', procedureCode: '' })
  })

  it('overrides one key at Hạ Long and keeps the others from the province', () => {
    const r = resolveSetting(
      [layer('22', '', true, { url: 'https://tinh', maTinh: '22' }), layer('193', '', null, { url: 'https://halong' })],
      LINEAGE,
      BIRTH,
    )
    expect(r.enabled).toBe(true)
    expect(r.enabledFrom?.unitId).toBe('22')
    expect(r.config).toEqual({ url: 'https://halong', maTinh: '22' })
    expect(r.configFrom).toEqual({
      url: { unitId: '193', procedureCode: '' },
      maTinh: { unitId: '22', procedureCode: '' },
    })
  })

  it('turns off at Hạ Long keeping the inherited config, and a ward below turns it back on', () => {
    const layers = [layer('22', '', true, { url: 'https://tinh' }), layer('193', '', false)]
    expect(resolveSetting(layers, LINEAGE, BIRTH)).toMatchObject({ enabled: false, config: { url: 'https://tinh' } })
    expect(resolveSetting([...layers, layer('06649', '', true)], LINEAGE, BIRTH)).toMatchObject({
      enabled: true,
      enabledFrom: { unitId: '06649', procedureCode: '' },
    })
  })

  it('enables for one procedure of one ward only', () => {
    const layers = [layer('06649', BIRTH, true, { url: 'https://hongha' })]
    expect(resolveSetting(layers, LINEAGE, BIRTH)).toMatchObject({ enabled: true, config: { url: 'https://hongha' } })
    expect(resolveSetting(layers, LINEAGE, DEATH).enabled).toBe(false)
    expect(resolveSetting(layers, LINEAGE, '').enabled).toBe(false)
    // another ward of Hạ Long does not see it
    expect(resolveSetting(layers, ['22', '193', '06652'], BIRTH).enabled).toBe(false)
  })

  it('lays a unit’s procedure row over its all-procedures row, and a lower unit’s rows over both', () => {
    const layers = [
      layer('193', BIRTH, false, { phi: 1 }),
      layer('193', '', true, { phi: 2, url: 'https://halong' }),
      layer('06649', '', null, { phi: 3 }),
    ]
    // the ward's all-procedures row comes after Hạ Long's birth row: its fee wins, Hạ Long's off stays
    expect(resolveSetting(layers, LINEAGE, BIRTH)).toMatchObject({
      enabled: false,
      enabledFrom: { unitId: '193', procedureCode: BIRTH },
      config: { phi: 3, url: 'https://halong' },
    })
    expect(resolveSetting(layers, LINEAGE, DEATH)).toMatchObject({ enabled: true, config: { phi: 3 } })
    expect(resolveSetting(layers, ['22', '193'], BIRTH).config).toEqual({ phi: 1, url: 'https://halong' })
  })

  it('removes an inherited value with a key set to null, and a lower layer may set it again', () => {
    const layers = [
      layer('22', '', true, { url: 'https://tinh', maTinh: '22' }),
      layer('193', '', null, { maTinh: null }),
    ]
    const r = resolveSetting(layers, LINEAGE, BIRTH)
    expect(r.config).toEqual({ url: 'https://tinh' })
    expect(r.configFrom).not.toHaveProperty('maTinh')
    expect(resolveSetting([...layers, layer('06649', BIRTH, null, { maTinh: '99' })], LINEAGE, BIRTH).config).toEqual({
      url: 'https://tinh',
      maTinh: '99',
    })
  })

  it('replaces an object value whole rather than merging inside it', () => {
    const layers = [
      layer('22', '', true, { mau: { vi: 'Kính gửi', en: 'Dear' } }),
      layer('193', '', null, { mau: { vi: 'Thân gửi' } }),
    ]
    expect(resolveSetting(layers, LINEAGE, BIRTH).config).toEqual({ mau: { vi: 'Thân gửi' } })
  })

  it('ignores rows of units outside the lineage', () => {
    expect(resolveSetting([layer('194', '', true, { url: 'x' })], LINEAGE, BIRTH)).toMatchObject({
      enabled: false,
      config: {},
    })
  })
})

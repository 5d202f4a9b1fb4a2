import { readFileSync } from 'node:fs'
import { startTestRuntime, type TestRuntime } from '@motcua/plugin-test-kit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Config } from './config'
import plugin from './index'

const PERMIT = 'cap-giay-phep-xay-dung-nha-o-rieng-le'
const sample = JSON.parse(
  readFileSync(new URL(`../../../procedures/${PERMIT}/sample.json`, import.meta.url), 'utf8'),
) as Record<string, Record<string, unknown>>
// the sample's plot is in phường Hà Tu; its house is 15.6 m high with 4 floors
const config: Config = {
  zones: [
    {
      name: 'Khu vực thử – phường Hà Tu',
      wards: ['Hà Tu'],
      maxHeightM: 12,
      maxFloors: 3,
      basis: 'cấu hình thử nghiệm',
    },
  ],
}

describe('the Hạ Long height check, in a real runtime', () => {
  let rt: TestRuntime
  beforeAll(async () => {
    rt = await startTestRuntime({
      plugins: [new URL('./index.ts', import.meta.url).href],
      procedures: [PERMIT, 'dang-ky-thanh-lap-ho-kinh-doanh'],
      at: '2026-12-01T08:00:00+07:00',
    })
    await rt.enable('ha-long-construction-check', { unit: '193', procedure: PERMIT, config: { ...config } })
  })
  afterAll(() => rt?.close())

  const receivedAt = async (unit: string, form?: Record<string, unknown>) => {
    const { receiptCode } = await rt.submit({ procedure: PERMIT, unit, ...(form ? { form } : {}) })
    await rt.act(receiptCode, 'tiep_nhan')
    return receiptCode
  }

  it('refuses to forward a Hạ Long permit whose house is too high for its zone, saying why', async () => {
    const code = await receivedAt('193')
    const refused = rt.act(code, 'trinh_lanh_dao_phong')
    await expect(refused).rejects.toMatchObject({ status: 409 })
    const { body } = (await refused.catch((e: unknown) => e)) as { body: { error: { message: { vi: string } } } }
    expect(body.error.message.vi).toContain('vượt giới hạn của khu vực "Khu vực thử – phường Hà Tu"')
    // the officer may still stop processing it
    await rt.act(code, 'dung_giai_quyet', { inputs: { reason: 'Công trình vượt chiều cao cho phép' } })
  })

  it('lets a house within the limit go on to the leaders', async () => {
    const code = await receivedAt('193', {
      ...sample,
      cong_trinh: { ...sample.cong_trinh, chieu_cao: 11.5, so_tang: 3 },
    })
    await rt.act(code, 'trinh_lanh_dao_phong')
    const [row] = await rt.outbox({ plugin: 'ha-long-construction-check', state: 'dead' })
    expect(row).toBeUndefined() // and the hook never failed
  })

  it('acts only on Hạ Long’s dossiers: another district forwards the same permit', async () => {
    const code = await receivedAt('195')
    await rt.act(code, 'trinh_lanh_dao_phong')
  })

  it('declares what it reads and its formats, as the studio lists them', async () => {
    expect(plugin.reads).toEqual({ 'QN-GPXD-01': ['dia_diem', 'cong_trinh'] })
    const res = await rt.request('/api/admin/plugins', { as: 'admin' })
    const [listed] = (await res.json()) as { slug: string; formats: Record<string, { example: string }> }[]
    expect(listed!.slug).toBe('ha-long-construction-check')
    expect(Object.keys(listed!.formats)).toEqual(['ha-long-so-thua', 'ha-long-so-to-ban-do'])
  })
})

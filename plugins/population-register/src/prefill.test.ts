import { readFileSync } from 'node:fs'
import { startTestRuntime, type TestRuntime } from '@motcua/plugin-test-kit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DevRegister, startDevRegister } from './dev-server'

// End to end through the test kit: the plugin in its worker, a library procedure that pre-fills from it, the
// citizen's lookup through the runtime's HTTP API, then a dossier filed with what it filled.
const API_KEY = 'khoa-thu-nghiem-dan-cu'
const PROCEDURE = 'xac-nhan-tinh-trang-hon-nhan'

describe('the population register pre-filling a library procedure', () => {
  let rt: TestRuntime
  let register: DevRegister
  let code: string

  beforeAll(async () => {
    register = await startDevRegister({ apiKey: API_KEY })
    rt = await startTestRuntime({
      plugins: [new URL('./index.ts', import.meta.url).href],
      procedures: [PROCEDURE, 'cap-phieu-ly-lich-tu-phap'],
      at: '2026-12-01T08:00:00+07:00',
    })
    await rt.enable('population-register', { unit: '193', config: { baseUrl: register.url, apiKey: API_KEY } })
    const found = (await (await rt.request('/api/procedures?q=hon nhan')).json()) as { code: string }[]
    expect(found).toHaveLength(1)
    code = found[0]!.code
  })
  afterAll(async () => {
    await rt?.close()
    await register?.close()
  })

  const prefill = (unitCode: string) =>
    rt.request(`/api/me/prefill/${code}`, {
      as: 'congdan',
      method: 'POST',
      body: JSON.stringify({ unitCode, idNumber: '022090001234', consent: true }),
    })

  it('fills the applicant’s part with values the form accepts, and the dossier is filed with them', async () => {
    const res = await prefill('06649')
    expect(res.status).toBe(200)
    const { fill } = (await res.json()) as { fill: Record<string, string> }
    expect(fill['/nguoi_yeu_cau/gioi_tinh']).toBe('nam')
    const detail = (await (await rt.request(`/api/procedures/${code}`)).json()) as { prefill: { fields: object } }
    expect(Object.keys(fill).sort()).toEqual(Object.keys(detail.prefill.fields).sort())

    const sampleFile = new URL(`../../../procedures/${PROCEDURE}/sample.json`, import.meta.url)
    const form = JSON.parse(readFileSync(sampleFile, 'utf8')) as { nguoi_yeu_cau: Record<string, unknown> }
    for (const [pointer, value] of Object.entries(fill)) form.nguoi_yeu_cau[pointer.split('/')[2]!] = value
    const filed = await rt.submit({ procedure: PROCEDURE, unit: '06649', form })
    expect(filed.receiptCode).toMatch(/^\S+$/)
    expect(register.requests).toBe(1)
  })

  it('offers nothing where the plugin is turned off, and asks the register nothing', async () => {
    await rt.enable('population-register', {
      unit: '06652',
      enabled: false,
      config: { baseUrl: register.url, apiKey: API_KEY },
    })
    const where = (await (await rt.request(`/api/procedures/${code}/prefill?unit=06652`)).json()) as {
      enabled: boolean
    }
    expect(where.enabled).toBe(false)
    const before = register.requests
    expect((await prefill('06652')).status).toBe(409)
    expect(register.requests).toBe(before)
  })

  it('follows a setting made for one procedure only', async () => {
    const at = async () =>
      ((await (await rt.request(`/api/procedures/${code}/prefill?unit=06709`)).json()) as { enabled: boolean }).enabled
    expect(await at()).toBe(false) // Móng Cái: nothing set
    const config = { baseUrl: register.url, apiKey: API_KEY }
    await rt.enable('population-register', { unit: '194', procedure: 'cap-phieu-ly-lich-tu-phap', config })
    expect(await at()).toBe(false) // on for another procedure only
    await rt.enable('population-register', { unit: '194', procedure: PROCEDURE, config })
    expect(await at()).toBe(true)
    expect((await prefill('06709')).status).toBe(200)
  })
})

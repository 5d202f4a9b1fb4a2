import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type DevRegister, startDevRegister } from './dev-server'
import plugin from './index'
import { RegisterError } from './register-client'

const API_KEY = 'khoa-thu-nghiem-dan-cu'
const lookup = plugin.lookups!['cong-dan']!
let register: DevRegister

beforeAll(async () => {
  register = await startDevRegister({ apiKey: API_KEY })
})
afterAll(() => register.close())
beforeEach(() => {
  register.delayMs = 0
  register.failWith = undefined
})

const run = (idNumber: string, config: Record<string, unknown> = {}, signal = new AbortController().signal) =>
  lookup.run({ idNumber }, { config: { baseUrl: register.url, apiKey: API_KEY, ...config } as never, signal, fetch })

describe('the cong-dan lookup against the local register', () => {
  it('returns a person as the declared fields: sex as the forms’ codes, dates as YYYY-MM-DD', async () => {
    const found = await run('022090001234')
    expect(found).toEqual({
      so_dinh_danh: '022090001234',
      ho_ten: 'Nguyễn Văn An (dữ liệu thử)',
      ngay_sinh: '1990-05-12',
      gioi_tinh: 'nam',
      dan_toc: 'Kinh',
      quoc_tich: 'Việt Nam',
      que_quan: 'Xã Thử Nghiệm, huyện Mẫu, tỉnh Quảng Ninh',
      noi_thuong_tru: 'Số 1 đường Thử Nghiệm, phường Hồng Gai, thành phố Hạ Long, tỉnh Quảng Ninh',
      noi_o_hien_tai: 'Số 1 đường Thử Nghiệm, phường Hồng Gai, thành phố Hạ Long, tỉnh Quảng Ninh',
    })
    expect(Object.keys(found!).sort()).toEqual(Object.keys(lookup.returns).sort())
    expect((await run('022195004321'))?.gioi_tinh).toBe('nu')
    expect((await run('022195004321'))?.que_quan).toBeNull()
  })

  it('answers undefined for a căn cước number the register does not know', async () => {
    expect(await run('022000000000')).toBeUndefined()
  })

  it('fails naming the key, not a person, when the register refuses the API key', async () => {
    const failed = run('022090001234', { apiKey: 'khoa-sai-hoan-toan' })
    await expect(failed).rejects.toThrow(RegisterError)
    await expect(failed).rejects.toThrow(/refused the API key \(HTTP 401\)/)
  })

  it('fails when the register fails', async () => {
    register.failWith = 503
    await expect(run('022090001234')).rejects.toThrow('answered HTTP 503')
  })

  it('gives up at its own time limit when the register hangs', async () => {
    register.delayMs = Number.POSITIVE_INFINITY
    const started = Date.now()
    await expect(run('022090001234', { timeoutMs: 1000 })).rejects.toThrow('did not answer in time')
    expect(Date.now() - started).toBeLessThan(3000)
  })

  it('stops when the runtime aborts the lookup', async () => {
    register.delayMs = Number.POSITIVE_INFINITY
    const controller = new AbortController()
    setTimeout(() => controller.abort(new Error('timed out')), 100)
    await expect(run('022090001234', {}, controller.signal)).rejects.toThrow('did not answer in time')
  })

  it('refuses an answer outside the contract without repeating its content', async () => {
    const other = await startDevRegister({
      apiKey: API_KEY,
      people: [{ soDinhDanh: '022090001234', hoVaTen: 'X', ngaySinh: '12/05/1990', gioiTinh: 1 }],
    })
    try {
      const failed = lookup.run(
        { idNumber: '022090001234' },
        { config: { baseUrl: other.url, apiKey: API_KEY }, signal: new AbortController().signal, fetch },
      )
      await expect(failed).rejects.toThrow('answered ngaySinh not as YYYY-MM-DD')
    } finally {
      await other.close()
    }
  })
})

describe('the configuration', () => {
  it('keeps the API key secret and limits a lookup to the runtime’s time limit', () => {
    const schema = plugin.configSchema as { properties: Record<string, Record<string, unknown>>; required: string[] }
    expect(schema.properties.apiKey!.writeOnly).toBe(true)
    expect(schema.required).toEqual(['baseUrl', 'apiKey'])
    expect(schema.properties.timeoutMs!.maximum).toBeLessThanOrEqual(plugin.lookupTimeoutMs!)
  })
})

import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type DevRegister, startDevRegister } from '@motcua/plugin-population-register/dev-server'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asOfficers, libraryProcedure } from '../../runtime/src/testing'
import { axeViolations, chromiumAvailable, launchPhone, type Phone } from '../support/browser'
import { repoRoot } from '../support/runtime-process'
import { type ServedRuntime, serveRuntime } from '../support/served-runtime'

// A citizen on a 360 px phone pre-fills "Xác nhận tình trạng hôn nhân" from the (local, fake) population register.
const shots = join(repoRoot, 'test-artifacts', 'screenshots')
const procedure = libraryProcedure('xac-nhan-tinh-trang-hon-nhan').definition
const API_KEY = 'khoa-thu-nghiem-dan-cu'

describe.runIf(chromiumAvailable())('pre-filling a form from the population register on a phone', () => {
  let served: ServedRuntime
  let register: DevRegister
  let phone: Phone
  let page: Page
  const failed: string[] = []
  const { as } = asOfficers(() => served.runtime)

  const axe = async () => {
    const violations = await axeViolations(page)
    expect(violations, page.url()).toEqual([])
  }

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true })
    register = await startDevRegister({ apiKey: API_KEY })
    served = await serveRuntime('2026-12-01T08:00:00')
    const res = await as('admin', 'PUT', '/api/admin/units/193/plugins/population-register', {
      enabled: true,
      config: { baseUrl: register.url, apiKey: API_KEY },
    })
    expect(res.status, await res.text()).toBe(200)
    phone = await launchPhone()
    page = phone.page
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${new URL(r.url()).pathname}`)
    })
  }, 120_000)

  afterAll(async () => {
    await phone?.close()
    await served?.close()
    await register?.close()
  })

  it('asks for consent and the citizen’s own number, then fills what was empty, marked and announced', async () => {
    await page.goto(`${served.url}/dang-nhap`)
    await page.getByLabel('Tên đăng nhập').fill('congdan')
    await page.getByLabel('Mật khẩu', { exact: true }).fill(served.password)
    await page.getByRole('button', { name: 'Đăng nhập' }).last().click()
    await page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'))
    await page.goto(`${served.url}/thu-tuc/${encodeURIComponent(procedure.code)}/nop-ho-so?don-vi=06649`)

    const box = page.getByRole('region', { name: /^Điền sẵn từ Cơ sở dữ liệu quốc gia về dân cư/ })
    await box.waitFor()
    // the account's own details come first (name, căn cước number, phone); the citizen writes their name as they
    // write it before pre-filling from the register: it stays
    await expect.poll(() => page.inputValue('#root_nguoi_yeu_cau_ho_ten')).toBe('Nguyễn Văn An')
    expect(await page.inputValue('#root_nguoi_yeu_cau_so_dien_thoai')).toBe('0912345678')
    await page.fill('#root_nguoi_yeu_cau_ho_ten', 'Nguyễn Văn Ân')

    await box.getByRole('button', { name: 'Điền sẵn' }).click()
    await expect.poll(() => box.innerText()).toContain('Vui lòng đánh dấu đồng ý')
    await box.getByLabel(/^Tôi đồng ý để hệ thống tra cứu/).check()
    const idNumber = box.getByLabel('Số căn cước của bạn')
    expect(await idNumber.getAttribute('inputmode')).toBe('numeric')
    await idNumber.fill('0220900012')
    await box.getByRole('button', { name: 'Điền sẵn' }).click()
    await expect.poll(() => box.innerText()).toContain('Số căn cước gồm 12 chữ số; bạn đã nhập 10 chữ số')
    await axe()

    await idNumber.fill('022090001234')
    await box.getByRole('button', { name: 'Điền sẵn' }).click()
    await expect
      .poll(() => box.getByRole('status').innerText())
      .toBe(
        'Đã điền sẵn 6 trường từ Cơ sở dữ liệu quốc gia về dân cư. Vui lòng kiểm tra lại trước khi nộp. 1 trường bạn đã nhập được giữ nguyên.',
      )
    expect(await page.inputValue('#root_nguoi_yeu_cau_ho_ten')).toBe('Nguyễn Văn Ân')
    expect(await page.inputValue('#root_nguoi_yeu_cau_dan_toc')).toBe('Kinh')
    expect(await page.inputValue('#root_nguoi_yeu_cau_so_dinh_danh')).toBe('022090001234')
    expect(await page.inputValue('#root_nguoi_yeu_cau_noi_cu_tru')).toMatch(/^Số 1 đường Thử Nghiệm/)
    expect(await page.getByRole('radio', { name: 'Nam', exact: true }).isChecked()).toBe(true)
    // each filled field says where its value came from: 6 from the register, the name and phone from the account
    expect(await page.locator('.mc-prefilled').count()).toBe(8)
    expect(
      await page
        .locator('.mc-field', { has: page.locator('#root_nguoi_yeu_cau_dan_toc') })
        .last()
        .innerText(),
    ).toContain('Điền sẵn từ Cơ sở dữ liệu quốc gia về dân cư')
    expect(
      await page
        .locator('.mc-field', { has: page.locator('#root_nguoi_yeu_cau_ho_ten') })
        .last()
        .innerText(),
    ).not.toContain('Điền sẵn từ Cơ sở dữ liệu')

    const [scroll, client] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ])
    expect(scroll).toBeLessThanOrEqual(client)
    await axe()
    await page.screenshot({ path: join(shots, 'portal-prefill-360.png'), fullPage: true })
    // the only answer in error: no draft saved yet (the browser logs it); every check above was made in the page
    expect(failed).toEqual([`404 /api/me/drafts/${encodeURIComponent(procedure.code)}`])
    expect(phone.errors.filter((e) => !e.startsWith('Failed to load resource'))).toEqual([])
    expect(register.requests).toBe(1)
  })
})

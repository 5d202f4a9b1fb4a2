import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { vietnamDate } from '@motcua/core'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, chromiumAvailable, launchPhone, type Phone } from '../support/browser'
import { type RuntimeProcess, repoRoot, startRuntimeProcess, stopRuntimeProcess } from '../support/runtime-process'

// What a citizen on a 360 px phone was told when a date or a căn cước number was wrong (issue 17), on the birth
// registration form of a built runtime: each message says what is actually wrong.
const shots = join(repoRoot, 'test-artifacts', 'screenshots')
const today = () => vietnamDate(new Date()).split('-').reverse().join('/')

const next = (page: Page) => page.getByRole('button', { name: 'Tiếp tục' }).click()
const errorOf = (page: Page, id: string) => page.locator(`#${id}__error`)

describe.runIf(chromiumAvailable())('dates and căn cước numbers on the birth registration form, on a phone', () => {
  let runtime: RuntimeProcess
  let phone: Phone
  let page: Page
  let dataDir: string

  const axe = async () => {
    const violations = await axeViolations(page)
    expect(violations, page.url()).toEqual([])
  }

  const shot = async (name: string, target: string) => {
    await page.locator(target).scrollIntoViewIfNeeded()
    const [scroll, client] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ])
    expect(scroll, 'no sideways scroll').toBeLessThanOrEqual(client)
    await page.screenshot({ path: join(shots, `${name}.png`) })
  }

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true })
    dataDir = mkdtempSync(join(tmpdir(), 'motcua-validation-'))
    runtime = await startRuntimeProcess({ ...process.env, DATABASE_URL: '', DATA_DIR: join(dataDir, 'db') })
    phone = await launchPhone()
    page = phone.page
    page.setDefaultTimeout(20_000)
  }, 180_000)

  afterAll(async () => {
    await phone?.close()
    if (runtime) await stopRuntimeProcess(runtime)
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('keeps every digit of a căn cước number pasted with spaces, and names an unknown province code', async () => {
    await page.goto(`${runtime.url}/thu-tuc/1.001193/nop-ho-so?don-vi=06649`)
    const id = page.locator('#root_nguoi_yeu_cau_so_dinh_danh')
    await id.waitFor()
    await page.fill('#root_nguoi_yeu_cau_ho_ten', 'Nguyễn Văn Hùng')
    await page.selectOption('#root_nguoi_yeu_cau_quan_he', { label: 'Cha' })
    await page.fill('#root_nguoi_yeu_cau_so_dien_thoai', '0912 345 678')
    await page.fill('#root_nguoi_yeu_cau_noi_cu_tru', 'Số 12, tổ 5, khu 3, phường Hà Khánh, thành phố Hạ Long')

    // pasted as the card prints it, with spaces: inserted at once, as a paste is (a maxLength would cut it here)
    await id.focus()
    await page.keyboard.insertText('0 9 9 0 9 8 0 0 1 2 3 4')
    expect(await id.inputValue()).toBe('099098001234')
    await next(page)
    await expect
      .poll(() => errorOf(page, 'root_nguoi_yeu_cau_so_dinh_danh').innerText())
      .toContain('3 số đầu “099” không phải mã tỉnh, thành phố nào; vui lòng kiểm tra lại số trên thẻ')
    expect(await id.getAttribute('aria-invalid')).toBe('true')
    await shot('validation-01-province-code', '#root_nguoi_yeu_cau_so_dinh_danh__error')
    await axe()

    await id.fill('')
    await id.focus()
    await page.keyboard.insertText('022.098.001.2')
    await next(page)
    await expect
      .poll(() => errorOf(page, 'root_nguoi_yeu_cau_so_dinh_danh').innerText())
      .toContain('Số căn cước gồm 12 chữ số; bạn đã nhập 10 chữ số')

    await id.fill('')
    await id.focus()
    await page.keyboard.insertText('0 2 2 0 9 8 0 0 1 2 3 4')
    expect(await id.inputValue()).toBe('022098001234')
    await next(page)
    await page.locator('#root_nguoi_duoc_khai_sinh_ho_ten').waitFor()
  })

  it('refuses a birth date after today and a day that does not exist, saying which', async () => {
    await page.fill('#root_nguoi_duoc_khai_sinh_ho_ten', 'Nguyễn Minh Khôi')
    await page.check('#root_nguoi_duoc_khai_sinh_gioi_tinh-0')
    const birth = page.locator('#root_nguoi_duoc_khai_sinh_ngay_sinh')
    await birth.pressSequentially('31022026')
    expect(await birth.inputValue()).toBe('31/02/2026')
    await page.fill('#root_nguoi_duoc_khai_sinh_noi_sinh', 'Bệnh viện Sản Nhi Quảng Ninh')
    await page.check('#root_nguoi_duoc_khai_sinh_co_giay_chung_sinh-0')
    await page.fill('#root_nguoi_duoc_khai_sinh_dan_toc', 'Kinh')
    await page.fill('#root_nguoi_duoc_khai_sinh_que_quan', 'xã Quảng La, thành phố Hạ Long, tỉnh Quảng Ninh')
    await next(page)
    const birthError = errorOf(page, 'root_nguoi_duoc_khai_sinh_ngay_sinh')
    await expect
      .poll(() => birthError.innerText())
      .toContain('Ngày 31/02 không có thật: tháng 2 chỉ có 28 hoặc 29 ngày')
    await expect.poll(() => page.locator('.mc-error-summary').innerText()).toContain('Ngày 31/02 không có thật')
    await shot('validation-02-no-such-day', '#root_nguoi_duoc_khai_sinh_ngay_sinh__error')
    await axe()

    await birth.fill('')
    await birth.pressSequentially('01012099')
    await next(page)
    await expect.poll(() => birthError.innerText()).toContain(`Ngày sinh của con không thể sau hôm nay (${today()})`)
    expect(await birth.getAttribute('aria-invalid')).toBe('true')
    await shot('validation-03-future-birth', '#root_nguoi_duoc_khai_sinh_ngay_sinh__error')
    await axe()

    await birth.fill('')
    await birth.pressSequentially('01012020')
    await next(page)
    await page.locator('#root_me_ho_ten').waitFor()
  })

  it('sends the citizen back when the child would be born before its mother', async () => {
    await page.fill('#root_me_ho_ten', 'Trần Thị Mai')
    await page.locator('#root_me_ngay_sinh').pressSequentially('12032021')
    await page.fill('#root_me_dan_toc', 'Kinh')
    await page.fill('#root_me_noi_cu_tru', 'Số 12, tổ 5, khu 3, phường Hà Khánh, thành phố Hạ Long')
    await next(page)
    await page.locator('#root_cha_ho_ten').waitFor()
    await next(page) // the father is optional
    await page.locator('#root_cha_me_da_dang_ky_ket_hon-0').check()
    await next(page) // leaving the last form step checks the whole form, right after a change
    const birthError = errorOf(page, 'root_nguoi_duoc_khai_sinh_ngay_sinh')
    await expect
      .poll(() => birthError.innerText())
      .toContain('Ngày sinh của con phải sau ngày sinh của mẹ (12/03/2021)')
    await shot('validation-04-born-before-mother', '#root_nguoi_duoc_khai_sinh_ngay_sinh__error')
    await axe()
    expect(phone.errors).toEqual([])
  }, 90_000)
})

import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, chromiumAvailable, launchPhone, type Phone } from '../support/browser'
import { contrastRatio } from '../support/contrast'
import { repoRoot } from '../support/runtime-process'
import { type ServedRuntime, serveRuntime } from '../support/served-runtime'

// A citizen on a 360 px phone walks through "Đăng ký khai sinh" at Phường Hà Khánh (Hạ Long): axe-core finds nothing
// on any state of any page, every step change lands at the top on the step's heading with the tab's title saying
// where they are, "Sửa" on the review comes back to it, the lời cam đoan is asked for, a signed-in citizen finds
// their own details filled in and their name in the header.
const shots = join(repoRoot, 'test-artifacts', 'screenshots')
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')
const TOTAL = 7

describe.runIf(chromiumAvailable())('the portal on a phone, page state by page state', () => {
  let served: ServedRuntime
  let phone: Phone
  let page: Page
  const submissions: string[] = []
  let receipt: { code: string; pin: string }

  /** axe-core on the page as it is now: no violations at all. */
  const axe = async (state: string) => {
    const violations = await axeViolations(page)
    expect(violations, `${state} (${page.url()})`).toEqual([])
  }
  const shot = async (name: string, fullPage = false) => {
    const [scroll, client] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ])
    expect(scroll, `${name} scrolls sideways`).toBeLessThanOrEqual(client)
    await page.screenshot({ path: join(shots, `portal2-${name}.png`), fullPage })
  }
  const stepLabel = () => page.locator('.progress__label').innerText()
  const next = () => page.getByRole('button', { name: 'Tiếp tục' }).click()
  const atStep = (n: number) => expect.poll(stepLabel).toContain(`Bước ${n}/${TOTAL}`)
  const title = () => page.evaluate(() => document.title)
  const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '')
  /** A step just opened: at the top, its heading focused, the title saying which step of which procedure. */
  const landed = async (n: number, name: string) => {
    await atStep(n)
    await expect.poll(focusedId).toBe('step-title')
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0)
    expect(await title()).toMatch(new RegExp(`^Bước ${n}/${TOTAL}: ${name} – Đăng ký khai sinh`))
    // the heading reads out the step number too (visually hidden: the progress bar above shows it)
    expect(await page.locator('#step-title').textContent()).toBe(`Bước ${n}/${TOTAL}: ${name}`)
  }
  /** "Tiếp tục" on a step left empty: errors shown, marked in the title, and nothing for axe to find. */
  const emptyStepErrors = async (n: number, state: string) => {
    await next()
    await page.locator('.mc-error-summary').waitFor()
    await expect.poll(title).toMatch(new RegExp(`^Lỗi: Bước ${n}/${TOTAL}: `))
    await axe(`${state} with errors`)
  }
  const scrollDown = () => page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true })
    served = await serveRuntime()
    phone = await launchPhone()
    page = phone.page
    page.setDefaultTimeout(20_000)
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/dossiers') submissions.push(r.url())
    })
  }, 180_000)

  afterAll(async () => {
    await phone?.close()
    await served?.close()
  })

  it('home and procedure page', async () => {
    await page.goto(served.url)
    await page.locator('.card').first().waitFor()
    expect(await page.getByTestId('signed-in-as').count()).toBe(0) // nobody signed in: no name in the header
    await axe('home')
    await shot('01-home')
    await page.getByLabel('Tìm thủ tục').fill('dang ky khai sinh')
    await page.getByRole('link', { name: 'Đăng ký khai sinh', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor()
    await page.getByLabel('Huyện, thị xã, thành phố').selectOption({ label: 'Thành phố Hạ Long' })
    await page.getByLabel('Xã, phường, thị trấn').selectOption({ label: 'Phường Hà Khánh' })
    await axe('procedure page')
    await shot('02-procedure')
    await page.getByRole('button', { name: 'Nộp hồ sơ trực tuyến' }).click()
    await page.locator('#root_nguoi_yeu_cau_ho_ten').waitFor()
  }, 120_000)

  it('each step with and without errors; every step change lands on its heading at the top', async () => {
    expect(await title()).toMatch(/^Bước 1\/7: Người đi đăng ký khai sinh – Đăng ký khai sinh/)
    await axe('step 1')
    await emptyStepErrors(1, 'step 1')
    await shot('03-step1-errors')
    await page.fill('#root_nguoi_yeu_cau_ho_ten', 'Nguyễn Văn Hùng')
    await page.fill('#root_nguoi_yeu_cau_so_dinh_danh', '022095001234')
    await page.selectOption('#root_nguoi_yeu_cau_quan_he', { label: 'Cha' })
    await page.fill('#root_nguoi_yeu_cau_so_dien_thoai', '0912345678')
    await page.fill('#root_nguoi_yeu_cau_noi_cu_tru', 'Số 12, tổ 5, khu 3, phường Hà Khánh, thành phố Hạ Long')
    // the errors follow the corrections, and the title loses its "Lỗi:"
    await expect.poll(title, { timeout: 5_000 }).toMatch(/^Bước 1\/7: /)
    await scrollDown()
    await next()
    await landed(2, 'Người được khai sinh')
    await shot('04-step2-landed')
    await axe('step 2')
    await emptyStepErrors(2, 'step 2')

    // "Quay lại" lands the same way
    await scrollDown()
    await page.getByRole('button', { name: 'Quay lại' }).click()
    await landed(1, 'Người đi đăng ký khai sinh')
    await scrollDown()
    await next()
    await landed(2, 'Người được khai sinh')

    await page.fill('#root_nguoi_duoc_khai_sinh_ho_ten', 'Nguyễn Minh Khôi')
    await page.check('#root_nguoi_duoc_khai_sinh_gioi_tinh-0')
    await page.locator('#root_nguoi_duoc_khai_sinh_ngay_sinh').pressSequentially('05112026')
    await page.fill('#root_nguoi_duoc_khai_sinh_noi_sinh', 'Bệnh viện Sản Nhi Quảng Ninh')
    await page.check('#root_nguoi_duoc_khai_sinh_co_giay_chung_sinh-0')
    await page.fill('#root_nguoi_duoc_khai_sinh_dan_toc', 'Kinh')
    await page.fill('#root_nguoi_duoc_khai_sinh_que_quan', 'xã Quảng La, thành phố Hạ Long, tỉnh Quảng Ninh')
    await scrollDown()
    await next()
    await landed(3, 'Thông tin người mẹ')
    await axe('step 3')
    await emptyStepErrors(3, 'step 3')
    await page.fill('#root_me_ho_ten', 'Trần Thị Mai')
    await page.locator('#root_me_ngay_sinh').pressSequentially('12031997')
    await page.fill('#root_me_dan_toc', 'Kinh')
    await page.fill('#root_me_noi_cu_tru', 'Số 12, tổ 5, khu 3, phường Hà Khánh, thành phố Hạ Long')
    await scrollDown()
    await next()
    await landed(4, 'Thông tin người cha')
    await axe('step 4 (optional: no error state)')
    await next()
    await atStep(5)
    await axe('step 5')
    await emptyStepErrors(5, 'step 5')
    await page.check('#root_cha_me_da_dang_ky_ket_hon-0')
    await page.fill('#root_so_ban_sao', '1')
    await next()
    await landed(6, 'Giấy tờ đính kèm')
    await axe('attachments')
    await next()
    await expect.poll(() => page.locator('#attachment-giay_chung_sinh .field-error').innerText()).toContain('Vui lòng')
    await expect.poll(title).toMatch(/^Lỗi: Bước 6\/7: /)
    await axe('attachments with errors')
    await page.setInputFiles('#file-giay_chung_sinh', {
      name: 'giay-chung-sinh.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    })
    await scrollDown()
    await next()
    await landed(7, 'Xem lại và nộp')
  }, 300_000)

  it('shows the review with bordered inputs, and asks for the lời cam đoan before submitting', async () => {
    await axe('review')
    // the applicant's inputs stand out from the page: a border, 3:1 against white (WCAG 1.4.11)
    const border = await page.locator('#applicant-fullName').evaluate((input) => {
      const style = getComputedStyle(input)
      return {
        width: Number.parseFloat(style.borderTopWidth),
        style: style.borderTopStyle,
        colour: style.borderTopColor,
      }
    })
    expect(border.width).toBeGreaterThan(0)
    expect(border.style).toBe('solid')
    expect(contrastRatio(border.colour, '#ffffff')).toBeGreaterThanOrEqual(3)
    await shot('05-review', true)

    const declaration = page.getByRole('checkbox', {
      name: /^Tôi xin cam đoan những thông tin khai trên là đúng sự thật/,
    })
    expect(await declaration.isChecked()).toBe(false)
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click()
    await expect
      .poll(() => page.locator('#declaration-error').innerText())
      .toContain('Vui lòng đánh dấu vào ô cam đoan')
    await expect.poll(focusedId).toBe('declaration')
    await expect.poll(title).toMatch(/^Lỗi: Bước 7\/7: /)
    expect(submissions).toEqual([]) // refused in the browser: nothing sent
    expect(await declaration.getAttribute('aria-describedby')).toBe('declaration-error')
    await axe('review with the declaration missing')
    await page.locator('.declaration').scrollIntoViewIfNeeded()
    await shot('06-review-declaration-error')
  }, 120_000)

  it('"Sửa" takes the citizen to the step and straight back to the review with the change', async () => {
    await page.getByRole('button', { name: /^Sửa\W*Thông tin người mẹ$/ }).click()
    await landed(3, 'Thông tin người mẹ')
    const back = page.getByRole('button', { name: 'Quay lại trang kiểm tra' })
    expect(await page.getByRole('button', { name: 'Tiếp tục' }).count()).toBe(0)
    await page.fill('#root_me_ho_ten', 'Trần Thị Mai Anh')
    await shot('07-edit-step')
    await back.click()
    await landed(7, 'Xem lại và nộp')
    expect(await page.locator('.review-block').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('Trần Thị Mai Anh')]),
    )
    // a step edited with an error on it stays there until it is right
    await page.getByRole('button', { name: /^Sửa\W*Thông tin người mẹ$/ }).click()
    await landed(3, 'Thông tin người mẹ')
    await page.fill('#root_me_ho_ten', '')
    await page.getByRole('button', { name: 'Quay lại trang kiểm tra' }).click()
    await page.locator('.mc-error-summary').waitFor()
    expect(await stepLabel()).toContain('Bước 3/7')
    await page.fill('#root_me_ho_ten', 'Trần Thị Mai Anh')
    await page.getByRole('button', { name: 'Quay lại trang kiểm tra' }).click()
    await landed(7, 'Xem lại và nộp')
  }, 120_000)

  it('files it once the declaration is ticked: the receipt, then tracking with code and PIN', async () => {
    await page.check('#declaration')
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click()
    await page.getByTestId('receipt-code').waitFor()
    receipt = {
      code: (await page.getByTestId('receipt-code').innerText()).trim(),
      pin: (await page.getByTestId('receipt-pin').innerText()).trim(),
    }
    expect(submissions).toHaveLength(1)
    await axe('receipt')
    await shot('08-receipt', true)

    await page.goto(`${served.url}/tra-cuu`)
    await axe('tracking, empty')
    await page.getByLabel('Mã hồ sơ').fill(receipt.code)
    await page.getByLabel('Mã tra cứu (PIN), không bắt buộc').fill(receipt.pin)
    await page.getByRole('button', { name: 'Tra cứu' }).first().click()
    await page.locator('#details-title').waitFor()
    await axe('tracking with the PIN')
    await shot('09-tracking', true)
  }, 120_000)

  it('signs in: the header names the citizen, My dossiers, and their own details filled in', async () => {
    await page.goto(`${served.url}/dang-nhap`)
    await page.getByLabel('Tên đăng nhập').waitFor()
    await axe('sign-in page')
    await shot('10-sign-in')
    await page.getByLabel('Tên đăng nhập').fill('congdan')
    await page.getByLabel('Mật khẩu', { exact: true }).fill(served.password)
    await page.getByRole('button', { name: 'Đăng nhập' }).last().click()
    await page.getByRole('heading', { name: 'Hồ sơ của tôi' }).waitFor()
    // the given name on a phone, the full name for screen readers, the way out beside it
    const account = page.getByTestId('signed-in-as')
    expect(await account.locator('.site-account__short').innerText()).toBe('An')
    expect((await account.locator('.site-account__full').boundingBox())!.width).toBeLessThanOrEqual(1)
    expect(await account.textContent()).toContain('Đã đăng nhập: Nguyễn Văn An')
    expect(await account.evaluate((el) => el.parentElement?.querySelector('button')?.textContent)).toBe('Đăng xuất')
    await axe('my dossiers')
    await shot('11-my-dossiers')

    await page.goto(`${served.url}/thu-tuc/1.001193/nop-ho-so?don-vi=06649`)
    await page.locator('#root_nguoi_yeu_cau_ho_ten').waitFor()
    await expect.poll(() => page.inputValue('#root_nguoi_yeu_cau_ho_ten')).toBe('Nguyễn Văn An')
    expect(await page.inputValue('#root_nguoi_yeu_cau_so_dinh_danh')).toBe('022090001234')
    expect(await page.inputValue('#root_nguoi_yeu_cau_so_dien_thoai')).toBe('0912345678')
    expect(await page.inputValue('#root_nguoi_yeu_cau_email')).toBe('') // the account has none
    const nameField = page.locator('.mc-field', { has: page.locator('#root_nguoi_yeu_cau_ho_ten') }).last()
    expect(await nameField.innerText()).toContain('Điền sẵn từ tài khoản của bạn')
    expect(await page.locator('.mc-prefilled').count()).toBe(3)
    await axe('form pre-filled from the account')
    await shot('12-prefilled-from-account', true)
    expect(phone.errors.filter((e) => !e.startsWith('Failed to load resource'))).toEqual([])
  }, 120_000)

  it('the title says the step in English too', async () => {
    await page.getByRole('button', { name: 'Switch to English' }).click()
    await expect.poll(title).toMatch(/^Step 1 of 7: .+ – /)
    await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click()
  }, 60_000)
})

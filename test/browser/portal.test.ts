import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type ProcedureDefinition, requiredComponents } from '@motcua/core'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Phone, chromiumAvailable, launchPhone } from '../support/browser'
import { type RuntimeProcess, repoRoot, startRuntimeProcess, stopRuntimeProcess } from '../support/runtime-process'

// A citizen on a 360 px phone, against the built runtime (a real process on a fresh PGlite folder).
const shots = join(repoRoot, 'test-artifacts', 'screenshots')
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(repoRoot, path), 'utf8'))
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')

async function noHorizontalScroll(page: Page): Promise<void> {
  const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth])
  expect(scroll, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(client)
}

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await noHorizontalScroll(page)
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage })
}

const next = (page: Page) => page.getByRole('button', { name: 'Tiếp tục' }).click()
const stepLabel = (page: Page) => page.locator('.progress__label').innerText()

describe.runIf(chromiumAvailable())('the citizen portal on a phone', () => {
  let runtime: RuntimeProcess
  let phone: Phone
  let page: Page
  let dataDir: string
  const receipts: { code: string; pin: string }[] = []

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true })
    dataDir = mkdtempSync(join(tmpdir(), 'motcua-portal-'))
    // No plugins (an empty PLUGINS_DIR): the portal needs none, and their builds are not part of the server's.
    mkdirSync(join(dataDir, 'no-plugins'))
    runtime = await startRuntimeProcess({ ...process.env, DATABASE_URL: '', DATA_DIR: join(dataDir, 'db'), PLUGINS_DIR: join(dataDir, 'no-plugins'), TRACK_RATE_LIMIT: '1000' })
    phone = await launchPhone()
    page = phone.page
    page.setDefaultTimeout(15_000)
  }, 120_000)

  afterAll(async () => {
    await phone?.close()
    if (runtime) await stopRuntimeProcess(runtime)
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('finds a procedure without diacritics and shows what to bring, where and how long', async () => {
    await page.goto(runtime.url)
    await page.locator('.card').first().waitFor()
    await shot(page, '01-home')
    await page.getByLabel('Tìm thủ tục').fill('dang ky khai sinh')
    const results = page.locator('#results .card__title')
    await expect.poll(() => results.allInnerTexts()).toContain('Đăng ký khai sinh')
    await page.getByRole('link', { name: 'Đăng ký khai sinh', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor()
    await expect.poll(() => page.locator('.components').innerText()).toContain('Bản chính Giấy chứng sinh')
    expect(await page.locator('.facts').innerText()).toMatch(/Cấp xã[\s\S]*Hộ tịch/)
    await page.getByLabel('Huyện, thị xã, thành phố').selectOption({ label: 'Thành phố Hạ Long' })
    await page.getByLabel('Xã, phường, thị trấn').selectOption({ label: 'Phường Hà Khánh' })
    await shot(page, '02-procedure')
    await page.getByRole('button', { name: 'Nộp hồ sơ trực tuyến' }).click()
    await page.locator('#root_nguoi_yeu_cau_ho_ten').waitFor()
    expect(page.url()).toContain('don-vi=06649')
    expect(await page.inputValue('#root_nguoi_yeu_cau_quan_he')).toBe('') // nothing chosen for the citizen
  })

  it('puts a Vietnamese error beside the right field, and keeps a draft across a reload', async () => {
    await next(page)
    // The error sits right under its input, which points at it (aria-describedby) and is marked invalid.
    const nameError = page.locator('#root_nguoi_yeu_cau_ho_ten__error')
    await expect.poll(() => nameError.innerText()).toContain('Vui lòng nhập thông tin bắt buộc này')
    expect(await page.getAttribute('#root_nguoi_yeu_cau_ho_ten', 'aria-describedby')).toContain('root_nguoi_yeu_cau_ho_ten__error')
    expect(await page.evaluate(() => document.querySelector('#root_nguoi_yeu_cau_ho_ten')!.nextElementSibling?.id)).toBe('root_nguoi_yeu_cau_ho_ten__error')
    await expect.poll(() => page.locator('.mc-error-summary').innerText()).toMatch(/Vui lòng sửa \d+ thông tin/)
    await page.fill('#root_nguoi_yeu_cau_ho_ten', 'Nguyễn Văn Hùng')
    await page.fill('#root_nguoi_yeu_cau_so_dinh_danh', '12 345')
    expect(await page.inputValue('#root_nguoi_yeu_cau_so_dinh_danh')).toBe('12345') // digits only, as typed
    expect(await page.getAttribute('#root_nguoi_yeu_cau_so_dinh_danh', 'inputmode')).toBe('numeric')
    await next(page)
    const idError = page.locator('#root_nguoi_yeu_cau_so_dinh_danh__error')
    await expect.poll(() => idError.innerText()).toContain('Số căn cước gồm 12 chữ số')
    await expect.poll(() => nameError.count()).toBe(0) // fixed, so its error went away
    expect(await page.getAttribute('#root_nguoi_yeu_cau_so_dinh_danh', 'aria-invalid')).toBe('true')
    await idError.scrollIntoViewIfNeeded()
    await shot(page, '03-form-error')

    await page.fill('#root_nguoi_yeu_cau_so_dinh_danh', '022095001234')
    await page.selectOption('#root_nguoi_yeu_cau_quan_he', { label: 'Cha' })
    await page.fill('#root_nguoi_yeu_cau_so_dien_thoai', '0912 345 678')
    await page.fill('#root_nguoi_yeu_cau_email', 'hung@example.com')
    await page.fill('#root_nguoi_yeu_cau_noi_cu_tru', 'Số 12, tổ 5, khu 3, phường Hà Khánh, thành phố Hạ Long')
    await next(page)
    await expect.poll(() => stepLabel(page)).toContain('Bước 2/7')
    await page.fill('#root_nguoi_duoc_khai_sinh_ho_ten', 'Nguyễn Minh Khôi')
    await page.check('#root_nguoi_duoc_khai_sinh_gioi_tinh-0')
    await page.locator('#root_nguoi_duoc_khai_sinh_ngay_sinh').pressSequentially('20112026')
    expect(await page.inputValue('#root_nguoi_duoc_khai_sinh_ngay_sinh')).toBe('20/11/2026')
    await page.waitForTimeout(700) // the draft is saved 400 ms after the last keystroke

    await page.reload()
    await page.locator('#root_nguoi_duoc_khai_sinh_ho_ten').waitFor()
    expect(await stepLabel(page)).toContain('Bước 2/7')
    expect(await page.inputValue('#root_nguoi_duoc_khai_sinh_ho_ten')).toBe('Nguyễn Minh Khôi')
    expect(await page.inputValue('#root_nguoi_duoc_khai_sinh_ngay_sinh')).toBe('20/11/2026')
    expect(await page.isChecked('#root_nguoi_duoc_khai_sinh_gioi_tinh-0')).toBe(true)
    await page.getByRole('button', { name: 'Quay lại' }).click()
    expect(await page.inputValue('#root_nguoi_yeu_cau_ho_ten')).toBe('Nguyễn Văn Hùng')
    await next(page)
  })

  it('files a birth registration with its birth certificate and shows the receipt', async () => {
    expect(await page.isChecked('#root_nguoi_duoc_khai_sinh_co_giay_chung_sinh-1')).toBe(false)
    await page.fill('#root_nguoi_duoc_khai_sinh_noi_sinh', 'Bệnh viện Sản Nhi Quảng Ninh')
    await page.check('#root_nguoi_duoc_khai_sinh_co_giay_chung_sinh-0')
    await page.fill('#root_nguoi_duoc_khai_sinh_dan_toc', 'Kinh')
    await page.fill('#root_nguoi_duoc_khai_sinh_que_quan', 'xã Quảng La, thành phố Hạ Long, tỉnh Quảng Ninh')
    await next(page)
    await expect.poll(() => stepLabel(page)).toContain('Bước 3/7')
    await page.fill('#root_me_ho_ten', 'Trần Thị Mai')
    await page.locator('#root_me_ngay_sinh').pressSequentially('12031997')
    await page.fill('#root_me_dan_toc', 'Kinh')
    await page.fill('#root_me_noi_cu_tru', 'Số 12, tổ 5, khu 3, phường Hà Khánh, thành phố Hạ Long')
    await next(page)
    await expect.poll(() => stepLabel(page)).toContain('Bước 4/7')
    await next(page) // the father is optional
    await expect.poll(() => stepLabel(page)).toContain('Bước 5/7')
    await page.check('#root_cha_me_da_dang_ky_ket_hon-0')
    await page.fill('#root_so_ban_sao', '2')
    await next(page)
    await expect.poll(() => stepLabel(page)).toContain('Bước 6/7: Giấy tờ đính kèm')
    await next(page) // the birth certificate is required when there is one
    await expect.poll(() => page.locator('#attachment-giay_chung_sinh .field-error').innerText()).toContain('Vui lòng đính kèm giấy tờ này')
    await page.setInputFiles('#file-giay_chung_sinh', { name: 'giay-chung-sinh.txt', mimeType: 'text/plain', buffer: Buffer.from('not a pdf') })
    await expect.poll(() => page.locator('#attachment-giay_chung_sinh .field-error').innerText()).toContain('không đúng định dạng')
    await page.setInputFiles('#file-giay_chung_sinh', { name: 'giay-chung-sinh.pdf', mimeType: 'application/pdf', buffer: PDF })
    await expect.poll(() => page.locator('#attachment-giay_chung_sinh .attachment__filename').innerText()).toBe('giay-chung-sinh.pdf')
    await next(page)
    await expect.poll(() => stepLabel(page)).toContain('Bước 7/7: Xem lại và nộp')
    expect(await page.inputValue('#applicant-fullName')).toBe('Nguyễn Văn Hùng')
    expect(await page.locator('.review-block').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('20/11/2026')]))
    expect(await page.locator('.fees tfoot').innerText()).toContain('16.000 đ')
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click()
    const code = page.getByTestId('receipt-code')
    await code.waitFor()
    const receipt = { code: (await code.innerText()).trim(), pin: (await page.getByTestId('receipt-pin').innerText()).trim() }
    receipts.push(receipt)
    expect(receipt.code).toMatch(/^000\.\d{2}\.\d{2}\.H49-\d{6}-\d{4}$/)
    expect(receipt.pin).toMatch(/^\d{8}$/)
    expect(await page.locator('svg.qr path').getAttribute('d')).toMatch(/^M\d/)
    expect(await page.locator('.receipt .fees').innerText()).toContain('16.000 đ')
    await shot(page, '04-receipt', true)
    // The draft is gone once filed.
    expect(await page.evaluate(() => localStorage.getItem('motcua.draft.1.001193'))).toBeNull()
  })

  it('tracks the dossier by code, and shows the declaration with the PIN', async () => {
    const { code, pin } = receipts[0]!
    await page.goto(`${runtime.url}/tra-cuu`)
    await page.getByLabel('Mã hồ sơ').fill(code.toLowerCase())
    await page.getByRole('button', { name: 'Tra cứu' }).first().click()
    await page.locator('.status').first().waitFor()
    expect(await page.locator('#status-title + .status-line').innerText()).toBe('Mới đăng ký')
    expect(await page.locator('.timeline').innerText()).toContain('Nộp hồ sơ')
    expect(await page.locator('#details-title').count()).toBe(0)
    await page.locator('#pin').fill(pin)
    await page.getByRole('button', { name: 'Xem thông tin đã khai' }).click()
    await page.locator('#details-title').waitFor()
    await expect.poll(() => page.locator('.mc-summary').first().innerText()).toContain('Nguyễn Minh Khôi')
    expect(await page.locator('main').innerText()).toContain('giay-chung-sinh.pdf')
    await shot(page, '05-tracking', true)
  })

  async function fileFromSample(folder: string, unitCode: string, options: { doubleClick?: boolean } = {}) {
    const definition = readJson(`procedures/${folder}/procedure.json`) as ProcedureDefinition
    const formData = readJson(`procedures/${folder}/sample.json`) as Record<string, unknown>
    await page.goto(`${runtime.url}/thu-tuc/${definition.code}`)
    await page.getByRole('heading', { level: 1 }).waitFor()
    // A draft saved on the device earlier (here: the library's sample) is offered and resumed.
    await page.evaluate(
      ([code, data, unit]) => localStorage.setItem(`motcua.draft.${code}`, JSON.stringify({ procedureCode: code, formData: data, unitCode: unit, savedAt: new Date().toISOString() })),
      [definition.code, formData, unitCode] as const,
    )
    await page.goto(`${runtime.url}/thu-tuc/${definition.code}/nop-ho-so?don-vi=${unitCode}`)
    await page.locator('.progress__label').waitFor()
    expect(await page.locator('main').innerText()).toContain('Đã mở lại bản nháp')
    const total = Number(/\/(\d+)/.exec(await stepLabel(page))![1])
    for (let step = 2; step <= total - 1; step++) {
      await next(page)
      await expect.poll(() => stepLabel(page), { message: `${folder}: step ${step}` }).toContain(`Bước ${step}/${total}`)
    }
    for (const component of requiredComponents(definition, formData)) {
      await page.setInputFiles(`#file-${component.key}`, { name: `${component.key}.pdf`, mimeType: 'application/pdf', buffer: PDF })
    }
    await next(page)
    await expect.poll(() => stepLabel(page)).toContain(`Bước ${total}/${total}`)
    const submit = page.getByRole('button', { name: 'Nộp hồ sơ' })
    if (options.doubleClick) await submit.dblclick()
    else await submit.click()
    await page.getByTestId('receipt-code').waitFor()
    receipts.push({ code: await page.getByTestId('receipt-code').innerText(), pin: await page.getByTestId('receipt-pin').innerText() })
    return definition
  }

  it('files a certified copy (a list of documents) from a resumed draft', async () => {
    await fileFromSample('chung-thuc-ban-sao-tu-ban-chinh', '06649')
    expect(receipts[1]!.code).toMatch(/-\d{4}$/)
  })

  it('signs in, files a criminal record request once despite a double click, and finds it in My dossiers', async () => {
    await page.goto(`${runtime.url}/dang-nhap`)
    await page.getByLabel('Tên đăng nhập').fill('congdan')
    await page.getByLabel('Mật khẩu', { exact: true }).fill('motcua-demo')
    await page.getByRole('button', { name: 'Đăng nhập' }).last().click()
    await page.getByRole('heading', { name: 'Hồ sơ của tôi' }).waitFor()
    const definition = await fileFromSample('cap-phieu-ly-lich-tu-phap', 'STP', { doubleClick: true })
    await page.getByRole('link', { name: 'Hồ sơ của tôi' }).click()
    await page.locator('#dossiers-title').waitFor()
    await expect.poll(() => page.locator('.card .code').allInnerTexts()).toEqual([receipts[2]!.code])
    expect(await page.locator('main').innerText()).toContain(definition.name)
    await shot(page, '06-my-dossiers')
    // No script error anywhere (a 404 for "no draft saved in the account yet" is expected and only logged).
    expect(phone.errors.filter((e) => !e.startsWith('Failed to load resource'))).toEqual([])
  })

  it('switches to English and remembers it', async () => {
    await page.goto(runtime.url)
    await page.getByRole('button', { name: 'Switch to English' }).click()
    await page.getByRole('heading', { level: 1, name: 'What do you need to do?' }).waitFor()
    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'What do you need to do?' }).waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click()
  })
})

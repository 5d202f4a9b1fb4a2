import { createHmac } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type ProcedureDefinition, requiredComponents } from '@motcua/core'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumAvailable, launchPhone, type Phone } from '../support/browser'
import { officersOf } from '../support/officers'
import { type RuntimeProcess, repoRoot, startRuntimeProcess, stopRuntimeProcess } from '../support/runtime-process'

// A citizen on a 360 px phone, against the built runtime (a real process on a fresh PGlite folder).
const shots = join(repoRoot, 'test-artifacts', 'screenshots')
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(repoRoot, path), 'utf8'))
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')

async function noHorizontalScroll(page: Page): Promise<void> {
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ])
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
    // The shipped plugins (built by the global setup), for the VietQR payment; each is off until a unit enables it.
    runtime = await startRuntimeProcess({
      ...process.env,
      DATABASE_URL: '',
      DATA_DIR: join(dataDir, 'db'),
      PLUGINS_DIR: join(repoRoot, 'plugins'),
      TRACK_RATE_LIMIT: '1000',
    })
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
    expect(await page.getAttribute('#root_nguoi_yeu_cau_ho_ten', 'aria-describedby')).toContain(
      'root_nguoi_yeu_cau_ho_ten__error',
    )
    expect(
      await page.evaluate(() => document.querySelector('#root_nguoi_yeu_cau_ho_ten')!.nextElementSibling?.id),
    ).toBe('root_nguoi_yeu_cau_ho_ten__error')
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
    await expect
      .poll(() => page.locator('#attachment-giay_chung_sinh .field-error').innerText())
      .toContain('Vui lòng đính kèm giấy tờ này')
    await page.setInputFiles('#file-giay_chung_sinh', {
      name: 'giay-chung-sinh.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('not a pdf'),
    })
    await expect
      .poll(() => page.locator('#attachment-giay_chung_sinh .field-error').innerText())
      .toContain('không đúng định dạng')
    await page.setInputFiles('#file-giay_chung_sinh', {
      name: 'giay-chung-sinh.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    })
    await expect
      .poll(() => page.locator('#attachment-giay_chung_sinh .attachment__filename').innerText())
      .toBe('giay-chung-sinh.pdf')
    await next(page)
    await expect.poll(() => stepLabel(page)).toContain('Bước 7/7: Xem lại và nộp')
    expect(await page.inputValue('#applicant-fullName')).toBe('Nguyễn Văn Hùng')
    expect(await page.locator('.review-block').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('20/11/2026')]),
    )
    expect(await page.locator('.fees tfoot').innerText()).toContain('16.000 đ')
    await page.check('#declaration') // the lời cam đoan
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click()
    const code = page.getByTestId('receipt-code')
    await code.waitFor()
    const receipt = {
      code: (await code.innerText()).trim(),
      pin: (await page.getByTestId('receipt-pin').innerText()).trim(),
    }
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

  async function fileFromSample(
    folder: string,
    unitCode: string,
    options: { doubleClick?: boolean; beforeSubmit?: () => Promise<void> } = {},
  ) {
    const definition = readJson(`procedures/${folder}/procedure.json`) as ProcedureDefinition
    const formData = readJson(`procedures/${folder}/sample.json`) as Record<string, unknown>
    await page.goto(`${runtime.url}/thu-tuc/${definition.code}`)
    await page.getByRole('heading', { level: 1 }).waitFor()
    // A draft saved on the device earlier (here: the library's sample) is offered and resumed.
    await page.evaluate(
      ([code, data, unit]) =>
        localStorage.setItem(
          `motcua.draft.${code}`,
          JSON.stringify({ procedureCode: code, formData: data, unitCode: unit, savedAt: new Date().toISOString() }),
        ),
      [definition.code, formData, unitCode] as const,
    )
    await page.goto(`${runtime.url}/thu-tuc/${definition.code}/nop-ho-so?don-vi=${unitCode}`)
    await page.locator('.progress__label').waitFor()
    expect(await page.locator('main').innerText()).toContain('Đã mở lại bản nháp')
    const total = Number(/\/(\d+)/.exec(await stepLabel(page))![1])
    for (let step = 2; step <= total - 1; step++) {
      await next(page)
      await expect
        .poll(() => stepLabel(page), { message: `${folder}: step ${step}` })
        .toContain(`Bước ${step}/${total}`)
    }
    for (const component of requiredComponents(definition, formData)) {
      await page.setInputFiles(`#file-${component.key}`, {
        name: `${component.key}.pdf`,
        mimeType: 'application/pdf',
        buffer: PDF,
      })
    }
    await next(page)
    await expect.poll(() => stepLabel(page)).toContain(`Bước ${total}/${total}`)
    await page.check('#declaration') // the lời cam đoan
    await options.beforeSubmit?.()
    const submit = page.getByRole('button', { name: 'Nộp hồ sơ' })
    if (options.doubleClick) await submit.dblclick()
    else await submit.click()
    await page.getByTestId('receipt-code').waitFor()
    receipts.push({
      code: await page.getByTestId('receipt-code').innerText(),
      pin: await page.getByTestId('receipt-pin').innerText(),
    })
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

  // Officers and the administrator act through the API, with the bearer token of a demo account.
  const { as, deskDossier, act } = officersOf(() => runtime.url)
  /** The tracking page, as the citizen opens it: code and PIN in the form at /tra-cuu. */
  async function openTracking(code: string, pin: string): Promise<void> {
    await page.goto(`${runtime.url}/tra-cuu`)
    await page.getByLabel('Mã hồ sơ').fill(code)
    await page.getByLabel('Mã tra cứu (PIN), không bắt buộc').fill(pin)
    await page.getByRole('button', { name: 'Tra cứu' }).first().click()
    await page.locator('#details-title').waitFor()
  }
  const statusText = () => page.locator('#status-title + .status-line').innerText()
  /** What the PIN view says an action carried (`data`), which the page shows: the items to supplement, the amount to pay. */
  async function trackedData(code: string, pin: string, action: string): Promise<Record<string, unknown> | undefined> {
    const tracked = (await (
      await fetch(`${runtime.url}/api/track/${code}`, { headers: { 'x-lookup-pin': pin } })
    ).json()) as { timeline: { action: string; data?: Record<string, unknown> }[] }
    const data = tracked.timeline.findLast((e) => e.action === action)?.data ?? undefined
    expect(
      data,
      `GET /api/track/:code with the PIN must give the ${action} entry its data (runtime/src/routes/dossiers.ts: timeline entries carry { note, data } with the PIN)`,
    ).toBeDefined()
    return data
  }

  it('answers a supplement request: sees what is missing, sends a PDF for a component, and the officer gets it', async () => {
    await fileFromSample('dang-ky-khai-sinh', '06649')
    const { code, pin } = receipts.at(-1)!
    await act('tiepnhan.06649', code, 'receive')
    await act('chuyenvien.06649', code, 'requestSupplement', { missingItems: ['Bản sao căn cước của người yêu cầu'] })
    expect(await trackedData(code, pin, 'requestSupplement')).toMatchObject({
      missingItems: ['Bản sao căn cước của người yêu cầu'],
    })

    await openTracking(code, pin)
    expect(await statusText()).toBe('Yêu cầu bổ sung giấy tờ')
    const todo = page.locator('.todo')
    expect(await todo.innerText()).toContain('Cơ quan giải quyết đề nghị bổ sung:')
    expect(await page.getByTestId('missing-items').locator('li').allInnerTexts()).toEqual([
      'Bản sao căn cước của người yêu cầu',
    ])
    expect(await page.locator('main').innerText()).not.toContain('chưa hỗ trợ')

    // Checked before anything is sent: the type from the content, the error beside the file.
    await page.setInputFiles('#supplement-file-1', {
      name: 'can-cuoc.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('not a pdf'),
    })
    await expect
      .poll(() => page.locator('#supplement-row-1 .field-error').innerText())
      .toContain('không đúng định dạng')
    await page.setInputFiles('#supplement-file-1', { name: 'can-cuoc.pdf', mimeType: 'application/pdf', buffer: PDF })
    await expect.poll(() => page.locator('#supplement-row-1 .attachment__filename').innerText()).toBe('can-cuoc.pdf')
    expect(await page.locator('#supplement-row-1 .field-error').count()).toBe(0)
    // A file must say which document it is.
    await page.getByRole('button', { name: 'Gửi giấy tờ bổ sung' }).click()
    await expect
      .poll(() => page.locator('#supplement-row-1 .field-error').innerText())
      .toContain('Vui lòng chọn giấy tờ')
    await page.locator('#supplement-row-1').evaluate((row) => row.scrollIntoView({ block: 'start' }))
    await shot(page, '07-supplement-error')
    await page.selectOption('#supplement-component-1', 'giay_to_nhan_than')
    await page.getByLabel('Ghi chú cho cán bộ (không bắt buộc)').fill('Đã bổ sung bản sao căn cước của người yêu cầu.')
    await page.locator('.todo').evaluate((todo) => todo.scrollIntoView({ block: 'start' }))
    await shot(page, '07-supplement-form')
    await shot(page, '07-supplement-form-full', true)

    await page.getByRole('button', { name: 'Gửi giấy tờ bổ sung' }).click()
    const sent = page.getByTestId('supplement-sent')
    await sent.waitFor()
    expect(await sent.innerText()).toContain('Cán bộ sẽ kiểm tra')
    await expect.poll(() => page.locator('.timeline').innerText()).toContain('Công dân nộp bổ sung giấy tờ')
    expect(await statusText()).toBe('Yêu cầu bổ sung giấy tờ') // until the officer takes it
    await expect.poll(() => page.getByTestId('own-files').innerText()).toContain('can-cuoc.pdf')
    await sent.scrollIntoViewIfNeeded()
    await shot(page, '08-supplement-sent')

    const desk = await deskDossier('chuyenvien.06649', code)
    expect(desk.attachments).toContainEqual(
      expect.objectContaining({ kind: 'supplement', componentKey: 'giay_to_nhan_than', fileName: 'can-cuoc.pdf' }),
    )
    expect(desk.actions.map((a) => a.type)).toContain('acceptSupplement')
  })

  it('says where to pay until the unit takes VietQR, then shows the code and updates itself once the bank confirms', async () => {
    await fileFromSample('dang-ky-khai-sinh', '06649')
    const { code, pin } = receipts.at(-1)!
    await act('tiepnhan.06649', code, 'requestPayment', { amount: 100_000 })
    expect(await trackedData(code, pin, 'requestPayment')).toMatchObject({ amount: 100_000 })

    await openTracking(code, pin)
    expect(await statusText()).toBe('Yêu cầu thực hiện nghĩa vụ tài chính')
    expect(await page.locator('.todo').innerText()).toContain('Cơ quan giải quyết đề nghị nộp phí, lệ phí: 100.000 đ.')
    await expect
      .poll(() => page.getByTestId('payment-counter').innerText())
      .toContain('Vui lòng nộp phí tại Bộ phận tiếp nhận và trả kết quả')

    const webhookSecret = 'bi-mat-webhook-ha-khanh-2026'
    const enabled = await as('admin', '/api/admin/units/06649/plugins/vietnam-qr-pay', {
      method: 'PUT',
      body: {
        enabled: true,
        config: {
          bankBin: '970415',
          accountNumber: '0011001932418',
          accountName: 'UBND PHUONG HA KHANH',
          webhookSecret,
        },
      },
    })
    expect(enabled.status, await enabled.clone().text()).toBe(200)
    await page.reload() // the PIN stays with this page (history state), not in its address
    const qr = page.locator('.payment svg.qr')
    await qr.waitFor()
    expect(await qr.locator('path').getAttribute('d')).toMatch(/^M\d/)
    expect(await page.getByTestId('payment-amount').innerText()).toBe('100.000 đ')
    const facts = await page.locator('.payment__facts').innerText()
    for (const text of ['VietinBank', '970415', '0011001932418', 'UBND PHUONG HA KHANH', code])
      expect(facts).toContain(text)
    expect(await page.locator('.payment').innerText()).toContain('trạng thái hồ sơ tự cập nhật')
    await page.locator('.todo').evaluate((todo) => todo.scrollIntoView({ block: 'start' }))
    await shot(page, '09-payment')
    await shot(page, '09-payment-full', true)

    // The bank's notice, signed with the unit's secret: the open page notices within its 10 s poll.
    const body = JSON.stringify({ receiptCode: code, amount: 100_000, reference: 'FT26332123456789' })
    const notice = await fetch(`${runtime.url}/api/plugins/vietnam-qr-pay/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-signature': createHmac('sha256', webhookSecret).update(body).digest('hex'),
      },
      body,
    })
    expect(notice.status, await notice.clone().text()).toBe(200)
    await expect.poll(statusText, { timeout: 15_000, interval: 500 }).not.toBe('Yêu cầu thực hiện nghĩa vụ tài chính')
    expect(await page.locator('.status-updated').innerText()).toContain('vừa được cập nhật')
    expect(await page.locator('.payment').count()).toBe(0)
  }, 60_000)

  it('downloads the result of an online procedure and the files sent, with the PIN', async () => {
    const { code, pin } = receipts.at(-1)!
    const result = new FormData()
    result.append('attachments.ket_qua', new Blob([PDF], { type: 'application/pdf' }), 'giay-khai-sinh.pdf')
    const attached = await as('tiepnhan.06649', `/api/desk/dossiers/${code}/results`, { method: 'POST', body: result })
    expect(attached.status, await attached.clone().text()).toBe(201)
    // the applicant gets the result once it is ready (status 9), not before
    await act('tiepnhan.06649', code, 'receive')
    await act('chuyenvien.06649', code, 'forward')
    await act('lanhdao.06649', code, 'approve')

    await openTracking(code, pin)
    const panel = page.locator('.panel--result')
    await panel.waitFor()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: /^Tải về: giay-khai-sinh\.pdf/ }).click(),
    ])
    expect(download.suggestedFilename()).toBe('giay-khai-sinh.pdf')
    expect(readFileSync((await download.path())!)).toEqual(PDF)
    // The citizen's own file, the same way.
    const [own] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByTestId('own-files')
        .getByRole('button', { name: /giay_chung_sinh\.pdf/ })
        .click(),
    ])
    expect(own.suggestedFilename()).toBe('giay_chung_sinh.pdf')
    await panel.scrollIntoViewIfNeeded()
    await shot(page, '10-result')
    // No script error (the VietQR 404 before the unit enabled it is only logged).
    expect(phone.errors.filter((e) => !e.startsWith('Failed to load resource'))).toEqual([])
  })

  it('asks how to receive the result, takes a postal address in a real ward and adds the postal fee', async () => {
    await fileFromSample('xac-nhan-tinh-trang-hon-nhan', '06649', {
      beforeSubmit: async () => {
        expect(await page.isChecked('input[name="delivery-method"][value="counter"]')).toBe(true)
        await page.check('input[name="delivery-method"][value="post"]')
        await page.getByRole('button', { name: 'Nộp hồ sơ' }).click()
        await expect.poll(() => page.locator('#delivery-street-error').innerText()).toContain('Vui lòng')
        await page.selectOption('#delivery-district', { label: 'Thành phố Hạ Long' })
        await page.selectOption('#delivery-commune', { label: 'Phường Hà Phong' })
        await page.fill('#delivery-street', 'Số 14, tổ 9, khu 4')
        expect(await page.locator('.fees').innerText()).toContain('Cước chuyển phát kết quả qua bưu chính công ích')
        await page.locator('#review-delivery').evaluate((h) => h.scrollIntoView({ block: 'start' }))
        await shot(page, '05b-delivery')
      },
    })
    const { code, pin } = receipts.at(-1)!
    const tracked = (await (
      await fetch(`${runtime.url}/api/track/${code}`, { headers: { 'x-lookup-pin': pin } })
    ).json()) as { delivery: { method: string; address: { text: string } } }
    expect(tracked.delivery.method).toBe('post')
    expect(tracked.delivery.address.text).toBe(
      'Số 14, tổ 9, khu 4, Phường Hà Phong, Thành phố Hạ Long, Tỉnh Quảng Ninh',
    )
    // once the result is ready, tracking says where it goes rather than asking to come to the counter
    await act('tiepnhan.06649', code, 'receive')
    await act('chuyenvien.06649', code, 'forward')
    await act('lanhdao.06649', code, 'approve')
    await openTracking(code, pin)
    expect(await page.locator('.todo').innerText()).toContain(
      'Kết quả được gửi qua bưu chính công ích đến địa chỉ: Số 14, tổ 9, khu 4, Phường Hà Phong',
    )
  })
})

import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BrowserSession, chromiumAvailable, launchOffice, launchTablet } from '../support/browser'
import { deskShot, signInToDesk } from '../support/desk'
import { officersOf } from '../support/officers'
import { type ServedRuntime, serveRuntime } from '../support/served-runtime'

const PROCEDURE = '2.000635' // Cấp bản sao Trích lục hộ tịch: commune level, 8.000 đồng a copy
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
)

// A receiving officer enters a paper dossier at the counter: search, one page of form, checklist, fee, receipt.
describe.runIf(chromiumAvailable())('counter intake at the desk', () => {
  let served: ServedRuntime
  let officers: ReturnType<typeof officersOf>

  beforeAll(async () => {
    served = await serveRuntime('2025-05-06T09:00:00') // a Tuesday morning: the counter is open
    officers = officersOf(() => served.url, served.password)
  }, 120_000)
  afterAll(async () => {
    await served?.close()
  })

  // typed without diacritics, chosen with the arrows, opened with Enter
  const pickByTyping = async (page: Page) => {
    await page.goto(`${served.url}/desk/tiep-nhan`)
    const search = page.getByRole('combobox', { name: 'Tìm thủ tục' })
    await search.fill('ho tich')
    await page.getByRole('option', { name: /Trích lục hộ tịch/ }).waitFor()
    const names = await page.getByRole('option').allInnerTexts()
    const index = names.findIndex((n) => n.includes('Trích lục hộ tịch'))
    expect(names.length).toBeGreaterThan(1)
    for (let i = 0; i <= index; i++) await search.press('ArrowDown') // one past it, and back
    expect(await page.getByRole('option', { selected: true }).innerText()).not.toContain('Trích lục hộ tịch')
    await search.press('ArrowUp')
    expect(await page.getByRole('option', { selected: true }).innerText()).toContain('Trích lục hộ tịch')
    await search.press('Enter')
    await page.waitForURL(`**/desk/tiep-nhan/${PROCEDURE}`)
    await page.locator('#root_nguoi_yeu_cau_ho_ten').waitFor()
  }

  const fillForm = async (page: Page, byProxy: boolean) => {
    await page.fill('#applicant-fullName', 'Vũ Thị Hoa')
    await page.fill('#applicant-idNumber', '022302007812')
    await page.fill('#applicant-phone', '0968123456')
    await page.fill('#root_nguoi_yeu_cau_ho_ten', 'Vũ Thị Hoa')
    await page.fill('#root_nguoi_yeu_cau_so_dinh_danh', '022302007812')
    await page.check(`#root_nguoi_yeu_cau_quan_he-${byProxy ? 1 : 0}`)
    await page.fill('#root_nguoi_yeu_cau_so_dien_thoai', '0968123456')
    await page.fill('#root_nguoi_yeu_cau_noi_cu_tru', 'Số 45, tổ 3, khu 2, phường Hà Khánh, Hạ Long')
    await page.fill('#root_nguoi_co_su_kien_ho_ten', 'Vũ Thị Hoa')
    await page.locator('#root_nguoi_co_su_kien_ngay_sinh').pressSequentially('17062002')
    await page.selectOption('#root_su_kien_loai', { label: 'Khai sinh (bản sao Giấy khai sinh)' })
    await page.fill('#root_su_kien_noi_dang_ky', 'UBND phường Hồng Hải, thành phố Hạ Long')
    await page.fill('#root_so_ban', '2')
    await page.check('#root_thuoc_dien_mien-1')
  }

  it('receives a dossier on an office screen: a missing document is named, a scan dropped, the fee collected, Mẫu 01 served', async () => {
    const browser: BrowserSession = await launchOffice()
    const { page, context } = browser
    try {
      page.setDefaultTimeout(15_000)
      const intakes: string[] = []
      page.on('request', (r) => r.url().endsWith('/api/desk/intake') && intakes.push(r.method()))
      await signInToDesk(page, served.url, 'tiepnhan.06649', served.password)
      await page.goto(`${served.url}/desk/tiep-nhan`)
      await page.getByRole('combobox', { name: 'Tìm thủ tục' }).fill('trich luc')
      await deskShot(page, 'intake-pick')
      await pickByTyping(page)
      await fillForm(page, true) // for someone else: the letter of authorisation is required

      // nothing ticked nor attached for it: named, and nothing sent
      await expect.poll(() => page.getByTestId('component-van_ban_uy_quyen').count()).toBe(1)
      await page.fill('#root_su_kien_noi_dang_ky', '') // and a required answer left out
      await page.getByRole('button', { name: 'Tiếp nhận và cấp giấy biên nhận' }).click()
      await expect
        .poll(() => page.locator('#root_su_kien_noi_dang_ky__error').innerText())
        .toContain('Vui lòng nhập thông tin bắt buộc này')
      expect(await page.inputValue('#applicant-fullName')).toBe('Vũ Thị Hoa') // nothing typed is lost
      expect(await page.inputValue('#root_nguoi_yeu_cau_ho_ten')).toBe('Vũ Thị Hoa')
      const missing = page.locator('#intake-missing')
      await missing.waitFor()
      expect(await missing.innerText()).toContain('Văn bản ủy quyền')
      expect(await page.getByTestId('component-van_ban_uy_quyen').innerText()).toContain('chưa có bản quét')
      await deskShot(page, 'intake-missing')
      expect(intakes).toEqual([])
      await page.fill('#root_su_kien_noi_dang_ky', 'UBND phường Hồng Hải, thành phố Hạ Long')
      await expect.poll(() => page.locator('#root_su_kien_noi_dang_ky__error').count()).toBe(0) // fixed, gone

      // the letter scanned (the row's input), the declaration dropped on its row, the ID card seen in the original
      await page.setInputFiles('#component-van_ban_uy_quyen-file', {
        name: 'uy-quyen.pdf',
        mimeType: 'application/pdf',
        buffer: pdf,
      })
      await page.getByTestId('component-to_khai').evaluate(
        (row, bytes) => {
          const transfer = new DataTransfer()
          transfer.items.add(new File([new Uint8Array(bytes)], 'to-khai.pdf', { type: 'application/pdf' }))
          row.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }))
        },
        [...pdf],
      )
      await page.getByTestId('component-giay_to_nhan_than').getByLabel('Bản chính').check()
      await expect.poll(() => page.getByTestId('component-to_khai').innerText()).toContain('to-khai.pdf')
      expect(await page.getByTestId('component-van_ban_uy_quyen').innerText()).toContain('uy-quyen.pdf')
      expect(await page.getByTestId('fees-total').innerText()).toMatch(/16\.000/)
      expect(await page.getByTestId('component-to_khai').getByText('Chụp ảnh').isVisible()).toBe(false) // no camera here
      await page.getByLabel(/Đã thu 16\.000/).check()
      await deskShot(page, 'intake-form')

      const opened = context.waitForEvent('page')
      await page.keyboard.press('Control+Enter')
      const code = (await page.getByTestId('receipt-code').innerText()).trim()
      expect(code).toMatch(/^[A-Z0-9.-]+-\d{6}-\d{4}$/)
      expect(await page.getByRole('heading', { level: 2 }).first().innerText()).toContain(code)
      await deskShot(page, 'intake-receipt')

      // Mẫu 01 opens at once in its own tab, asked to print (the runtime serves slips as A4 HTML: slips.test.ts prints one)
      const slip = await opened
      await slip.waitForLoadState()
      expect(slip.url()).toBe(`${served.url}/api/desk/dossiers/${code}/slips/01`)
      const slipText = await slip.locator('body').innerText()
      expect(slipText).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ')
      expect(slipText).toContain(code)
      await slip.close()
      const printLink = page.getByRole('link', { name: /In giấy tiếp nhận \(Mẫu 01\)/ })
      expect(await printLink.getAttribute('href')).toBe(`/api/desk/dossiers/${code}/slips/01`)
      expect(await page.getByRole('link', { name: 'Mở hồ sơ' }).getAttribute('href')).toBe(`/desk/ho-so/${code}`)

      const dossier = await officers.deskDossier('tiepnhan.06649', code)
      expect(dossier.status).toBe(2)
      expect(dossier.attachments.map((a) => a.componentKey).sort()).toEqual(['to_khai', 'van_ban_uy_quyen'])
      expect(intakes).toEqual(['POST'])

      // the next applicant: back to the search at once
      await page.keyboard.press('n')
      await page.getByRole('combobox', { name: 'Tìm thủ tục' }).fill('ho tich')
      expect(await page.getByRole('option').first().innerText()).toContain('Trích lục hộ tịch') // used last, first now
      // the dossier says the fee was collected at the counter, and by whom
      await page.goto(`${served.url}/desk/ho-so/${code}`)
      await expect.poll(() => page.getByText(/Đã thu 16\.000\s?đ tại quầy lúc .*Cán bộ một cửa/).count()).toBe(1)
      expect(browser.errors).toEqual([])
    } finally {
      await browser.close()
    }
  })

  it('receives the same dossier on a tablet, with a photo from the camera and the result by post', async () => {
    const browser = await launchTablet()
    const { page, context } = browser
    try {
      page.setDefaultTimeout(15_000)
      await signInToDesk(page, served.url, 'tiepnhan.06649', served.password)
      await pickByTyping(page)
      await fillForm(page, false)
      const camera = page.getByTestId('component-giay_to_nhan_than').getByText('Chụp ảnh')
      expect(await camera.isVisible()).toBe(true)
      expect(await page.getAttribute('#component-giay_to_nhan_than-camera', 'capture')).toBe('environment')
      await page.setInputFiles('#component-giay_to_nhan_than-camera', {
        name: 'can-cuoc.png',
        mimeType: 'image/png',
        buffer: png,
      })
      await expect.poll(() => page.getByTestId('component-giay_to_nhan_than').innerText()).toContain('can-cuoc.png')
      await page.getByTestId('component-to_khai').getByLabel('Bản chính').check()
      // the result by post: the address is asked for, and checked before anything is sent
      await page.check('input[name="delivery-method"][value="post"]')
      await page.getByRole('button', { name: 'Tiếp nhận và cấp giấy biên nhận' }).click()
      await expect.poll(() => page.locator('#delivery-street-error').innerText()).toContain('bưu chính')
      await page.selectOption('#delivery-district', { label: 'Thành phố Hạ Long' })
      await page.selectOption('#delivery-commune', { label: 'Phường Hà Phong' })
      await page.fill('#delivery-street', 'Số 14, tổ 9, khu 4')
      await deskShot(page, 'intake-tablet')
      const opened = context.waitForEvent('page')
      await page.getByRole('button', { name: 'Tiếp nhận và cấp giấy biên nhận' }).click()
      const code = (await page.getByTestId('receipt-code').innerText()).trim()
      await (await opened).close()
      await deskShot(page, 'intake-tablet-receipt')
      const dossier = await officers.deskDossier('tiepnhan.06649', code)
      expect(dossier.status).toBe(2)
      expect(dossier.attachments.map((a) => a.componentKey)).toEqual(['giay_to_nhan_than'])
      const tracked = (await (await officers.as('tiepnhan.06649', `/api/desk/dossiers/${code}`)).json()) as {
        delivery: { method: string; address: { text: string } }
      }
      expect(tracked.delivery.method).toBe('post')
      expect(tracked.delivery.address.text).toContain('Số 14, tổ 9, khu 4')
      expect(browser.errors).toEqual([])
    } finally {
      await browser.close()
    }
  })
})

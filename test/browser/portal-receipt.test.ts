import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { libraryProcedure } from '../../runtime/src/testing'
import { axeViolations, chromiumAvailable, launchPhone, type Phone } from '../support/browser'
import { repoRoot } from '../support/runtime-process'
import { type ServedRuntime, serveRuntime } from '../support/served-runtime'

// A citizen on a 360 px phone files "Xác nhận tình trạng hôn nhân" (03 working days, result by post), reads the
// next steps, then opens the receipt again in a new browser with nothing stored, with the PIN.
const shots = join(repoRoot, 'test-artifacts', 'screenshots')
const marital = libraryProcedure('xac-nhan-tinh-trang-hon-nhan')

async function axe(page: Page): Promise<void> {
  const violations = await axeViolations(page)
  expect(violations, page.url()).toEqual([])
}

async function shot(page: Page, name: string): Promise<void> {
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ])
  expect(scroll, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(client)
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true })
}

describe.runIf(chromiumAvailable())('the receipt serves afterwards, on a phone', () => {
  let served: ServedRuntime
  let phone: Phone
  let other: Phone
  let page: Page
  let code = ''
  let pin = ''

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true })
    // Monday 7 December 2026, 09:00 in Hà Khánh
    served = await serveRuntime('2026-12-07T09:00:00')
    phone = await launchPhone()
    page = phone.page
    page.setDefaultTimeout(20_000)
  }, 120_000)

  afterAll(async () => {
    await phone?.close()
    await other?.close()
    await served?.close()
  })

  it('files the dossier and shows the next steps from its own data', async () => {
    await page.goto(served.url)
    // the form filled as far as the sample goes (a draft kept on the device), to go through the steps quickly
    await page.evaluate(
      ([formData]) =>
        localStorage.setItem(
          'motcua.draft.1.004873',
          JSON.stringify({ procedureCode: '1.004873', formData, unitCode: '06649', savedAt: new Date().toISOString() }),
        ),
      [marital.sample],
    )
    await page.goto(`${served.url}/thu-tuc/1.004873/nop-ho-so?don-vi=06649`)
    const submit = page.getByRole('button', { name: 'Nộp hồ sơ', exact: true })
    for (let step = 0; step < 12 && !(await submit.isVisible()); step++) {
      for (const input of await page.locator('input[type=file]').all())
        if (await input.isVisible())
          await input.setInputFiles({
            name: 'giay-to.pdf',
            mimeType: 'application/pdf',
            buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
          })
      await page.getByRole('button', { name: 'Tiếp tục' }).click()
    }
    // the procedure lets the citizen choose how to receive the result: by post, to an address in a real ward
    const choice = page.getByRole('region', { name: 'Hình thức nhận kết quả' })
    await choice.getByRole('radio', { name: /^Nhận qua dịch vụ bưu chính công ích/ }).check()
    await choice.getByLabel('Huyện, thị xã, thành phố').selectOption({ label: 'Thành phố Hạ Long' })
    await choice.getByLabel('Xã, phường, thị trấn').selectOption({ label: 'Phường Hà Khánh' })
    await choice.getByLabel('Số nhà, đường, thôn, tổ dân phố').fill('Số 14, tổ 9, khu 4')
    // (the review step's own axe findings belong to the form flow's tests)
    await shot(page, 'receipt-00-review-delivery-360')
    await page.check('#declaration') // the lời cam đoan
    await submit.click()
    await page.waitForURL(/\/bien-nhan\//)
    code = await page.getByTestId('receipt-code').innerText()
    pin = await page.getByTestId('receipt-pin').innerText()
    expect(pin).toMatch(/^\d{8}$/)
    const next = page.getByTestId('next-steps')
    await next.waitFor()
    // 03 working days from Monday 09:00: Thursday 10/12 (the unit's calendar)
    expect(await page.getByTestId('next-when').innerText()).toMatch(/dự kiến có kết quả lúc 09:\d\d 10\/12\/2026/)
    expect(await page.getByTestId('next-status').innerText()).toBe(
      'Mới đăng ký: cơ quan chưa kiểm tra hồ sơ; nếu thiếu giấy tờ, cơ quan sẽ báo để bạn bổ sung.',
    )
    expect(await page.getByTestId('next-pay').innerText()).toBe('Hồ sơ này không phải nộp phí, lệ phí.')
    expect(await page.getByTestId('next-where').innerText()).toMatch(
      /^Qua bưu chính công ích, gửi tới: Số 14, tổ 9, khu 4, Phường Hà Khánh/,
    )
    await axe(page)
    await shot(page, 'receipt-01-submitted-360')
    // kept on this device: a new tab of the same browser still has it
    const tab = await phone.context.newPage()
    await tab.goto(`${served.url}/bien-nhan/${encodeURIComponent(code)}`)
    expect(await tab.getByTestId('receipt-pin').innerText()).toBe(pin)
    await tab.close()
  })

  it('downloads Mẫu 01 as a PDF', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('receipt-pdf').click()])
    expect(download.suggestedFilename()).toBe(`giay-tiep-nhan-${code}.pdf`)
    const bytes = readFileSync((await download.path())!)
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
  })

  it('opens the receipt in a new browser with nothing stored, with the PIN, and removes it from a device', async () => {
    other = await launchPhone()
    const fresh = other.page
    fresh.setDefaultTimeout(20_000)
    await fresh.goto(`${served.url}/bien-nhan/${encodeURIComponent(code)}`)
    const pinBox = fresh.getByLabel('Mã tra cứu (PIN)')
    await pinBox.waitFor()
    await axe(fresh)
    await shot(fresh, 'receipt-02-ask-pin-360')
    await pinBox.fill('00000000')
    await fresh.getByRole('button', { name: 'Xem giấy biên nhận' }).click()
    await fresh.getByText('Mã tra cứu (PIN) không đúng').waitFor()
    await axe(fresh)
    await shot(fresh, 'receipt-03-wrong-pin-360')
    await pinBox.fill(pin)
    await fresh.getByRole('button', { name: 'Xem giấy biên nhận' }).click()
    await fresh.getByTestId('next-steps').waitFor()
    expect(await fresh.getByTestId('receipt-pin').innerText()).toBe(pin)
    expect(await fresh.getByTestId('next-where').innerText()).toContain('Qua bưu chính công ích')
    expect(await fresh.getByTestId('next-when').innerText()).toMatch(/10\/12\/2026/)
    // the PIN never went into an address
    expect(fresh.url()).not.toContain(pin)
    await axe(fresh)
    await shot(fresh, 'receipt-04-reopened-360')
    const [download] = await Promise.all([fresh.waitForEvent('download'), fresh.getByTestId('receipt-pdf').click()])
    expect(download.suggestedFilename()).toBe(`giay-tiep-nhan-${code}.pdf`)

    // on the first device: removed, then asked for the PIN again
    await page.getByTestId('receipt-forget').click()
    await page.getByText('Đã xoá giấy biên nhận khỏi máy này').waitFor()
    expect(await page.evaluate((c) => localStorage.getItem(`motcua.receipt.${c}`), code)).toBeNull()
    await axe(page)
    await shot(page, 'receipt-05-forgotten-360')
  })
})

import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asOfficers, libraryProcedure, sampleSubmission } from '../../runtime/src/testing'
import { axeViolations, chromiumAvailable, launchPhone, type Phone } from '../support/browser'
import { repoRoot } from '../support/runtime-process'
import { type ServedRuntime, serveRuntime } from '../support/served-runtime'

// A citizen on a 360 px phone: the reception's contact, the satisfaction rating once the dossier has ended, and the
// accessibility statement and privacy notice.
const shots = join(repoRoot, 'test-artifacts', 'screenshots')
const business = libraryProcedure('dang-ky-thanh-lap-ho-kinh-doanh')

describe.runIf(chromiumAvailable())('help, rating and statements on a phone', () => {
  let served: ServedRuntime
  let phone: Phone
  let page: Page
  const { as, act } = asOfficers(() => served.runtime)

  const axe = async () => {
    const violations = await axeViolations(page)
    expect(violations, page.url()).toEqual([])
  }
  const noSideways = async () => {
    const [scroll, client] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ])
    expect(scroll, page.url()).toBeLessThanOrEqual(client)
  }

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true })
    served = await serveRuntime('2026-12-01T08:00:00')
    phone = await launchPhone()
    page = phone.page
  }, 180_000)

  afterAll(async () => {
    await phone?.close()
    await served?.close()
  })

  it('shows the centre’s contact on a department’s procedure once its unit is chosen', async () => {
    const set = await as('quantri.ttpvhcc', 'PUT', '/api/admin/units/TTPVHCC/contact', {
      address: 'Địa chỉ kiểm thử, không phải địa chỉ thật',
      openingHours: 'Thứ Hai – Thứ Sáu: 7:30 – 17:00',
      phone: '0203 000 000',
    })
    expect(set.status).toBe(200)
    await page.goto(`${served.url}/thu-tuc/QN-LLTP-01`)
    const card = page.getByTestId('unit-contact')
    await card.waitFor()
    const text = await card.innerText()
    expect(text).toContain('Trung tâm Phục vụ hành chính công tỉnh Quảng Ninh')
    expect(text).toContain('7:30 – 17:00')
    expect(await card.getByRole('link', { name: '0203 000 000' }).getAttribute('href')).toBe('tel:0203000000')
    await noSideways()
    await axe()
    await card.scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(shots, 'portal-procedure-contact-360.png') })
  }, 120_000)

  it('asks an ended dossier’s applicant for a rating, with the official levels, and thanks them', async () => {
    const filed = await served.runtime.app.request('/api/dossiers', sampleSubmission(business, '193'))
    const { receiptCode, pin } = (await filed.json()) as { receiptCode: string; pin: string }
    expect((await act('tiepnhan.193', receiptCode, 'tu_choi', { reason: 'Ngành nghề kinh doanh bị cấm' })).status).toBe(
      200,
    )
    await page.goto(`${served.url}/tra-cuu/${encodeURIComponent(receiptCode)}`)
    // no contact was entered for this district: the page says whom to ask instead of inventing one
    await expect.poll(() => page.getByTestId('unit-contact').innerText()).toContain('Bộ phận Một cửa')
    await page.locator('#pin').fill(pin)
    await page.getByRole('button', { name: 'Xem thông tin đã khai' }).click()
    const panel = page.getByRole('region', { name: 'Đánh giá mức độ hài lòng' })
    await panel.waitFor()
    for (const level of ['Rất hài lòng', 'Hài lòng', 'Không hài lòng'])
      await panel.getByRole('radio', { name: level, exact: true }).first().waitFor()
    await panel.getByRole('button', { name: 'Gửi đánh giá' }).click()
    await expect.poll(() => panel.innerText()).toContain('Vui lòng chọn một mức đánh giá.')
    await noSideways()
    await axe()
    await panel.screenshot({ path: join(shots, 'portal-rating-error-360.png') })

    await panel
      .getByRole('group', { name: /^Bạn hài lòng thế nào/ })
      .getByLabel('Hài lòng', { exact: true })
      .check()
    await panel.getByText('Đánh giá thêm theo từng tiêu chí (không bắt buộc)').click()
    await panel
      .getByRole('group', { name: 'Thái độ, tinh thần phục vụ của cán bộ, công chức' })
      .getByLabel('Rất hài lòng')
      .check()
    await panel.getByLabel('Ý kiến khác (không bắt buộc)').fill('Hướng dẫn rõ ràng.')
    await axe()
    await panel.getByRole('button', { name: 'Gửi đánh giá' }).click()
    const thanks = page.getByTestId('rating-thanks')
    await thanks.waitFor()
    expect(await thanks.innerText()).toContain('Bạn đã đánh giá: Hài lòng.')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cảm ơn bạn đã đánh giá')
    await axe()
    await thanks.screenshot({ path: join(shots, 'portal-rating-thanks-360.png') })
    const tracked = (await (
      await served.runtime.app.request(`/api/track/${receiptCode}`, { headers: { 'x-lookup-pin': pin } })
    ).json()) as { rating: unknown }
    expect(tracked.rating).toMatchObject({
      level: 'satisfied',
      criteria: { attitude: 'verySatisfied' },
      comment: 'Hướng dẫn rõ ràng.',
    })

    // the district's statistics count it: a satisfaction card, and indicator 5.4 computed
    await page.goto(`${served.url}/thong-ke/don-vi/193`)
    const card = page.locator('.stat-card', { hasText: 'trên 1 đánh giá' })
    await card.waitFor()
    expect(await card.innerText()).toContain('1 hài lòng')
    await expect
      .poll(() => page.locator('main').innerText())
      .toContain('Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC')
    await noSideways()
    await axe()
    await card.screenshot({ path: join(shots, 'portal-statistics-satisfaction-360.png') })
  }, 180_000)

  it('links the accessibility statement and the privacy notice from the footer and the sign-in, in both languages', async () => {
    await page.goto(`${served.url}/`)
    await page.getByRole('contentinfo').getByRole('link', { name: 'Tuyên bố về khả năng tiếp cận' }).click()
    await page.getByRole('heading', { level: 1, name: 'Tuyên bố về khả năng tiếp cận' }).waitFor()
    expect(await page.locator('main').innerText()).toContain('WCAG')
    await noSideways()
    await axe()
    await page.screenshot({ path: join(shots, 'portal-accessibility-360.png'), fullPage: true })

    await page.getByRole('contentinfo').getByRole('link', { name: 'Chính sách bảo vệ dữ liệu cá nhân' }).click()
    await page.getByRole('heading', { level: 1, name: 'Chính sách bảo vệ dữ liệu cá nhân' }).waitFor()
    const privacy = await page.locator('main').innerText()
    expect(privacy).toContain('Nghị định 13/2023/NĐ-CP')
    expect(privacy).toContain('Cơ sở dữ liệu quốc gia về dân cư')
    await noSideways()
    await axe()
    await page.screenshot({ path: join(shots, 'portal-privacy-360.png'), fullPage: true })

    await page.goto(`${served.url}/dang-nhap`)
    await page.getByRole('main').getByRole('link', { name: 'Chính sách bảo vệ dữ liệu cá nhân' }).click()
    await page.waitForURL((url) => url.pathname === '/chinh-sach-rieng-tu')

    await page.getByRole('button', { name: 'Switch to English' }).click()
    await page.getByRole('heading', { level: 1, name: 'Privacy notice' }).waitFor()
    await axe()
    await page.getByRole('link', { name: 'Accessibility statement' }).first().click()
    await page.getByRole('heading', { level: 1, name: 'Accessibility statement' }).waitFor()
    await axe()
  }, 120_000)
})

import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, chromiumAvailable, launchPhone, type Phone } from '../support/browser'
import { repoRoot } from '../support/runtime-process'
import { type ServedRuntime, serveRuntime } from '../support/served-runtime'
import { signInToStudio } from '../support/studio'

// A unit's administrator enters the reception's contact in the studio on a 360 px phone; the portal serves it.
const shots = join(repoRoot, 'test-artifacts', 'screenshots')

describe.runIf(chromiumAvailable())("the studio's unit contact tab", () => {
  let served: ServedRuntime
  let phone: Phone
  let page: Page

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

  it('saves the address and hours, refuses a malformed phone beside its field, and the portal serves them', async () => {
    await signInToStudio(page, served.url, 'quantri.193', served.password)
    await page.goto(`${served.url}/studio/don-vi/193`)
    await page.getByRole('tab', { name: 'Liên hệ' }).click()
    await page.getByLabel('Địa chỉ').fill('Địa chỉ kiểm thử của Bộ phận Một cửa')
    await page.getByLabel('Giờ làm việc').fill('Thứ Hai – Thứ Sáu: 7:30 – 17:00')
    await page.getByLabel('Điện thoại, đường dây nóng').fill('gọi cho tôi')
    await page.getByRole('button', { name: 'Lưu thông tin liên hệ' }).click()
    await expect.poll(() => page.locator('#contact-phone-error').innerText()).not.toBe('')
    expect(await page.getByLabel('Điện thoại, đường dây nóng').getAttribute('aria-invalid')).toBe('true')
    await page.getByLabel('Điện thoại, đường dây nóng').fill('')
    await page.getByRole('button', { name: 'Lưu thông tin liên hệ' }).click()
    await page.getByRole('status').filter({ hasText: /./ }).first().waitFor()
    const violations = await axeViolations(page)
    expect(violations).toEqual([])
    const [scroll, client] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ])
    expect(scroll).toBeLessThanOrEqual(client)
    await page.screenshot({ path: join(shots, 'studio-unit-contact-360.png'), fullPage: true })
    const served193 = (await (await served.runtime.app.request('/api/units/193/contact')).json()) as {
      contact: Record<string, string>
    }
    expect(served193.contact).toEqual({
      address: 'Địa chỉ kiểm thử của Bộ phận Một cửa',
      openingHours: 'Thứ Hai – Thứ Sáu: 7:30 – 17:00',
    })
  }, 180_000)
})

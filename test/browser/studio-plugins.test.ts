import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumAvailable } from '../support/browser'
import type { RuntimeProcess } from '../support/runtime-process'
import { type StudioOnPhone, shots, signInToStudio, startStudioOnPhone } from '../support/studio'

// The studio's "Tiện ích" page: every plugin the runtime loaded (the repository's plugins/) with what it contributes,
// read by a province administrator on a phone and on a desktop.

async function shot(page: Page, name: string): Promise<void> {
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ])
  expect(scroll, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(client)
  await page.screenshot({ path: join(shots, `studio-plugins-${name}.png`), fullPage: true })
}

describe.runIf(chromiumAvailable())("the studio's plugins page", () => {
  let studio: StudioOnPhone
  let runtime: RuntimeProcess
  let page: Page

  beforeAll(async () => {
    studio = await startStudioOnPhone('studio-plugins')
    ;({ runtime, page } = studio)
  }, 300_000)

  afterAll(() => studio?.close())

  it('lists each plugin with its contributions, each labelled with its owner, on a phone', async () => {
    await signInToStudio(page, runtime.url, 'admin')
    await page.goto(`${runtime.url}/studio/tien-ich`)
    await page.getByRole('heading', { level: 1, name: 'Tiện ích' }).waitFor()

    const haLong = page.getByRole('article', { name: /Kiểm tra chiều cao công trình \(Hạ Long\)/ })
    const text = await haLong.innerText()
    expect(text).toContain('Trước thao tác (có thể từ chối)')
    expect(text).toMatch(/Thủ tục QN-GPXD-01:\s*dia_diem\s*cong_trinh/)
    expect(text).toContain('ha-long-so-thua')
    expect(text).toContain('Số thửa đất gồm 1–5 chữ số')
    expect(text).toContain('^[0-9]{1,5}[a-zA-Z]?$')
    expect(await haLong.getByText('Thuộc tiện ích Kiểm tra chiều cao công trình (Hạ Long)').count()).toBeGreaterThan(2)

    // a plugin's secret setting is marked, its routes and retries shown
    const pay = await page.getByRole('article', { name: /vietnam-qr-pay/ }).innerText()
    expect(pay).toMatch(/webhookSecret\s*·\s*bắt buộc\s*·\s*bí mật, không hiển thị lại/)
    expect(pay).toContain('/api/plugins/vietnam-qr-pay/')
    const sync = await page.getByRole('article', { name: /national-portal-sync/ }).innerText()
    expect(sync).toMatch(/Tối đa \d+ lần/)
    // the administrator is told which plugins are given the dossiers' PINs, and none other claims it
    const sms = await page.getByRole('article', { name: /notify-sms/ }).innerText()
    expect(sms).toContain('tiện ích này được nhận mã PIN')
    expect(sync).not.toContain('Gửi giấy biên nhận')
    await shot(page, 'phone')
  })

  it('reads the same on a desktop, and in English', async () => {
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Tiện ích' }).waitFor()
    await shot(page, 'desktop')
    await page.getByRole('button', { name: 'Switch to English' }).click()
    await page.getByRole('heading', { level: 1, name: 'Plugins' }).waitFor()
    expect(await page.getByRole('article', { name: /Building height check/ }).innerText()).toContain(
      'From the plugin Building height check (Hạ Long)',
    )
  })
})

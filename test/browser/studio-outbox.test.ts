import { mkdirSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOutboxWorker } from '../../runtime/src/plugins/outbox-worker'
import { asOfficers, libraryProcedure, sampleSubmission } from '../../runtime/src/testing'
import { chromiumAvailable, launchPhone, type Phone } from '../support/browser'
import { repoRoot } from '../support/runtime-process'
import { type ServedRuntime, serveRuntime } from '../support/served-runtime'
import { signInToStudio } from '../support/studio'

// "Hàng đợi gửi đi" on a phone, as Hạ Long's administrator: SMS notifications that died while the province's gateway
// was down are requeued (and then reach the gateway) or discarded, each after a confirmation that says how many.
const shots = join(repoRoot, 'test-artifacts', 'screenshots')
const birth = libraryProcedure('dang-ky-khai-sinh')

// the SMS gateway: refuses while `up` is false, records what it takes
let up = false
const texts: { to: string; text: string }[] = []
const gateway: Server = createServer((req, res) => {
  let body = ''
  req.on('data', (chunk) => (body += chunk))
  req.on('end', () => {
    if (!up) return res.writeHead(503).end('{"error":"maintenance"}')
    texts.push(JSON.parse(body))
    res.writeHead(200).end('{}')
  })
})

async function shot(page: Page, name: string): Promise<void> {
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ])
  expect(scroll, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(client)
  await page.screenshot({ path: join(shots, `studio-outbox-${name}.png`), fullPage: true })
}

describe.runIf(chromiumAvailable())('the studio’s outbox', () => {
  let served: ServedRuntime
  let phone: Phone
  let page: Page
  const receiptCodes: string[] = []
  const requestIds: string[] = []
  let now = new Date('2026-12-01T01:00:00.000Z')
  const runOutbox = () => createOutboxWorker(served.runtime.database, served.runtime.plugins).runOnce(now)

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true })
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve))
    served = await serveRuntime(now)
    const { as } = asOfficers(() => served.runtime)
    const enabled = await as('admin', 'PUT', '/api/admin/units/193/plugins/notify-sms', {
      enabled: true,
      config: {
        url: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms`,
        apiKey: 'khoa-thu',
        sender: 'HALONG',
      },
    })
    expect(enabled.status).toBe(200)
    // three births filed at a ward of Hạ Long by parents with a mobile number, while the gateway is down
    for (let i = 0; i < 3; i++) {
      const submission = sampleSubmission(birth, '06649', {
        fullName: 'Trần Thị Hoa',
        phone: '0912345678',
      } as { fullName: string })
      // through HTTP: once `serve` runs, @hono/node-server's own Response drops headers set after it was made
      const res = await fetch(`${served.url}/api/dossiers`, submission)
      expect(res.status).toBe(201)
      receiptCodes.push(((await res.json()) as { receiptCode: string }).receiptCode)
      requestIds.push(res.headers.get('x-request-id')!)
    }
    // the plugin's policy: 6 attempts, then dead
    for (let attempt = 0; attempt < 6; attempt++) {
      await runOutbox()
      now = new Date(now.getTime() + 3_600_000)
      served.setNow(now)
    }
    phone = await launchPhone()
    page = phone.page
    page.setDefaultTimeout(15_000)
  }, 180_000)

  afterAll(async () => {
    await phone?.close()
    await served?.close()
    gateway.closeAllConnections()
    await new Promise((resolve) => gateway.close(resolve))
  })

  it('shows the dead messages of the administrator’s units with their dossier, attempts and last error', async () => {
    await signInToStudio(page, served.url, 'quantri.193', served.password)
    expect(await page.getByRole('link', { name: 'Hàng đợi gửi đi', includeHidden: true }).count()).toBeGreaterThan(0)
    await page.goto(`${served.url}/studio/hang-doi`)
    await page.getByRole('heading', { name: 'Hàng đợi gửi đi' }).waitFor()
    // the counts by plugin and state: 6 dead (each dossier's status text and its receipt with the code and PIN), and
    // the 3 hooks that queued them delivered
    const summary = page.locator('.outbox-summary li', { hasText: 'Thông báo qua tin nhắn SMS' })
    await expect.poll(() => summary.innerText()).toMatch(/Hỏng: 6[\s\S]*Đã gửi: 3/)
    const cards = page.locator('.outbox-item')
    await expect.poll(() => cards.count()).toBe(6)
    const first = await cards.first().innerText()
    expect(receiptCodes.some((code) => first.includes(code))).toBe(true)
    expect(first).toContain('Hỏng')
    expect(first).toContain('Thông báo qua tin nhắn SMS')
    expect(first).toContain('The SMS gateway answered HTTP 503')
    expect(first).toMatch(/Số lần thử\s*6/)
    // the request that filed the dossier, to find the delivery's lines in the server's logs
    expect(requestIds.some((id) => first.includes(`Mã yêu cầu (để tra nhật ký máy chủ): ${id}`))).toBe(true)
    await shot(page, 'dead-360')
  })

  it('requeues the selected message after a confirmation, and the gateway then gets the SMS', async () => {
    const code = receiptCodes[0]!
    const card = page.locator('.outbox-item', { hasText: code }).filter({ hasNotText: 'dossier.receipt' })
    await card.getByRole('checkbox').check()
    await page.getByRole('button', { name: 'Gửi lại tin đã chọn' }).click()
    const dialog = page.getByRole('dialog', { name: 'Gửi lại tin hỏng' })
    expect(await dialog.innerText()).toContain('Gửi lại 1 tin?')
    await shot(page, 'confirm-360')
    await dialog.getByRole('button', { name: 'Gửi lại' }).click()
    await page.getByText('Đã đưa 1 tin vào hàng đợi gửi lại.').waitFor()
    await expect.poll(() => page.locator('.outbox-item').count()).toBe(5)

    up = true
    await runOutbox()
    expect(texts).toEqual([expect.objectContaining({ to: '84912345678', text: expect.stringContaining(code) })])
    expect(texts[0]!.text).toMatch(/^Ho so .* da duoc gui toi Phuong Ha Khanh/)
  })

  it('discards every dead message of a plugin after a confirmation that counts them', async () => {
    await page.getByLabel('Tiện ích', { exact: true }).selectOption('notify-sms')
    await page.getByRole('button', { name: 'Bỏ tất cả 5 tin hỏng của Thông báo qua tin nhắn SMS' }).click()
    const dialog = page.getByRole('dialog', { name: 'Bỏ tin hỏng' })
    expect(await dialog.innerText()).toContain('Bỏ 5 tin?')
    await dialog.getByRole('button', { name: 'Bỏ', exact: true }).click()
    await page.getByText('Đã bỏ 5 tin.').waitFor()
    await page.getByText('Không có tin nào.').waitFor()
    await page.getByLabel('Trạng thái', { exact: true }).selectOption('discarded')
    await expect.poll(() => page.locator('.outbox-item').count()).toBe(5)
    await shot(page, 'discarded-360')
    // nothing discarded goes out
    await runOutbox()
    expect(texts).toHaveLength(1)
  })
})

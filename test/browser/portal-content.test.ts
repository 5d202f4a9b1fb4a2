import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pdfText } from '../../runtime/src/results/test-support'
import { libraryProcedure } from '../../runtime/src/testing'
import { axeViolations, chromiumAvailable, launchPhone, type Phone } from '../support/browser'
import { repoRoot } from '../support/runtime-process'
import { type ServedRuntime, serveRuntime } from '../support/served-runtime'

// What a citizen reads on a 360 px phone: Vietnamese content marked as such in English, counts, conditions,
// the blank paper form, a tracking code no dossier has, and an empty "Hồ sơ của tôi".
const shots = join(repoRoot, 'test-artifacts', 'screenshots')
const birth = libraryProcedure('dang-ky-khai-sinh').definition

describe.runIf(chromiumAvailable())('portal content on a phone', () => {
  let served: ServedRuntime
  let phone: Phone
  let page: Page

  const axe = async () => {
    const violations = await axeViolations(page)
    expect(violations, page.url()).toEqual([])
  }
  const shot = async (name: string) => {
    const [scroll, client] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ])
    expect(scroll, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(client)
    await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true })
  }
  const setLocale = async (locale: 'vi' | 'en') => {
    await page.goto(served.url)
    await page.evaluate((l) => localStorage.setItem('motcua.locale', l), locale)
  }

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true })
    served = await serveRuntime()
    phone = await launchPhone()
    page = phone.page
    page.setDefaultTimeout(20_000)
  }, 180_000)

  afterAll(async () => {
    await phone?.close()
    await served?.close()
  })

  it('marks Vietnamese-only procedure content lang="vi" on the English procedure page, and says so once', async () => {
    await setLocale('en')
    await page.goto(`${served.url}/thu-tuc/${encodeURIComponent(birth.code)}`)
    await page.getByRole('heading', { level: 1, name: birth.nameEn! }).waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    const note = page.getByRole('note')
    expect(await note.allInnerTexts()).toEqual(['This content is available in Vietnamese only.'])
    // Every component's name, the description and the fees are the definition's Vietnamese text, marked as such.
    const names = page.locator('.component__name')
    expect(await names.count()).toBe(birth.components.length)
    expect(await page.locator('.component__name[lang="vi"]').count()).toBe(birth.components.length)
    expect(await page.locator('.lead[lang="vi"]').first().innerText()).toBe(birth.name)
    expect(await page.locator('[lang="vi"]', { hasText: birth.fees[0]!.name }).count()).toBeGreaterThan(0)
    // The interface around it stays English.
    expect(await page.getByRole('heading', { level: 2, name: 'Documents' }).count()).toBe(1)
    const when = page.locator('.required-when', { hasText: 'Người được ủy quyền' })
    expect(await when.innerText()).toMatch(/^Required when: .*Người được ủy quyền/)
    expect(await when.locator('[lang="vi"]').count()).toBe(1)
    await shot('content-01-procedure-en')
    await axe()
  })

  it('says "1 procedure" in English search results', async () => {
    await page.goto(served.url)
    await page.getByLabel('Find a procedure').fill(birth.code)
    await expect.poll(() => page.locator('#results h2').first().innerText()).toBe('1 procedure')
    expect(await page.locator('#results .card__title').allInnerTexts()).toEqual([birth.nameEn])
    await shot('content-02-search-en')
    await axe()
  })

  it('says in Vietnamese when a conditionally required component is needed, and offers the blank form', async () => {
    await setLocale('vi')
    await page.goto(`${served.url}/thu-tuc/${encodeURIComponent(birth.code)}`)
    await page.getByRole('heading', { level: 1, name: birth.name }).waitFor()
    expect(await page.getByRole('note').count()).toBe(0)
    expect(await page.locator('body [lang="vi"]').count()).toBe(0)
    const authorised = page.locator('.component', { hasText: 'ủy quyền' }).first()
    expect(await authorised.locator('.required-when').innerText()).toBe(
      'Bắt buộc khi: Người đi đăng ký khai sinh › Quan hệ với người được khai sinh: “Người được ủy quyền”',
    )
    const link = page.getByRole('link', { name: 'Tải mẫu tờ khai (PDF, in khổ A4)' })
    await link.scrollIntoViewIfNeeded()
    await shot('content-03-procedure-vi')
    await axe()
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
    expect(download.suggestedFilename()).toMatch(/^to-khai-1\.001193-v1\.pdf$/)
    const pdf = new Uint8Array(readFileSync((await download.path())!))
    const text = pdfText(pdf).text.replace(/\s+/g, ' ')
    expect(text).toContain('TỜ KHAI')
    expect(text).toContain('Họ, chữ đệm và tên:')
    expect(text).toContain('Tôi xin cam đoan')
  })

  it('keeps a tracking code no dossier has in the field, focused, with what to check', async () => {
    const code = '000.00.21.H49-261128-9999'
    await page.goto(`${served.url}/tra-cuu/${encodeURIComponent(code)}`)
    const field = page.locator('#track-other-code')
    await expect.poll(() => field.inputValue()).toBe(code)
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('track-other-code')
    expect(await field.getAttribute('aria-invalid')).toBe('true')
    const error = page.locator('#track-other-code-error')
    expect(await error.innerText()).toContain(`Không tìm thấy hồ sơ có mã ${code}`)
    expect(await error.innerText()).toContain('giấy tiếp nhận')
    await shot('content-04-track-not-found')
    await axe()
  })

  it('gives an empty "Hồ sơ của tôi" its next steps', async () => {
    await page.goto(`${served.url}/dang-nhap`)
    await page.getByLabel('Tên đăng nhập').fill('congdan2')
    await page.getByLabel('Mật khẩu', { exact: true }).fill(served.password)
    await page.getByRole('button', { name: 'Đăng nhập' }).last().click()
    await page.getByRole('heading', { level: 1, name: 'Hồ sơ của tôi' }).waitFor()
    await page.getByText('Bạn chưa nộp hồ sơ nào bằng tài khoản này.').waitFor()
    const find = page.getByRole('link', { name: 'Tìm thủ tục để nộp hồ sơ trực tuyến' })
    const track = page.getByRole('link', { name: /Tra cứu hồ sơ đã nộp mà không đăng nhập/ })
    expect(await find.getAttribute('href')).toBe('/')
    expect(await track.getAttribute('href')).toBe('/tra-cuu')
    await shot('content-05-my-dossiers-empty')
    await axe()
    await track.click()
    await page.getByRole('heading', { level: 1, name: 'Tra cứu hồ sơ' }).waitFor()
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BrowserSession, chromiumAvailable, launchOffice } from '../support/browser'
import { deskShot } from '../support/desk'
import { type ServedRuntime, serveRuntime } from '../support/served-runtime'

// Staff who sign in where citizens do are sent to their own screens, and the desk lets only officers in.
describe.runIf(chromiumAvailable())('the way into the desk', () => {
  let served: ServedRuntime
  let browser: BrowserSession

  beforeAll(async () => {
    served = await serveRuntime()
    browser = await launchOffice()
    browser.page.setDefaultTimeout(15_000)
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await served?.close()
  })

  const signInOnPortal = async (username: string) => {
    const { page } = browser
    await page.goto(`${served.url}/dang-nhap`)
    await page.getByLabel('Tên đăng nhập').fill(username)
    await page.getByLabel('Mật khẩu', { exact: true }).fill(served.password)
    await page.getByRole('button', { name: 'Đăng nhập' }).last().click()
  }

  it('sends an officer who signs in on the portal to the desk, and an administrator to the studio', async () => {
    const { page, context } = browser
    await signInOnPortal('tiepnhan.06649')
    await page.waitForURL(/\/desk$/)
    await expect.poll(() => page.getByTestId('signed-in-as').innerText()).toMatch(/Cán bộ một cửa · 06649/)
    // the page's own requests answered before the session goes (else they would end in a 401)
    await page.waitForLoadState('networkidle')
    await context.clearCookies()
    await page.evaluate(() => localStorage.clear())
    await signInOnPortal('quantri.06649')
    await page.waitForURL(/\/studio$/)
    await page.waitForLoadState('networkidle')
    await context.clearCookies()
    await page.evaluate(() => localStorage.clear())
  })

  it('asks a citizen to sign in with an officer’s account, and asks for the desk after signing in', async () => {
    const { page } = browser
    browser.errors.length = 0
    await page.goto(`${served.url}/desk/lanh-dao`)
    await page.waitForURL(/\/desk\/dang-nhap\?tiep=%2Fdesk%2Flanh-dao/)
    await page.getByLabel('Tên đăng nhập').fill('congdan')
    await page.getByLabel('Mật khẩu', { exact: true }).fill(served.password)
    await page.getByRole('button', { name: 'Đăng nhập' }).last().click()
    await expect.poll(() => page.getByText('không phải tài khoản cán bộ').count()).toBe(1)
    // the leader signs in on the same page and gets the page the desk was asked for
    await page.getByLabel('Tên đăng nhập').fill('lanhdao.06649')
    await page.getByLabel('Mật khẩu', { exact: true }).fill(served.password)
    await page.getByRole('button', { name: 'Đăng nhập' }).last().click()
    await page.waitForURL(/\/desk\/lanh-dao$/)
    await page.getByRole('heading', { name: 'Điều hành của lãnh đạo' }).waitFor()
    await deskShot(page, 'signed-in')
    expect(browser.errors).toEqual([])
  })

  it('speaks English when asked, and remembers it', async () => {
    const { page } = browser
    await page.getByRole('button', { name: 'Switch to English' }).click()
    await page.getByRole('heading', { name: 'Leader’s overview' }).waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    await page.getByRole('link', { name: 'Dossiers' }).click()
    await page.getByRole('heading', { name: 'Dossiers' }).waitFor()
    await page.reload()
    await page.getByRole('heading', { name: 'Dossiers' }).waitFor()
    await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click()
    await page.getByRole('heading', { name: 'Hồ sơ' }).waitFor()
    expect(browser.errors).toEqual([])
  })
})

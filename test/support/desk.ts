import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { repoRoot } from './runtime-process'

const shots = join(repoRoot, 'test-artifacts', 'screenshots')

/** Signs a demo officer in on the desk's sign-in page and waits for the desk to show who is signed in. */
export async function signInToDesk(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(`${url}/desk/dang-nhap`)
  await page.getByLabel('Tên đăng nhập').fill(username)
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Đăng nhập' }).last().click()
  await page.getByTestId('signed-in-as').waitFor()
  await page.waitForURL((u) => !u.pathname.startsWith('/desk/dang-nhap'))
}

/**
 * A full-page screenshot of a desk screen to `test-artifacts/screenshots/desk-<name>.png`, after checking the page
 * does not scroll sideways (the desk must fit a 1366×768 office screen and a tablet).
 */
export async function deskShot(page: Page, name: string): Promise<void> {
  mkdirSync(shots, { recursive: true })
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ])
  expect(scroll, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(client)
  await page.screenshot({ path: join(shots, `desk-${name}.png`), fullPage: true })
}

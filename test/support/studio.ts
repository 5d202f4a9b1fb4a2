import type { Page } from 'playwright-core'

/** Signs a demo administrator in on the studio's sign-in page and waits for the procedures list. */
export async function signInToStudio(page: Page, url: string, username: string, password = 'motcua-demo') {
  await page.goto(`${url}/studio/dang-nhap`)
  await page.getByLabel('Tên đăng nhập').fill(username)
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Đăng nhập' }).last().click()
  await page.waitForURL(/\/studio$/)
}

/**
 * Signs out with the bar's button and waits for the sign-in page: going on at once would load the next page while
 * the sign-out is still on its way, and that page would ask the server about a session that is ending (a 401).
 */
export async function signOutOfStudio(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Đăng xuất' }).click()
  await page.waitForURL(/\/studio\/dang-nhap/)
  await page.getByLabel('Tên đăng nhập').waitFor()
}

/**
 * A draft of a published procedure's version in force, made as the signed-in page would ("Sửa thủ tục"); its id.
 * (No helper function inside the page function: under tsx, keepNames would reach the page as `__name`.)
 */
export const draftOfProcedure = (page: Page, code: string): Promise<string> =>
  page.evaluate(async (code) => {
    const response = await fetch(`/api/admin/procedures/${code}/drafts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': sessionStorage.getItem('motcua.csrf') ?? '' },
      body: '{}',
    })
    return ((await response.json()) as { id: string }).id
  }, code)

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { launchPhone, type Phone } from './browser'
import { type RuntimeProcess, repoRoot, startRuntimeProcess, stopRuntimeProcess } from './runtime-process'

/** Where browser tests leave their screenshots. */
export const shots = join(repoRoot, 'test-artifacts', 'screenshots')

/** A runtime process on a fresh embedded database with the repository's plugins, and a phone-sized Chromium page. */
export interface StudioOnPhone {
  runtime: RuntimeProcess
  phone: Phone
  page: Page
  close(): Promise<void>
}

/** Starts a {@link StudioOnPhone}; its data folder is named after `name` and removed on close. */
export async function startStudioOnPhone(name: string): Promise<StudioOnPhone> {
  mkdirSync(shots, { recursive: true })
  const dataDir = mkdtempSync(join(tmpdir(), `motcua-${name}-`))
  const runtime = await startRuntimeProcess({
    ...process.env,
    DATABASE_URL: '',
    DATA_DIR: join(dataDir, 'db'),
    PLUGINS_DIR: join(repoRoot, 'plugins'),
  })
  const phone = await launchPhone()
  phone.page.setDefaultTimeout(15_000)
  return {
    runtime,
    phone,
    page: phone.page,
    async close() {
      await phone.close()
      await stopRuntimeProcess(runtime)
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

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

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumAvailable, launchPhone, type Phone } from '../support/browser'
import { LONG_FORM_FIELDS, openLongForm, publishLongForm } from '../support/long-form'
import { type RuntimeProcess, startRuntimeProcess, stopRuntimeProcess } from '../support/runtime-process'

// How fast typing into it is, is measured by `npm run bench` (a timing has no place in a test on a shared machine).
describe.runIf(chromiumAvailable())('a 120-field form', () => {
  let runtime: RuntimeProcess
  let phone: Phone
  let dataDir: string

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'motcua-long-form-'))
    mkdirSync(join(dataDir, 'no-plugins'))
    runtime = await startRuntimeProcess({
      ...process.env,
      DATABASE_URL: '',
      DATA_DIR: join(dataDir, 'db'),
      PLUGINS_DIR: join(dataDir, 'no-plugins'),
    })
    await publishLongForm(runtime.url, { username: 'admin', password: 'motcua-demo' })
    phone = await launchPhone()
  }, 120_000)

  afterAll(async () => {
    await phone?.close()
    if (runtime) await stopRuntimeProcess(runtime)
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('shows every field on one page and keeps every keystroke typed into the last one', async () => {
    const { page } = phone
    const last = await openLongForm(page, runtime.url)
    expect(await page.locator('.mc-form input').count()).toBe(LONG_FORM_FIELDS)
    await page.evaluate(() => {
      const w = window as unknown as { inputs: number }
      w.inputs = 0
      document.addEventListener('input', () => w.inputs++, true)
    })
    await last.scrollIntoViewIfNeeded()
    await last.click()
    const text = 'Nguyễn Văn Hùng, số 12 tổ 5 khu 3 phường Hà Khánh'
    await last.pressSequentially(text, { delay: 20 })
    await expect.poll(() => last.inputValue()).toBe(text)
    expect(await page.evaluate(() => (window as unknown as { inputs: number }).inputs)).toBe(text.length)
    expect(phone.errors).toEqual([])
  })
})

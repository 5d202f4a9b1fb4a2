import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BrowserSession, chromiumAvailable, launchDesktop } from '../support/browser'
import { type RuntimeProcess, repoRoot, startRuntimeProcess, stopRuntimeProcess } from '../support/runtime-process'
import { signInToStudio, signOutOfStudio } from '../support/studio'

// A province administrator and a commune's administrator in the studio's procedure screens, against the built runtime.
const shots = join(repoRoot, 'test-artifacts', 'screenshots')

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ])
  expect(scroll, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(client)
  await page.screenshot({ path: join(shots, `studio-procedures-${name}.png`), fullPage })
}

/** A call to the API with the signed-in tab's session, for what the test prepares rather than checks. */
const call = (page: Page, path: string, method = 'GET', body?: unknown) =>
  page.evaluate(
    async ([path, method, body]) => {
      const response = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': sessionStorage.getItem('motcua.csrf') ?? '' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
      return { status: response.status, body: (await response.json().catch(() => null)) as Record<string, unknown> }
    },
    [path, method, body] as const,
  )

/** Vietnam's day `days` from now, as YYYY-MM-DD. */
const vietnamDay = (days: number) => new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10)
const vietnamese = (day: string) => day.split('-').reverse().join('/')

async function signIn(page: Page, baseUrl: string, username: string): Promise<void> {
  await signInToStudio(page, baseUrl, username)
  await page.getByRole('heading', { level: 1, name: 'Thủ tục hành chính' }).waitFor()
}

const rows = (page: Page) => page.locator('.procedures-table tbody tr')

describe.runIf(chromiumAvailable())("the studio's procedure screens", () => {
  let runtime: RuntimeProcess
  let browser: BrowserSession
  let page: Page
  let dataDir: string

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true })
    dataDir = mkdtempSync(join(tmpdir(), 'motcua-studio-procedures-'))
    runtime = await startRuntimeProcess({ ...process.env, DATABASE_URL: '', DATA_DIR: join(dataDir, 'db') })
    browser = await launchDesktop()
    page = browser.page
    page.setDefaultTimeout(15_000)
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    if (runtime) await stopRuntimeProcess(runtime)
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('finds procedures without diacritics, and makes one from the library under a new code, then deletes it', async () => {
    await signIn(page, runtime.url, 'admin')
    await rows(page).first().waitFor()
    await page.getByLabel('Tìm thủ tục').fill('khai sinh')
    await expect
      .poll(() => rows(page).locator('.procedure-name').allInnerTexts(), { timeout: 10_000 })
      .toContain('Đăng ký khai sinh')
    expect(await rows(page).locator('.procedure-name').allInnerTexts()).not.toContain('Đăng ký khai tử')
    expect(new URL(page.url()).searchParams.get('tim')).toBe('khai sinh') // the filter is in the address
    await shot(page, 'list-1280')

    await page.getByRole('button', { name: 'Tạo thủ tục' }).click()
    const dialog = page.getByRole('dialog', { name: 'Tạo thủ tục' })
    await dialog.getByLabel('Tìm trong thư viện').fill('chung thuc chu ky')
    await dialog.getByRole('radio', { name: /Chứng thực chữ ký/ }).check()
    expect(await dialog.getByLabel('Mã thủ tục').inputValue()).toBe('') // its library code 2.000884 is taken
    await dialog.getByLabel('Mã thủ tục').fill('QN-CTCK-01')
    await shot(page, 'create-1280', false)
    await dialog.getByRole('button', { name: 'Tạo từ thủ tục mẫu' }).click()
    await page.waitForURL(/\/studio\/nhap\/[0-9a-f-]{36}$/)

    await page.goto(`${runtime.url}/studio?tim=qn-ctck`)
    await expect.poll(() => rows(page).count(), { timeout: 10_000 }).toBe(1)
    expect(await rows(page).first().locator('.badge').allInnerTexts()).toEqual(['Bản nháp'])
    await rows(page)
      .first()
      .getByRole('button', { name: /^Xóa bản nháp của/ })
      .click()
    const confirm = page.getByRole('dialog', { name: 'Xóa bản nháp?' })
    expect(await confirm.innerText()).toContain('mã QN-CTCK-01 có thể dùng lại')
    await confirm.getByRole('button', { name: 'Xóa bản nháp' }).click()
    await page.getByText('Không có thủ tục nào khớp với bộ lọc').waitFor()
    expect((await call(page, '/api/admin/procedures?q=QN-CTCK-01')).body.items).toEqual([]) // the code is free again
  })

  it("exports a published version, drafts from it, and publishes the draft's changes from a later day", async () => {
    await page.goto(`${runtime.url}/studio?tim=dang ky khai sinh`)
    await rows(page).getByRole('link', { name: 'Đăng ký khai sinh', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải về phiên bản 1 (procedure.json)' }).click(),
    ])
    expect(download.suggestedFilename()).toBe('procedure.json')
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { code: string; steps: unknown[] }
    expect(exported.code).toBe('1.001193')
    expect(exported.steps.length).toBeGreaterThan(1)
    await page.getByText(/^Đang nhận hồ sơ tại \d+ trên \d+ đơn vị$/).waitFor()
    await shot(page, 'procedure-1280')

    await page.getByRole('button', { name: 'Sửa thủ tục' }).click()
    await page.waitForURL(/\/studio\/nhap\/[0-9a-f-]{36}$/)
    const draftId = page.url().split('/').at(-1)!
    // what the editor would do: a longer processing time
    const draft = (await call(page, `/api/admin/drafts/${draftId}`)).body as { definition: Record<string, unknown> }
    const longer = { ...draft.definition, processingTime: { kind: 'workingDays', days: 5 } }
    expect((await call(page, `/api/admin/drafts/${draftId}`, 'PUT', { definition: longer })).status).toBe(200)

    await page.goto(`${runtime.url}/studio/thu-tuc/1.001193`)
    await page.getByRole('button', { name: 'Ban hành…' }).click()
    const publish = page.getByRole('dialog', { name: 'Ban hành thủ tục' })
    await publish.getByRole('heading', { name: 'Thông tin chung' }).waitFor()
    expect(await publish.locator('.changes').innerText()).toMatch(/Thời hạn giải quyết: .* → 5 ngày làm việc/)
    await publish.getByLabel('Áp dụng từ ngày').check()
    const from = vietnamDay(10)
    await publish.getByLabel('Ngày bắt đầu áp dụng').fill(vietnamese(from))
    await shot(page, 'publish-1280', false)
    await publish.getByRole('button', { name: `Ban hành, áp dụng từ ${vietnamese(from)}` }).click()
    await publish.getByText(`Đã ban hành phiên bản 2, áp dụng từ ngày ${vietnamese(from)}.`).waitFor()
    await publish.getByRole('button', { name: 'Xong' }).click()
    await page
      .locator('.procedure__facts')
      .getByText(`Hẹn ngày ${vietnamese(from)} (v2)`)
      .waitFor()
    expect(await page.locator('.procedure__facts .badge').allInnerTexts()).toContain('Đang áp dụng v1')
    expect(await page.locator('tr', { hasText: 'Phiên bản 2' }).innerText()).toContain('Hẹn ngày áp dụng')
    await shot(page, 'scheduled-1280')

    // withdrawing asks first, saying what becomes of the dossiers in flight
    await page.getByRole('button', { name: 'Bãi bỏ…' }).click()
    const withdraw = page.getByRole('dialog', { name: 'Bãi bỏ thủ tục “Đăng ký khai sinh”?' })
    expect(await withdraw.innerText()).toContain('vẫn được giải quyết đến cùng theo phiên bản đã áp dụng khi nộp')
    await withdraw.getByRole('button', { name: 'Hủy' }).click()

    await page.goto(`${runtime.url}/studio?trang-thai=scheduled`)
    await expect
      .poll(() => rows(page).locator('.procedure-name').allInnerTexts(), { timeout: 10_000 })
      .toContain('Đăng ký khai sinh')
  })

  it("shows a commune's administrator only the commune's procedures, on a phone too", async () => {
    for (const [code, unit] of [
      ['QN-HK-01', '06649'],
      ['QN-HP-01', '06652'],
    ]) {
      const created = await call(page, '/api/admin/drafts/from-library', 'POST', {
        folder: 'chung-thuc-chu-ky',
        code,
        ownerUnitCode: unit,
      })
      expect(created.status).toBe(201)
    }
    // Hà Khánh publishes under four eyes
    expect((await call(page, '/api/admin/units/06649/settings', 'PUT', { fourEyes: true })).status).toBe(200)
    await signOutOfStudio(page)
    await signIn(page, runtime.url, 'quantri.06649')
    await rows(page).first().waitFor()
    const codes = await rows(page).locator('td:first-child .muted').allInnerTexts()
    expect(codes).toEqual(['Mã QN-HK-01']) // not the province's procedures, nor Hà Phong's
    await shot(page, 'commune-1280')

    await page.setViewportSize({ width: 360, height: 740 })
    await shot(page, 'commune-360')
    await page.getByRole('button', { name: 'Tạo thủ tục' }).click()
    await page.getByRole('dialog', { name: 'Tạo thủ tục' }).getByLabel('Sao chép thủ tục của đơn vị khác').check()
    await shot(page, 'create-360', false)
    await page.keyboard.press('Escape')
    await rows(page)
      .getByRole('link', { name: /Chứng thực chữ ký/ })
      .click()
    await page.getByRole('heading', { name: 'Bản nháp đang soạn' }).waitFor()
    await shot(page, 'procedure-360')

    // asking to publish: another administrator must approve
    await page.getByRole('button', { name: 'Ban hành…' }).click()
    const publish = page.getByRole('dialog', { name: 'Ban hành thủ tục' })
    await publish.getByRole('button', { name: 'Ban hành ngay' }).click()
    await publish.getByText('chỉ được ban hành khi một quản trị viên khác phê duyệt').waitFor()
    await publish.getByRole('button', { name: 'Xong' }).click()
    await page.getByRole('button', { name: 'Rút lại đề nghị' }).waitFor()
    expect(await page.getByRole('button', { name: 'Phê duyệt và ban hành' }).count()).toBe(0)
    expect(browser.errors).toEqual([])

    await page.setViewportSize({ width: 1280, height: 800 })
    await signOutOfStudio(page)
    await signIn(page, runtime.url, 'admin')
    await page.goto(`${runtime.url}/studio/thu-tuc/QN-HK-01`)
    await page.locator('.draft-panel').getByText('Chờ phê duyệt').waitFor()
    await shot(page, 'approval-1280')
    await page.getByRole('button', { name: 'Phê duyệt và ban hành' }).click()
    await page.locator('.procedure__facts').getByText('Đang áp dụng v1').waitFor()
  })
})

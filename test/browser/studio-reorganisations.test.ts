import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumAvailable, launchPhone, type Phone } from '../support/browser'
import { type RuntimeProcess, repoRoot, startRuntimeProcess, stopRuntimeProcess } from '../support/runtime-process'
import { signInToStudio, signOutOfStudio } from '../support/studio'

// The studio's reorganisation screens, driven as the province's administrator on a desktop and a phone, and refused
// to a ward's administrator, against the built runtime (a real process on a fresh PGlite folder: the 2019 structure).
const shots = join(repoRoot, 'test-artifacts', 'screenshots')
const HOANH_BO = '2020-01-01-hoanh-bo'
const TWO_TIERS = '2025-07-01-quang-ninh-hai-cap'
const TINH_HUC = '06850'
const BINH_LIEU = '06838'

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ])
  expect(scroll, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(client)
  await page.screenshot({ path: join(shots, `studio-reorganisations-${name}.png`), fullPage })
}

async function signIn(page: Page, base: string, username: string): Promise<void> {
  await signInToStudio(page, base, username)
  await page.getByTestId('signed-in-as').waitFor()
}

// the figures of the summary, as the page shows them: { ending: 23, … }
const shownFigures = (page: Page) =>
  page
    .getByTestId('reorg-figures')
    .evaluate((list) =>
      Object.fromEntries(
        [...list.querySelectorAll('li')].map((li) => [
          li.getAttribute('data-testid')!.replace('figure-', ''),
          Number(li.querySelector('strong')!.textContent!.replace(/\D/g, '')),
        ]),
      ),
    )

describe.runIf(chromiumAvailable())("the studio's reorganisation plans", () => {
  let runtime: RuntimeProcess
  let phone: Phone
  let page: Page
  let dataDir: string

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true })
    dataDir = mkdtempSync(join(tmpdir(), 'motcua-studio-reorganisations-'))
    runtime = await startRuntimeProcess({
      ...process.env,
      DATABASE_URL: '',
      DATA_DIR: join(dataDir, 'db'),
      PLUGINS_DIR: join(repoRoot, 'plugins'),
    })
    // before the plan: a birth registration open at Xã Tình Húc (which the 2020 plan merges into Thị trấn Bình
    // Liêu), and four-eyes publishing set at both, so the ward's setting is in conflict with the town's
    const api = (path: string, init: RequestInit = {}) => fetch(`${runtime.url}${path}`, init)
    const form = new FormData()
    form.set(
      'dossier',
      JSON.stringify({
        procedureCode: '1.001193',
        unitCode: TINH_HUC,
        applicant: { fullName: 'Đặng Thị Thu' },
        formData: JSON.parse(readFileSync(join(repoRoot, 'procedures/dang-ky-khai-sinh/sample.json'), 'utf8')),
        declaration: true,
      }),
    )
    form.append('attachments.giay_chung_sinh', new File(['%PDF-1.4\n%%EOF\n'], 'giay.pdf'))
    const filed = await api('/api/dossiers', { method: 'POST', body: form })
    expect(filed.status, await filed.clone().text()).toBe(201)
    const login = await api('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'motcua-demo' }),
    })
    const { token } = (await login.json()) as { token: string }
    for (const unit of [TINH_HUC, BINH_LIEU]) {
      const set = await api(`/api/admin/units/${unit}/settings`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ fourEyes: true }),
      })
      expect(set.status, await set.clone().text()).toBe(200)
    }
    phone = await launchPhone()
    page = phone.page
    page.setDefaultTimeout(20_000)
  }, 120_000)

  afterAll(async () => {
    await phone?.close()
    if (runtime) await stopRuntimeProcess(runtime)
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('lists the shipped plans by date, none applied yet', async () => {
    await page.setViewportSize({ width: 1280, height: 800 })
    await signIn(page, runtime.url, 'admin')
    await page.getByRole('link', { name: 'Sắp xếp đơn vị' }).first().click()
    const rows = page.getByRole('table', { name: 'Các kế hoạch sắp xếp' }).locator('tbody tr')
    await expect.poll(() => rows.count()).toBe(4)
    const dates = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('td')!.textContent))
    expect(dates).toEqual(['01/01/2020', '01/11/2024', '01/03/2025', '01/07/2025'])
    expect(await page.getByTestId(`plan-${HOANH_BO}`).innerText()).toContain('Chưa áp dụng')
    await shot(page, 'list-1280')
  })

  it('previews the 2020 Hoành Bồ plan with the figures the API reports, then applies it', async () => {
    await page.getByRole('link', { name: /^Nhập huyện Hoành Bồ vào thành phố Hạ Long/ }).click()
    await page.getByTestId('reorg-figures').waitFor()
    const report = await page.evaluate(async (name) => {
      const res = await fetch('/api/admin/reorganisations/preview', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': sessionStorage.getItem('motcua.csrf') ?? '' },
        body: JSON.stringify({ name }),
      })
      return (await res.json()) as {
        problems: unknown[]
        units: { ending: unknown[]; created: unknown[] }
        dossiers: { open: number }
        accounts: unknown[]
      }
    }, HOANH_BO)
    expect(report.problems).toEqual([])
    const figures = await shownFigures(page)
    expect(figures).toMatchObject({
      ending: report.units.ending.length,
      created: report.units.created.length,
      openDossiers: report.dossiers.open,
      accounts: report.accounts.length,
    })
    expect(figures).toMatchObject({ openDossiers: 1, settings: 0, conflicts: 1 })
    expect(figures.problems).toBeUndefined()
    // the open dossier goes to the town; the town keeps its own setting (the section opens by itself)
    const dossiers = page.getByTestId('section-dossiers')
    await dossiers.locator('summary').click()
    expect(await dossiers.getByTestId(`dossiers-${TINH_HUC}`).innerText()).toMatch(
      /Xã Tình Húc \(06850\)\s+→ Thị trấn Bình Liêu \(06838\)\s+1 hồ sơ/,
    )
    expect(await page.getByTestId('section-settings').locator('tr.reorg-table__conflict').innerText()).toMatch(
      /Phê duyệt ban hành bởi người thứ hai\s+Trùng\s+Giữ thiết lập đã có của Thị trấn Bình Liêu \(06838\); thiết lập của Xã Tình Húc \(06850\) không chuyển/,
    )
    // the district that ends, found without diacritics in its section, taken over by the city
    const ending = page.getByTestId('section-ending')
    await ending.locator('summary').click()
    await ending.getByLabel(/^Lọc trong/).fill('hoanh bo')
    await expect.poll(() => ending.getByTestId('ending-204').innerText()).toMatch(/Huyện Hoành Bồ.*Sáp nhập.*Hạ Long/s)
    const accounts = page.getByTestId('section-accounts')
    await accounts.locator('summary').click()
    await accounts.getByLabel(/^Lọc trong/).fill('tinh huc')
    await expect.poll(() => accounts.getByText(/^Hiện \d+\/\d+$/).innerText()).toMatch(/^Hiện [1-9]\d*\/92$/)
    await shot(page, 'preview-1280')

    await page.getByRole('button', { name: 'Áp dụng kế hoạch' }).click()
    const dialog = page.getByRole('dialog', { name: 'Áp dụng kế hoạch sắp xếp' })
    expect(await dialog.innerText()).toMatch(/sẽ được áp dụng ngay, trong một lần duy nhất[\s\S]*Không thể hoàn tác/)
    await shot(page, 'confirm-1280', false)
    await dialog.getByRole('button', { name: 'Áp dụng ngay' }).click()
    await expect.poll(() => page.getByTestId('plan-status').innerText()).toMatch(/^Đã áp dụng ngày \d\d\/\d\d\/\d{4}$/)
    expect(await page.getByRole('status').filter({ hasText: 'Đã áp dụng kế hoạch' }).count()).toBe(1)
    expect(await page.getByRole('button', { name: 'Áp dụng kế hoạch' }).count()).toBe(0)

    // the list says so, and the plan now shows the report kept, with no button
    await page.getByRole('link', { name: 'Sắp xếp đơn vị' }).first().click()
    await expect.poll(() => page.getByTestId(`plan-${HOANH_BO}`).innerText()).toMatch(/Đã áp dụng ngày/)
    await page.getByRole('link', { name: /^Nhập huyện Hoành Bồ/ }).click()
    await expect.poll(() => page.getByText('Báo cáo lưu lúc áp dụng').count()).toBe(1)
    expect((await shownFigures(page)).ending).toBe(figures.ending)
    expect(await page.getByRole('button', { name: 'Áp dụng kế hoạch' }).count()).toBe(0)
    await shot(page, 'applied-1280')
  })

  it('explains a plan file that is not JSON, and one the server finds invalid, with the places to correct', async () => {
    await page.goto(`${runtime.url}/studio/sap-xep`)
    const input = page.getByLabel('Chọn tệp kế hoạch (.json)')
    await input.setInputFiles({ name: 'sai.json', mimeType: 'application/json', buffer: Buffer.from('{ "name": ') })
    await expect
      .poll(() => page.getByTestId('upload-error').innerText())
      .toMatch(/Tệp “sai\.json” không phải JSON hợp lệ/)
    const plan = { name: 'ke-hoach', title: 'Thử', effectiveDate: '2026-13-01', changes: [] }
    await input.setInputFiles({
      name: 'thieu.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(plan)),
    })
    await expect
      .poll(() => page.getByTestId('upload-error').innerText())
      .toMatch(/Tệp “thieu\.json” chưa đúng mẫu kế hoạch sắp xếp[\s\S]*Vị trí trong tệp: \//)
    await shot(page, 'upload-error-1280')
  })

  it('shows a plan that does not fit the units in force with its problems, on a phone, and refuses to apply it', async () => {
    await page.setViewportSize({ width: 360, height: 740 })
    await page.goto(`${runtime.url}/studio/sap-xep`)
    await page.getByTestId(`plan-${TWO_TIERS}`).waitFor()
    await shot(page, 'list-360')
    // the 2024 plan has not been applied: the two-tier plan names units that are not in force the day before
    await page.goto(`${runtime.url}/studio/sap-xep/${TWO_TIERS}`)
    const problems = page.getByTestId('reorg-problems')
    await expect.poll(() => problems.innerText()).toMatch(/Vấn đề phải sửa \(\d+\)[\s\S]*Cần làm: /)
    expect(await page.getByRole('button', { name: 'Áp dụng kế hoạch' }).isDisabled()).toBe(true)
    const dossiers = page.getByTestId('section-ending')
    await dossiers.locator('summary').click()
    await dossiers.getByLabel(/^Lọc trong/).fill('uong bi')
    await shot(page, 'problems-360')
    // the applied plan's report, its moves stacked as rows (the settings, with a conflict, open by themselves)
    await page.goto(`${runtime.url}/studio/sap-xep/${HOANH_BO}`)
    await page.getByTestId('section-dossiers').locator('summary').click()
    await expect.poll(() => page.getByTestId(`dossiers-${TINH_HUC}`).isVisible()).toBe(true)
    await shot(page, 'applied-360')
  })

  it("is not offered to a ward's administrator, and is refused by the API", async () => {
    await signOutOfStudio(page)
    await signIn(page, runtime.url, 'quantri.06649')
    expect(await page.getByRole('link', { name: 'Sắp xếp đơn vị' }).count()).toBe(0)
    await page.goto(`${runtime.url}/studio/sap-xep`)
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('Chỉ quản trị viên cấp tỉnh')
    await shot(page, 'refused-360')
    const status = await page.evaluate(async () => (await fetch('/api/admin/reorganisations')).status)
    expect(status).toBe(403)
    expect(phone.errors.filter((e) => !e.startsWith('Failed to load resource'))).toEqual([])
  })
})

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumAvailable, launchPhone, type Phone } from '../support/browser'
import { type RuntimeProcess, repoRoot, startRuntimeProcess, stopRuntimeProcess } from '../support/runtime-process'
import { draftOfProcedure, signInToStudio } from '../support/studio'

// A province administrator works on a draft of the criminal record certificate (cấp Phiếu lý lịch tư pháp) in the
// editor's sections: its fees (a table of conditions and the tester), its steps as a flow, its dossier components,
// and a test run over Tết, at 1280 px and on a 360 px phone.
const shots = join(repoRoot, 'test-artifacts', 'screenshots')
const CODE = 'QN-LLTP-01'

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ])
  expect(scroll, `${name} scrolls sideways`).toBeLessThanOrEqual(client)
  await page.screenshot({ path: join(shots, `studio-sections-${name}.png`), fullPage })
}

describe.runIf(chromiumAvailable())("the studio editor's sections", () => {
  let runtime: RuntimeProcess
  let browser: Phone
  let page: Page
  let dataDir: string
  let draftUrl: string
  let draftId: string

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true })
    dataDir = mkdtempSync(join(tmpdir(), 'motcua-studio-sections-'))
    runtime = await startRuntimeProcess({ ...process.env, DATABASE_URL: '', DATA_DIR: join(dataDir, 'db') })
    browser = await launchPhone()
    page = browser.page
    page.setDefaultTimeout(20_000)
    page.on('dialog', (dialog) => void dialog.accept())
    await page.setViewportSize({ width: 1280, height: 800 })
    await signInToStudio(page, runtime.url, 'admin')
    const id = await draftOfProcedure(page, CODE)
    draftId = id
    draftUrl = `${runtime.url}/studio/nhap/${id}`
  }, 180_000)

  afterAll(async () => {
    await browser?.close()
    if (runtime) await stopRuntimeProcess(runtime)
    rmSync(dataDir, { recursive: true, force: true })
  })

  const feeOf = (key: string) => page.getByTestId(`fee-result-${key}`).locator('td').nth(1)

  it('shows a fee rule as a table, adds "online: 50%" and computes each fee as at submission', async () => {
    await page.goto(`${draftUrl}?tab=le-phi`)
    await page.getByRole('heading', { name: 'Phí, lệ phí', exact: true }).waitFor()
    // the library's rule (exemptions by category) reads as rows of conditions, not JSON
    const how = page.getByRole('radiogroup', { name: 'Cách tính “Phí cung cấp thông tin lý lịch tư pháp”' })
    expect(await how.getByRole('radio', { name: 'Theo điều kiện' }).isChecked()).toBe(true)
    await page
      .getByRole('group', { name: /^Dòng 1 của “Phí cung cấp/ })
      .first()
      .waitFor()

    await page.getByLabel('Đối tượng nộp phí', { exact: true }).selectOption({ label: 'Sinh viên (giảm 50%)' })
    await expect.poll(() => feeOf('phi_lltp').innerText()).toBe('100.000 đ')
    await page.getByLabel('Đối tượng nộp phí', { exact: true }).selectOption({ label: '(chưa khai)' })
    await expect.poll(() => feeOf('phi_lltp').innerText()).toBe('200.000 đ')

    // "nếu nộp trực tuyến thì 50% mức thu": the new row's default
    await page.getByRole('button', { name: '+ Thêm dòng điều kiện' }).click()
    await page.getByLabel('Dòng 3 của “Phí cung cấp thông tin lý lịch tư pháp”: phần trăm').waitFor()
    await expect.poll(() => feeOf('phi_lltp').innerText()).toBe('100.000 đ')
    await page.getByLabel('Kênh nộp hồ sơ', { exact: true }).selectOption({ label: 'Nộp trực tiếp' })
    await expect.poll(() => feeOf('phi_lltp').innerText()).toBe('200.000 đ')
    expect(await page.getByTestId('fee-total').innerText()).toBe('200.000 đ')
    await page.getByLabel('Kênh nộp hồ sơ', { exact: true }).selectOption({ label: 'Nộp trực tuyến' })
    await expect.poll(() => feeOf('phi_lltp').innerText()).toBe('100.000 đ')
    await shot(page, 'fees', true)

    // the editor's undo takes the row back
    await page.getByRole('button', { name: /Hoàn tác/ }).click()
    await expect.poll(() => feeOf('phi_lltp').innerText()).toBe('200.000 đ')
  })

  it('draws the steps as a flow, edits one in place and says when the budgets exceed the total', async () => {
    await page.setViewportSize({ width: 360, height: 740 })
    await page.goto(`${draftUrl}?tab=quy-trinh`)
    await page.getByRole('heading', { name: 'Quy trình xử lý', exact: true }).waitFor()
    const boxes = page.locator('.sx-step')
    expect(await boxes.count()).toBe(4)
    // the send-back of the leader's step is named in its box, with its target
    expect(await page.locator('.sx-exits').allInnerTexts()).toContainEqual(
      expect.stringMatching(/Trả lại chuyên viên xử lý lại → 2\. Tra cứu/),
    )
    await page.getByRole('button', { name: /^Bước 2:/ }).click()
    const panel = page.getByRole('region', { name: /^Sửa bước/ })
    await panel.getByLabel('Thời hạn của bước: số').fill('200')
    await page
      .getByText(/vượt thời hạn giải quyết/)
      .first()
      .waitFor()
    await shot(page, 'steps-phone')
    await page.setViewportSize({ width: 1280, height: 800 })
    await panel.getByLabel('Thời hạn của bước: số').fill('4')
    await page.getByRole('status').filter({ hasText: 'nằm trong thời hạn giải quyết' }).waitFor()
    // the officer enters a verification result with the step's forward action: a field, without JSON
    await panel.locator('details.sx-action summary').first().click()
    await panel.getByRole('button', { name: '+ Thêm thông tin cán bộ nhập' }).first().click()
    const field = panel.getByLabel(/thông tin 1: Tên thông tin$/).first()
    await field.fill('Kết quả tra cứu')
    await panel
      .getByLabel(/thông tin 1: loại$/)
      .first()
      .selectOption({ label: 'Chọn một trong danh sách' })
    await panel.screenshot({ path: join(shots, 'studio-sections-step-panel.png') })
    await page.getByRole('button', { name: 'Xong', exact: true }).click()
    await shot(page, 'steps', true)
  })

  it('adds a dossier component with file types and a condition, kept by autosave', async () => {
    await page.goto(`${draftUrl}?tab=thanh-phan`)
    await page.getByRole('button', { name: '+ Thêm thành phần hồ sơ' }).click()
    await page.getByLabel('Tên thành phần hồ sơ').last().fill('Giấy xác nhận nơi cư trú')
    await page.getByLabel('Văn bản Word (.docx)').last().check()
    await page.getByLabel('Chỉ yêu cầu trong trường hợp sau').last().check()
    // autosaved: the server's draft has it
    const saved = () =>
      page.evaluate(async (id) => {
        const draft = (await (await fetch(`/api/admin/drafts/${id}`)).json()) as {
          definition: { components: { name: string; accept?: string[]; when?: unknown }[] }
        }
        return draft.definition.components.find((c) => c.name === 'Giấy xác nhận nơi cư trú') ?? null
      }, draftId)
    await expect.poll(async () => (await saved())?.when !== undefined, { timeout: 30_000 }).toBe(true)
    expect((await saved())?.accept).toContain('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    await page.reload()
    const added = page.locator('details.sx-card').filter({ hasText: 'Giấy xác nhận nơi cư trú' })
    await added.waitFor()
    expect(await added.locator('summary').innerText()).toContain('Bắt buộc theo điều kiện')
  })

  it('runs the procedure over Tết: each step’s start and due date, and the days off it crosses', async () => {
    await page.goto(`${draftUrl}?tab=chay-thu`)
    await page.getByRole('button', { name: /Thử qua Tết/ }).click()
    await page.getByRole('button', { name: 'Chạy thử', exact: true }).click()
    await page.getByTestId('run-total').waitFor()
    expect(await page.getByTestId('run-total').innerText()).toMatch(
      /Hạn trả kết quả: \d\d:\d\d Thứ .+, \d\d\/\d\d\/\d{4}/,
    )
    expect(await page.locator('.sx-run').innerText()).toContain('Tết Nguyên đán')
    await shot(page, 'test-run', true)
  })
})

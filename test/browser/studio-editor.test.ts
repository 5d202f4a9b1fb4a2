import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumAvailable, launchPhone, type Phone } from '../support/browser'
import { type RuntimeProcess, repoRoot, startRuntimeProcess, stopRuntimeProcess } from '../support/runtime-process'
import { draftOfProcedure, signInToStudio } from '../support/studio'

// A province administrator edits a draft of the library's largest procedure (the criminal record certificate) in
// the studio's editor: the form builder, its live preview, the problems, undo/redo, the JSON tab and autosave.
const shots = join(repoRoot, 'test-artifacts', 'screenshots')
const CODE = 'QN-LLTP-01'

async function shot(page: Page, name: string): Promise<void> {
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ])
  expect(scroll, `${name} scrolls sideways`).toBeLessThanOrEqual(client)
  await page.screenshot({ path: join(shots, `studio-editor-${name}.png`) })
}

describe.runIf(chromiumAvailable())("the studio's procedure editor", () => {
  let runtime: RuntimeProcess
  let browser: Phone
  let page: Page
  let dataDir: string
  let draftUrl: string

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true })
    dataDir = mkdtempSync(join(tmpdir(), 'motcua-studio-editor-'))
    runtime = await startRuntimeProcess({ ...process.env, DATABASE_URL: '', DATA_DIR: join(dataDir, 'db') })
    browser = await launchPhone()
    page = browser.page
    page.setDefaultTimeout(20_000)
    page.on('dialog', (dialog) => void dialog.accept())
    await page.setViewportSize({ width: 1280, height: 800 })
    await signInToStudio(page, runtime.url, 'admin')
    // a draft of the published library version, as "Tạo bản nháp" on the procedure's page makes it
    const id = await draftOfProcedure(page, CODE)
    draftUrl = `${runtime.url}/studio/nhap/${id}`
  }, 180_000)

  afterAll(async () => {
    await browser?.close()
    if (runtime) await stopRuntimeProcess(runtime)
    rmSync(dataDir, { recursive: true, force: true })
  })

  const card = (label: string) => page.getByRole('article', { name: label, exact: true })
  const publish = () => page.getByRole('button', { name: 'Ban hành…' })
  const group = () => page.getByRole('group', { name: 'Thêm trường vào “Thông tin bổ sung”' })
  const addToGroup = async (label: string, kind: string) => {
    await group().getByLabel('Nhãn của trường mới').fill(label)
    await group().getByLabel('Loại trường').selectOption({ label: kind })
    await group().getByRole('button', { name: 'Thêm trường' }).click()
    await card(label).waitFor()
  }

  it('builds fields, one shown only for a choice, and the preview follows as the portal renders it', async () => {
    await page.goto(`${draftUrl}?tab=bieu-mau`)
    await page.getByRole('tab', { name: 'Biểu mẫu', selected: true }).waitFor()
    await page.getByText('Bản nháp hợp lệ, có thể ban hành.').waitFor()

    const root = page.getByRole('group', { name: 'Thêm trường', exact: true })
    await root.getByLabel('Nhãn của trường mới').fill('Thông tin bổ sung')
    await root.getByLabel('Loại trường').selectOption({ label: 'Nhóm (một trang)' })
    await root.getByRole('button', { name: 'Thêm trường' }).click()
    await addToGroup('Ghi chú thêm', 'Chữ (một dòng)')
    expect(await card('Ghi chú thêm').locator('code').innerText()).toBe('ghi_chu_them') // the key from the label
    await addToGroup('Hình thức nhận kết quả', 'Chọn một')
    const choice = card('Hình thức nhận kết quả')
    await choice.getByLabel('Lựa chọn 1', { exact: true }).fill('Nhận trực tiếp')
    await choice.getByRole('button', { name: 'Thêm lựa chọn' }).click()
    await choice.getByLabel('Lựa chọn 2', { exact: true }).fill('Qua bưu điện')
    expect(await choice.getByLabel('Mã lựa chọn 2').inputValue()).toBe('qua_buu_dien')
    await addToGroup('Địa chỉ nhận kết quả', 'Địa chỉ')
    const address = card('Địa chỉ nhận kết quả')
    await address.getByLabel('Chỉ hiện khi trường').selectOption({ label: 'Hình thức nhận kết quả' })
    await address.getByLabel('có giá trị').selectOption({ label: 'Qua bưu điện' })
    await address.getByText('chỉ hiện khi Hình thức nhận kết quả = Qua bưu điện').waitFor()

    // the preview, on the new group's page: the conditional field appears once its answer is chosen
    const preview = page.getByTestId('form-preview')
    const pages = page.getByLabel('Trang', { exact: true })
    await pages.selectOption((await pages.locator('option', { hasText: 'Thông tin bổ sung' }).getAttribute('value'))!)
    await preview.getByLabel('Ghi chú thêm').waitFor()
    expect(await preview.getByText('Địa chỉ nhận kết quả').count()).toBe(0)
    await preview.getByLabel('Qua bưu điện').check()
    await preview.getByText('Địa chỉ nhận kết quả').first().waitFor()
    await preview.getByLabel('Huyện, thị xã, thành phố').waitFor() // the portal's address picker over the units
    await page.getByRole('button', { name: 'Sửa Hình thức nhận kết quả' }).scrollIntoViewIfNeeded()
    await shot(page, 'form-1280')
  }, 180_000)

  it('shows a mistake beside the field and blocks publishing until it is fixed; undo and redo', async () => {
    const field = card('Ghi chú thêm')
    await field.getByRole('button', { name: 'Sửa Ghi chú thêm' }).click()
    await field.getByLabel('Nhãn', { exact: true }).fill('')
    const broken = card('ghi_chu_them') // a field without a label is named by its key
    await broken.getByText('Trường chưa có nhãn').waitFor()
    await page.getByText('Còn 1 lỗi cần sửa trước khi ban hành.').waitFor()
    expect(await publish().isDisabled()).toBe(true)
    // the problems panel names the place in words and leads to it
    const panel = page.locator('.editor-problems')
    expect(await panel.innerText()).toContain('Biểu mẫu › Thông tin bổ sung › ghi_chu_them')
    await page.getByRole('tab', { name: /Thông tin chung/ }).click()
    await panel.getByRole('button', { name: /Trường chưa có nhãn/ }).click()
    await page.getByRole('tab', { name: /Biểu mẫu/, selected: true }).waitFor()
    await expect
      .poll(() => broken.getByLabel('Nhãn', { exact: true }).evaluate((e) => e === document.activeElement))
      .toBe(true)
    await shot(page, 'problem-1280')

    await page.waitForTimeout(1300) // a separate undo step from the mistake
    await broken.getByLabel('Nhãn', { exact: true }).fill('Ghi chú khác')
    await page.getByText('Bản nháp hợp lệ, có thể ban hành.').waitFor()
    expect(await publish().isDisabled()).toBe(false)
    expect(await card('Ghi chú khác').locator('code').innerText()).toBe('ghi_chu_them') // the key stays once set

    await page.getByRole('button', { name: 'Hoàn tác' }).click()
    await page.getByText('Còn 1 lỗi cần sửa trước khi ban hành.').waitFor()
    await page.keyboard.press('Control+Shift+Z')
    await page.getByText('Bản nháp hợp lệ, có thể ban hành.').waitFor()
    await card('Ghi chú khác').waitFor()
    await page.keyboard.press('Control+z')
    await card('ghi_chu_them').waitFor()
    await page.keyboard.press('Control+y')
    await card('Ghi chú khác').waitFor()

    // out of its group to the top level, and back in
    const inGroup = page
      .getByRole('article', { name: 'Thông tin bổ sung' })
      .getByRole('article', { name: 'Ghi chú khác' })
    await card('Ghi chú khác').getByLabel('Nằm trong nhóm').selectOption({ label: '(Ngoài cùng của biểu mẫu)' })
    await expect.poll(() => inGroup.count()).toBe(0)
    await card('Ghi chú khác').getByLabel('Nằm trong nhóm').selectOption({ label: 'Thông tin bổ sung' })
    await expect.poll(() => inGroup.count()).toBe(1)
  }, 120_000)

  it('keeps the JSON tab and the builder in step, and autosaves across a reload', async () => {
    await page.getByRole('tab', { name: 'JSON' }).click()
    const text = page.getByLabel('Nội dung JSON của thủ tục')
    const json = await text.inputValue()
    const at = json.indexOf('"Ghi chú khác"') + 1
    await text.evaluate(
      (box: HTMLTextAreaElement, [from, to]) => {
        box.focus()
        box.setSelectionRange(from!, to!)
      },
      [at, at + 'Ghi chú khác'.length],
    )
    await page.keyboard.type('Ghi chú của người nộp')
    // a typo is shown with its line, and the builder keeps the last valid state
    await page.keyboard.type('"')
    await page.getByText(/JSON chưa hợp lệ ở dòng \d+, cột \d+/).waitFor()
    await page.keyboard.press('Backspace')
    await page.getByRole('alert').waitFor({ state: 'detached' })
    await page.getByRole('tab', { name: /Biểu mẫu/ }).click()
    await card('Ghi chú của người nộp').waitFor()

    await page.getByText(/Đã lưu lúc \d\d:\d\d/).waitFor()
    await page.reload()
    await card('Ghi chú của người nộp').waitFor()
    await card('Địa chỉ nhận kết quả').getByText('chỉ hiện khi Hình thức nhận kết quả = Qua bưu điện').waitFor()
    expect(new URL(page.url()).searchParams.get('tab')).toBe('bieu-mau')
    // the benchmark hook: validation (in a worker) and the preview's renders are on the performance timeline
    const measured = await page.evaluate(() => performance.getEntriesByName('editor:preview').length)
    expect(measured).toBeGreaterThan(0)
  }, 120_000)

  it('fits a phone: the general tab and the builder at 360 px', async () => {
    await page.setViewportSize({ width: 360, height: 740 })
    await page.getByRole('tab', { name: /Biểu mẫu/ }).scrollIntoViewIfNeeded()
    await shot(page, 'form-360')
    await page.getByRole('tab', { name: /Thông tin chung/ }).click()
    await page.getByLabel('Tên thủ tục').waitFor()
    expect(await page.getByLabel('Mã thủ tục').getAttribute('readonly')).not.toBeNull()
    await page.getByLabel('Cách tính').selectOption({ label: 'Ngày làm việc' })
    await page.getByLabel('Số ngày').waitFor()
    await shot(page, 'general-360')
    expect(browser.errors).toEqual([])
  }, 120_000)
})

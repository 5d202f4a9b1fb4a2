import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BrowserSession, chromiumAvailable, launchDesktop, launchPhone } from '../support/browser'
import { officersOf } from '../support/officers'
import { type RuntimeProcess, repoRoot, startRuntimeProcess, stopRuntimeProcess } from '../support/runtime-process'
import { signInToStudio } from '../support/studio'

// The acceptance test of the platform (issue #12): a ward's administrator authors a procedure in the studio and
// publishes it; without a restart a citizen finds it in the portal and files it; officers take it to its result;
// version 2 adds a required field while the dossier in flight finishes on version 1; another ward's administrator
// can neither see nor change it. One runtime process on a fresh embedded database; screenshots of every stage.
const shots = join(repoRoot, 'test-artifacts', 'screenshots')
const CODE = 'QN-06649-NVH'
const NAME = 'Đăng ký sử dụng nhà văn hóa khu phố'
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ])
  expect(scroll, `${name} scrolls sideways`).toBeLessThanOrEqual(client)
  await page.screenshot({ path: join(shots, `acceptance-${name}.png`), fullPage })
}

describe.runIf(chromiumAvailable())('the platform, end to end: author, publish, file, process, version 2', () => {
  let runtime: RuntimeProcess
  let dataDir: string
  let admin: BrowserSession
  let citizen: BrowserSession
  let studio: Page
  let portal: Page
  let receipt: string
  const { as, deskDossier, act } = officersOf(() => runtime.url)

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true })
    dataDir = mkdtempSync(join(tmpdir(), 'motcua-acceptance-'))
    runtime = await startRuntimeProcess({ ...process.env, DATABASE_URL: '', DATA_DIR: join(dataDir, 'db') })
    admin = await launchDesktop()
    citizen = await launchPhone()
    studio = admin.page
    portal = citizen.page
    studio.setDefaultTimeout(20_000)
    portal.setDefaultTimeout(20_000)
    studio.on('dialog', (dialog) => void dialog.accept())
  }, 180_000)

  afterAll(async () => {
    await admin?.close()
    await citizen?.close()
    if (runtime) await stopRuntimeProcess(runtime)
    rmSync(dataDir, { recursive: true, force: true })
  })

  const tab = (name: RegExp) => studio.getByRole('tab', { name }).click()
  const card = (label: string) => studio.getByRole('article', { name: label, exact: true })
  const valid = () => studio.getByText('Bản nháp hợp lệ, có thể ban hành.').waitFor()

  /** Adds a field to a group of the form builder (the group's own "add" box) and waits for its card. */
  async function addField(group: string, label: string, kind: string): Promise<void> {
    const box = studio.getByRole('group', { name: `Thêm trường vào “${group}”` })
    await box.getByLabel('Nhãn của trường mới').fill(label)
    await box.getByLabel('Loại trường').selectOption({ label: kind })
    await box.getByRole('button', { name: 'Thêm trường' }).click()
    await card(label).waitFor()
  }

  async function publishNow(version: number): Promise<void> {
    await studio.getByRole('button', { name: 'Ban hành…' }).click()
    const dialog = studio.getByRole('dialog', { name: 'Ban hành thủ tục' })
    await dialog.getByRole('radio', { name: 'Ban hành ngay' }).check()
    await shot(studio, `studio-publish-v${version}`)
    await dialog.getByRole('button', { name: 'Ban hành ngay' }).click()
    await dialog.getByText(/Đã ban hành phiên bản \d+/).waitFor()
    await dialog.getByRole('button', { name: 'Xong' }).click()
  }

  it('a ward administrator creates a procedure in the studio: form, components, fee rule, steps; and publishes it', async () => {
    await signInToStudio(studio, runtime.url, 'quantri.06649')
    await studio.getByRole('button', { name: 'Tạo thủ tục' }).click()
    const create = studio.getByRole('dialog')
    await create.getByRole('radio', { name: /Soạn mới từ đầu/ }).check()
    await create.getByLabel('Mã thủ tục').fill(CODE)
    await create.getByLabel('Tên thủ tục').fill(NAME)
    await create.getByLabel('Cấp thực hiện').selectOption({ label: 'Cấp xã' })
    await create.getByLabel('Lĩnh vực').fill('Văn hóa cơ sở')
    await shot(studio, 'studio-create')
    await create.getByRole('button', { name: 'Tạo và mở trình soạn thảo' }).click()
    await studio.waitForURL(/\/studio\/nhap\//)
    await valid()

    // the form: a page of its own with four more fields, one shown only for one answer
    await tab(/Biểu mẫu/)
    const root = studio.getByRole('group', { name: 'Thêm trường', exact: true })
    await root.getByLabel('Nhãn của trường mới').fill('Thông tin sử dụng')
    await root.getByLabel('Loại trường').selectOption({ label: 'Nhóm (một trang)' })
    await root.getByRole('button', { name: 'Thêm trường' }).click()
    await addField('Thông tin sử dụng', 'Ngày sử dụng', 'Ngày')
    await card('Ngày sử dụng').getByRole('checkbox', { name: 'Bắt buộc', exact: true }).check()
    await addField('Thông tin sử dụng', 'Số người tham dự', 'Số')
    await addField('Thông tin sử dụng', 'Mục đích sử dụng', 'Chọn một')
    const purpose = card('Mục đích sử dụng')
    await purpose.getByRole('checkbox', { name: 'Bắt buộc', exact: true }).check()
    await purpose.getByLabel('Lựa chọn 1', { exact: true }).fill('Họp mặt gia đình')
    await purpose.getByRole('button', { name: 'Thêm lựa chọn' }).click()
    await purpose.getByLabel('Lựa chọn 2', { exact: true }).fill('Tổ chức tiệc cưới')
    await addField('Thông tin sử dụng', 'Số mâm cỗ', 'Số')
    const tables = card('Số mâm cỗ')
    await tables.getByLabel('Chỉ hiện khi trường').selectOption({ label: 'Mục đích sử dụng' })
    await tables.getByLabel('có giá trị').selectOption({ label: 'Tổ chức tiệc cưới' })
    await tables.getByText('chỉ hiện khi Mục đích sử dụng = Tổ chức tiệc cưới').waitFor()
    await valid()
    await shot(studio, 'studio-form')

    // two dossier components
    await tab(/Thành phần hồ sơ/)
    for (const name of ['Đơn đăng ký sử dụng nhà văn hóa', 'Bản sao sổ hộ khẩu hoặc giấy xác nhận cư trú']) {
      await studio.getByRole('button', { name: '+ Thêm thành phần hồ sơ' }).click()
      await studio.getByLabel('Tên thành phần hồ sơ').last().fill(name)
    }
    await valid()

    // a fee: 200.000 đ, half when filed online
    await tab(/Lệ phí/)
    await studio.getByRole('button', { name: '+ Thêm khoản phí, lệ phí' }).click()
    await studio.getByLabel('Tên khoản phí, lệ phí').last().fill('Phí sử dụng nhà văn hóa')
    const how = studio.getByRole('radiogroup', { name: 'Cách tính “Phí sử dụng nhà văn hóa”' })
    await how.getByRole('radio', { name: 'Theo điều kiện' }).check()
    await studio.getByLabel('Mức thu chung của “Phí sử dụng nhà văn hóa”: số tiền (đồng)').fill('200000')
    await studio.getByRole('button', { name: '+ Thêm dòng điều kiện' }).click()
    await studio.getByLabel('Dòng 1 của “Phí sử dụng nhà văn hóa”: phần trăm').waitFor()
    await valid()
    await shot(studio, 'studio-fees', true)

    // the steps: the one-stop path drawn as a flow; the specialist's step gets a shorter budget
    await tab(/Quy trình/)
    expect(await studio.locator('.sx-step').count()).toBeGreaterThanOrEqual(3)
    await studio.getByRole('button', { name: /^Bước 2:/ }).click()
    const panel = studio.getByRole('region', { name: /^Sửa bước/ })
    await panel.getByLabel('Thời hạn của bước: số').fill('6')
    await studio.getByRole('button', { name: 'Xong', exact: true }).click()
    await valid()
    await shot(studio, 'studio-steps', true)

    await studio.getByText(/Đã lưu lúc \d\d:\d\d/).waitFor()
    await publishNow(1)
  }, 300_000)

  it('without a restart, a citizen finds it in the portal on a phone and files it', async () => {
    await portal.goto(runtime.url)
    await portal.getByLabel('Tìm thủ tục').fill('nha van hoa khu pho')
    await portal.getByRole('link', { name: NAME, exact: true }).click()
    await portal.getByRole('heading', { level: 1, name: NAME }).waitFor()
    await portal.getByLabel('Huyện, thị xã, thành phố').selectOption({ label: 'Thành phố Hạ Long' })
    await portal.getByLabel('Xã, phường, thị trấn').selectOption({ label: 'Phường Hà Khánh' })
    await shot(portal, 'portal-procedure')
    await portal.getByRole('button', { name: 'Nộp hồ sơ trực tuyến' }).click()
    const next = () => portal.getByRole('button', { name: 'Tiếp tục' }).click()
    await portal.locator('#root_nguoi_yeu_cau_ho_ten').fill('Nguyễn Văn Hùng')
    await portal.locator('#root_nguoi_yeu_cau_so_dinh_danh').fill('022095001234')
    await portal.locator('#root_nguoi_yeu_cau_so_dien_thoai').fill('0912345678')
    await next()
    await portal.locator('#root_thong_tin_su_dung_ngay_su_dung').pressSequentially('20122026')
    await portal.locator('#root_thong_tin_su_dung_so_nguoi_tham_du').fill('80')
    expect(await portal.locator('#root_thong_tin_su_dung_so_mam_co').count()).toBe(0)
    await portal.getByLabel('Tổ chức tiệc cưới').check()
    await portal.locator('#root_thong_tin_su_dung_so_mam_co').fill('10')
    await shot(portal, 'portal-form')
    await next()
    for (const input of await portal.locator('input[type=file]').all())
      await input.setInputFiles({ name: 'don.pdf', mimeType: 'application/pdf', buffer: PDF })
    await next()
    expect(await portal.locator('.fees tfoot').innerText()).toContain('100.000 đ') // half, filed online
    await portal.check('#declaration') // the lời cam đoan
    await portal.getByRole('button', { name: 'Nộp hồ sơ' }).click()
    await portal.getByTestId('receipt-code').waitFor()
    receipt = (await portal.getByTestId('receipt-code').innerText()).trim()
    await shot(portal, 'portal-receipt', true)
  }, 180_000)

  it('officers receive and process it; version 2 adds a required field; the dossier in flight ends on version 1', async () => {
    await act('tiepnhan.06649', receipt, 'receive')
    await act('chuyenvien.06649', receipt, 'forward')
    expect((await deskDossier('lanhdao.06649', receipt)).procedure).toMatchObject({ code: CODE, version: 1 })

    // version 2, from the procedure's page: a required field more
    await studio.goto(`${runtime.url}/studio/thu-tuc/${CODE}`)
    await studio.getByRole('button', { name: 'Sửa thủ tục', exact: true }).click()
    await studio.waitForURL(/\/studio\/nhap\//)
    await tab(/Biểu mẫu/)
    await addField('Thông tin sử dụng', 'Người chịu trách nhiệm giữ trật tự', 'Chữ (một dòng)')
    await card('Người chịu trách nhiệm giữ trật tự').getByRole('checkbox', { name: 'Bắt buộc', exact: true }).check()
    await valid()
    await studio.getByText(/Đã lưu lúc \d\d:\d\d/).waitFor()
    await publishNow(2)

    await act('lanhdao.06649', receipt, 'approve')
    await act('tiepnhan.06649', receipt, 'return', { deliveryMethod: 'counter' })
    const done = (await deskDossier('tiepnhan.06649', receipt)) as Awaited<ReturnType<typeof deskDossier>> & {
      formData: { thong_tin_su_dung: Record<string, unknown> }
      statusName: string
    }
    expect(done.procedure.version).toBe(1)
    expect(done.statusName).toMatchObject({ vi: expect.stringMatching(/trả kết quả/i) })
    expect(done.formData.thong_tin_su_dung).not.toHaveProperty('nguoi_chiu_trach_nhiem_giu_trat_tu')
  }, 240_000)

  it('a new submission must fill the new field (version 2)', async () => {
    await portal.goto(`${runtime.url}/thu-tuc/${CODE}/nop-ho-so?don-vi=06649`)
    await portal.locator('#root_nguoi_yeu_cau_ho_ten').fill('Trần Thị Mai')
    await portal.locator('#root_nguoi_yeu_cau_so_dinh_danh').fill('022195004321')
    await portal.locator('#root_nguoi_yeu_cau_so_dien_thoai').fill('0987654321')
    await portal.getByRole('button', { name: 'Tiếp tục' }).click()
    await portal.locator('#root_thong_tin_su_dung_ngay_su_dung').pressSequentially('21122026')
    await portal.getByLabel('Họp mặt gia đình').check()
    await portal.getByRole('button', { name: 'Tiếp tục' }).click()
    const error = portal.locator('#root_thong_tin_su_dung_nguoi_chiu_trach_nhiem_giu_trat_tu__error')
    await expect.poll(() => error.innerText()).toContain('Vui lòng nhập thông tin bắt buộc này')
    await shot(portal, 'portal-v2-required')
  }, 120_000)

  it("another ward's administrator can neither see nor change it", async () => {
    const other = 'quantri.06652'
    const list = (await (await as(other, `/api/admin/procedures?q=${encodeURIComponent(NAME)}`)).json()) as {
      items: { code: string }[]
    }
    expect(list.items.map((i) => i.code)).not.toContain(CODE)
    expect((await as(other, `/api/admin/procedures/${CODE}/versions`)).status).toBe(403)
    expect((await as(other, `/api/admin/procedures/${CODE}/drafts`, { method: 'POST', body: {} })).status).toBe(403)
    expect((await as(other, `/api/admin/procedures/${CODE}/withdraw`, { method: 'POST', body: {} })).status).toBe(403)
    // and in the studio, the list does not show it
    const otherAdmin = await launchDesktop()
    const page = otherAdmin.page
    await signInToStudio(page, runtime.url, other)
    await page.getByLabel('Tìm thủ tục').fill('nha van hoa')
    await page
      .getByText(/Chưa có thủ tục nào|Không có thủ tục nào/)
      .first()
      .waitFor()
    expect(await page.getByText(NAME).count()).toBe(0)
    await shot(page, 'other-ward-studio')
    await otherAdmin.close()
    expect(admin.errors).toEqual([])
    expect(citizen.errors).toEqual([])
  }, 120_000)
})

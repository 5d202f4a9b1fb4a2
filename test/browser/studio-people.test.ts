import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumAvailable, launchPhone, type Phone } from '../support/browser'
import { type RuntimeProcess, repoRoot, startRuntimeProcess, stopRuntimeProcess } from '../support/runtime-process'
import { signInToStudio, signOutOfStudio } from '../support/studio'

// The studio's people and units screens, driven as a province administrator on a desktop and as a ward's
// administrator on a phone, against the built runtime (a real process on a fresh PGlite folder).
const shots = join(repoRoot, 'test-artifacts', 'screenshots')
const PASSWORD = 'motcua-demo'

async function shot(page: Page, name: string): Promise<void> {
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ])
  expect(scroll, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(client)
  await page.screenshot({ path: join(shots, `studio-people-${name}.png`), fullPage: true })
}

async function signIn(page: Page, base: string, username: string): Promise<void> {
  await signInToStudio(page, base, username, PASSWORD)
  await page.getByTestId('signed-in-as').waitFor()
}

describe.runIf(chromiumAvailable())("the studio's people and units", () => {
  let runtime: RuntimeProcess
  let phone: Phone
  let page: Page
  let dataDir: string

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true })
    dataDir = mkdtempSync(join(tmpdir(), 'motcua-studio-people-'))
    runtime = await startRuntimeProcess({
      ...process.env,
      DATABASE_URL: '',
      DATA_DIR: join(dataDir, 'db'),
      PLUGINS_DIR: join(repoRoot, 'plugins'),
    })
    phone = await launchPhone()
    page = phone.page
    page.setDefaultTimeout(15_000)
  }, 120_000)

  afterAll(async () => {
    await phone?.close()
    if (runtime) await stopRuntimeProcess(runtime)
    rmSync(dataDir, { recursive: true, force: true })
  })

  it("creates a ward's receiving officer who can then sign in", async () => {
    await page.setViewportSize({ width: 1280, height: 800 })
    await signIn(page, runtime.url, 'admin')
    await page.goto(`${runtime.url}/studio/nguoi-dung`)
    await expect.poll(() => page.getByText(/Có \d+ tài khoản/).innerText()).toMatch(/Có \d{3,} tài khoản/)
    // demo accounts are marked
    expect(await page.getByTestId('account-admin').getByText('Tài khoản demo', { exact: true }).count()).toBe(1)
    await shot(page, 'list-1280')

    await page.getByRole('button', { name: 'Tạo tài khoản' }).click()
    const dialog = page.getByRole('dialog', { name: 'Tạo tài khoản mới' })
    await dialog.getByLabel('Tên đăng nhập').fill('lethimai.06649')
    await dialog.getByLabel('Họ và tên').fill('Lê Thị Mai')
    // a unit found without diacritics in the province's whole tree
    await dialog.getByLabel('Tìm trong danh sách “Đơn vị của vai trò 1”').fill('ha khanh')
    await dialog.getByLabel('Đơn vị của vai trò 1', { exact: true }).selectOption('06649')
    expect(await dialog.getByLabel('Vai trò 1', { exact: true }).inputValue()).toBe('receiving_officer')
    await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click()

    const password = await page.getByTestId('password-once').innerText()
    expect(password).toMatch(/^\S{14}$/)
    const row = page.getByTestId('account-lethimai.06649')
    await expect.poll(() => row.innerText()).toContain('Cán bộ tiếp nhận · Phường Hà Khánh')
    expect(await row.innerText()).not.toContain('Tài khoản demo')
    await shot(page, 'created-1280')

    const login = await fetch(`${runtime.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'lethimai.06649', password }),
    })
    expect(login.status).toBe(200)
    const me = (await login.json()) as { user: { roles: { role: string; unitCode: string }[] } }
    expect(me.user.roles).toEqual([{ role: 'receiving_officer', unitCode: '06649' }])

    // a second role, then the account disabled after confirming: it can no longer sign in
    await page.getByRole('button', { name: 'Sửa tài khoản lethimai.06649' }).click()
    const edit = page.getByRole('dialog', { name: 'Tài khoản Lê Thị Mai' })
    await edit.getByRole('button', { name: 'Thêm vai trò' }).click()
    await edit.getByLabel('Vai trò 2', { exact: true }).selectOption('specialist')
    await edit.getByLabel('Đơn vị của vai trò 2', { exact: true }).selectOption('06649')
    await edit.getByRole('button', { name: 'Lưu vai trò' }).click()
    await expect.poll(() => row.innerText()).toContain('Chuyên viên · Phường Hà Khánh')
    await edit.getByRole('button', { name: 'Khóa tài khoản' }).click()
    await edit.getByRole('alertdialog').getByRole('button', { name: 'Khóa tài khoản' }).click()
    await expect.poll(() => row.innerText()).toContain('Đã khóa')
    await shot(page, 'edit-1280')
    await edit.getByRole('button', { name: 'Đóng' }).click()
    const refused = await fetch(`${runtime.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'lethimai.06649', password }),
    })
    expect(refused.status).toBe(401)

    // a taken username is refused beside the field
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click()
    await dialog.getByLabel('Tên đăng nhập').fill('lethimai.06649')
    await dialog.getByLabel('Họ và tên').fill('Lê Thị Mai')
    await dialog.getByLabel('Đơn vị của vai trò 1', { exact: true }).selectOption('06649')
    await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click()
    await expect.poll(() => dialog.getByRole('alert').first().innerText()).toMatch(/lethimai\.06649|đã có|đã được/i)
    await dialog.getByRole('button', { name: 'Hủy' }).click()
  })

  it('configures a plugin with a write-only secret at a district, inherits it at a ward and goes back to it', async () => {
    await page.goto(`${runtime.url}/studio/don-vi/193`)
    await page.getByRole('tab', { name: 'Tiện ích' }).click()
    const district = page.getByTestId('plugin-vietnam-qr-pay-all')
    await district.getByRole('button', { name: 'Thiết lập riêng cho đơn vị này' }).click()
    await district.getByLabel('Bật', { exact: true }).check()
    const fill = async (field: RegExp, value: string) => {
      await district.getByLabel(new RegExp(`^Đặt riêng “${field.source}`)).check()
      await district.getByLabel(field).last().fill(value)
    }
    await fill(/Mã BIN ngân hàng nhận/, '970415')
    await fill(/Số tài khoản nhận tiền/, '113000006100')
    await fill(/Tên chủ tài khoản/, 'UBND THANH PHO HA LONG')
    const secret = 'khoa-bi-mat-ha-long-2026'
    await district.getByLabel(/Khóa bí mật dùng chung/).fill(secret)
    await district.getByRole('button', { name: 'Lưu thiết lập' }).click()
    await expect.poll(() => district.getByTestId('plugin-source').innerText()).toBe('Thiết lập riêng của đơn vị này.')
    // the secret is set, and never shown again
    await expect.poll(() => district.getByTestId('secret-field').innerText()).toContain('Đã thiết lập')
    expect(await page.content()).not.toContain(secret)
    expect(await district.getByRole('button', { name: /^Thay “/ }).count()).toBe(1)

    await page.goto(`${runtime.url}/studio/don-vi/06649`)
    await page.getByRole('tab', { name: 'Tiện ích' }).click()
    const ward = page.getByTestId('plugin-vietnam-qr-pay-all')
    await expect.poll(() => ward.getByTestId('plugin-source').innerText()).toBe('Kế thừa từ Thành phố Hạ Long.')
    expect(await ward.getByText('Đang bật').count()).toBe(1)
    // the ward turns it off for itself, keeping what it inherits (the secret too) …
    await ward.getByRole('button', { name: 'Thiết lập riêng cho đơn vị này' }).click()
    expect(await ward.getByText('Đang dùng giá trị bí mật kế thừa từ Thành phố Hạ Long.').count()).toBe(1)
    await ward.getByRole('button', { name: 'Tắt', exact: true }).click()
    await expect.poll(() => ward.getByTestId('plugin-source').innerText()).toBe('Thiết lập riêng của đơn vị này.')
    expect(await ward.getByText('Đang tắt').count()).toBe(1)
    await shot(page, 'plugins-1280')
    // … then goes back to the district's setting, after confirming
    await ward.getByRole('button', { name: 'Trở về kế thừa' }).click()
    await page
      .getByRole('dialog', { name: 'Trở về kế thừa' })
      .getByRole('button', { name: 'Xóa thiết lập riêng' })
      .click()
    await expect.poll(() => ward.getByTestId('plugin-source').innerText()).toBe('Kế thừa từ Thành phố Hạ Long.')
    expect(await ward.getByText('Đang bật').count()).toBe(1)
  })

  it('shows the working calendar with each day off and its source', async () => {
    await page.getByRole('tab', { name: 'Lịch làm việc' }).click()
    await page.getByLabel('Năm').selectOption('2026')
    const nationalDay = page.getByTestId('day-2026-09-02')
    await expect.poll(() => nationalDay.innerText()).toContain('Quốc khánh')
    expect(await nationalDay.innerText()).toMatch(/Thông báo số 9441\/TB-BNV/)
    expect(await page.getByTestId('year-status').innerText()).toMatch(/^Căn cứ: /)
    await shot(page, 'calendar-1280')
  })

  it('turns four-eyes publishing on for a city, and its wards inherit it', async () => {
    await page.goto(`${runtime.url}/studio/don-vi/193`)
    await page.getByRole('tab', { name: 'Phê duyệt' }).click()
    await page.getByLabel(/^Bật: mỗi lần ban hành cần một quản trị viên khác phê duyệt/).check()
    await page.getByRole('button', { name: 'Lưu thiết lập phê duyệt' }).click()
    await expect.poll(() => page.getByTestId('four-eyes-now').innerText()).toContain('(thiết lập riêng của đơn vị)')
    await page.goto(`${runtime.url}/studio/don-vi/06649`)
    await page.getByRole('tab', { name: 'Phê duyệt' }).click()
    await expect
      .poll(() => page.getByTestId('four-eyes-now').innerText())
      .toBe('Hiện đang bật: mỗi lần ban hành cần một quản trị viên khác phê duyệt. (kế thừa từ Thành phố Hạ Long)')
  })

  it("keeps a ward's administrator within its ward, on a phone", async () => {
    await signOutOfStudio(page)
    await page.setViewportSize({ width: 360, height: 740 })
    await signIn(page, runtime.url, 'quantri.06649')

    await page.goto(`${runtime.url}/studio/don-vi`)
    const tree = page.getByRole('navigation', { name: 'Cây đơn vị' })
    await expect.poll(() => tree.getByRole('link').allInnerTexts()).toEqual(['Phường Hà Khánh'])
    await page.goto(`${runtime.url}/studio/don-vi/06652`)
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('Bạn không quản trị đơn vị mã 06652')

    // the province's calendar is not a ward's to change: the refusal is shown where the day was typed
    await page.goto(`${runtime.url}/studio/don-vi/06649`)
    await page.getByRole('tab', { name: 'Lịch làm việc' }).click()
    await page.getByLabel('Ngày', { exact: true }).fill('2026-12-31')
    await page.getByLabel('Tên ngày').fill('Nghỉ cuối năm')
    await page.getByLabel('Căn cứ (văn bản, số, ngày)').fill('Quyết định số 1/QĐ-UBND')
    await page.getByRole('button', { name: 'Lưu ngày' }).click()
    await expect.poll(() => page.locator('.day-form').getByRole('alert').innerText()).toContain('không có quyền')
    await shot(page, 'calendar-360')

    await page.goto(`${runtime.url}/studio/nguoi-dung`)
    await expect.poll(() => page.getByText(/Có \d+ tài khoản/).innerText()).toMatch(/Có \d+ tài khoản/)
    await shot(page, 'list-360')
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click()
    const dialog = page.getByRole('dialog', { name: 'Tạo tài khoản mới' })
    // only its own ward is offered
    const offered = await dialog
      .getByLabel('Đơn vị của vai trò 1', { exact: true })
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean))
    expect(offered).toEqual(['06649'])
    await shot(page, 'create-360')
    await dialog.getByRole('button', { name: 'Hủy' }).click()

    // a crafted request for a neighbouring ward is refused by the API
    const status = await page.evaluate(async () => {
      const res = await fetch('/api/admin/users', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': sessionStorage.getItem('motcua.csrf') ?? '' },
        body: JSON.stringify({
          username: 'nguoila.06652',
          fullName: 'Người Lạ',
          password: 'mat-khau-dai-du-10',
          grants: [{ role: 'receiving_officer', unitCode: '06652' }],
        }),
      })
      return res.status
    })
    expect(status).toBe(403)

    await page.goto(`${runtime.url}/studio/don-vi/06649`)
    await page.getByRole('tab', { name: 'Phê duyệt' }).click()
    await expect.poll(() => page.getByLabel('Theo đơn vị cấp trên').isChecked()).toBe(true)
    await shot(page, 'approval-360')
    // the refusals above are answers the screens show, not errors of the page
    expect(phone.errors.filter((e) => !e.startsWith('Failed to load resource'))).toEqual([])
  })
})

import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumAvailable } from '../support/browser'
import { officersOf } from '../support/officers'
import type { RuntimeProcess } from '../support/runtime-process'
import { type StudioOnPhone, shots, signInToStudio, startStudioOnPhone } from '../support/studio'

// A ward's plugin setting for one procedure, on a phone: the province sets the national sync for everyone (off),
// Phường Hà Khánh turns it on for birth registrations with its own address, then goes back to inheriting.
const BIRTH = '1.001193'
const URL_FIELD = 'Địa chỉ nhận đồng bộ hồ sơ (Cổng DVCQG hoặc trục tích hợp của tỉnh)'

interface InForce {
  procedureCode: string
  runs: boolean
  config: Record<string, unknown>
  from: Record<string, { unitCode: string | null }>
}

async function shot(page: Page, name: string): Promise<void> {
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ])
  expect(scroll, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(client)
  await page.screenshot({ path: join(shots, `studio-plugin-settings-${name}.png`), fullPage: true })
}

describe.runIf(chromiumAvailable())("the studio's plugin settings per procedure", () => {
  let studio: StudioOnPhone
  let runtime: RuntimeProcess
  let page: Page
  const { as } = officersOf(() => runtime.url)
  const inForceAtWard = async () => {
    const res = await as('admin', '/api/admin/units/06649/plugins')
    const plugins = (await res.json()) as { slug: string; own: unknown[]; inForce: InForce[] }[]
    return plugins.find((p) => p.slug === 'national-portal-sync')!
  }

  beforeAll(async () => {
    studio = await startStudioOnPhone('studio-plugin-settings')
    ;({ runtime, page } = studio)
  }, 120_000)

  afterAll(() => studio?.close())

  it('enables a plugin for one ward and one procedure, overriding one field, then goes back to inheriting', async () => {
    const province = await as('admin', '/api/admin/units/22/plugins/national-portal-sync', {
      method: 'PUT',
      body: { enabled: false, config: { url: 'https://lgsp.quangninh.example/dongbo', maTinh: '22' } },
    })
    expect(province.status).toBe(200)

    await signInToStudio(page, runtime.url, 'quantri.06649')
    await page.goto(`${runtime.url}/studio/don-vi/06649`)
    await page.getByRole('tab', { name: 'Tiện ích' }).click()
    const card = page.getByTestId('plugin-national-portal-sync')
    await card.getByRole('button', { name: 'Thêm thiết lập cho một thủ tục' }).click()
    // found without diacritics
    await card.getByLabel('Tìm thủ tục').fill('dang ky khai sinh')
    await card.getByLabel('Thủ tục', { exact: true }).selectOption(BIRTH)
    await card.getByRole('button', { name: 'Thêm', exact: true }).click()

    const birth = card.getByTestId(`plugin-national-portal-sync-${BIRTH}`)
    await birth.getByRole('heading', { name: /Đăng ký khai sinh/ }).waitFor()
    // each field shows what it inherits, and from which unit
    const inherited = await birth.getByTestId('inherited-value').allInnerTexts()
    expect(inherited).toContain('Kế thừa: https://lgsp.quangninh.example/dongbo (từ Tỉnh Quảng Ninh)')
    expect(inherited).toContain('Kế thừa: 22 (từ Tỉnh Quảng Ninh)')
    await birth.getByLabel('Bật', { exact: true }).check()
    await birth.getByLabel(`Đặt riêng “${URL_FIELD}”`).check()
    await birth.getByLabel(URL_FIELD, { exact: true }).fill('https://hakhanh.example/dongbo')
    await shot(page, 'editing-360')
    await birth.getByRole('button', { name: 'Lưu thiết lập' }).click()

    const saved = card.getByTestId(`plugin-national-portal-sync-${BIRTH}`)
    await expect.poll(() => saved.getByTestId('plugin-source').innerText()).toBe('Thiết lập riêng của đơn vị này.')
    expect(await saved.getByText('Đang bật').count()).toBe(1)
    // every other procedure still follows the province: off
    expect(await card.getByTestId('plugin-national-portal-sync-all').getByText('Đang tắt').count()).toBe(1)
    const { inForce } = await inForceAtWard()
    expect(inForce.find((f) => f.procedureCode === BIRTH)).toMatchObject({
      runs: true,
      config: { url: 'https://hakhanh.example/dongbo', maTinh: '22' },
      from: { url: { unitCode: '06649' }, maTinh: { unitCode: '22' } },
    })
    expect(inForce.find((f) => f.procedureCode === '')).toMatchObject({ runs: false })
    await shot(page, 'saved-360')

    await saved.getByRole('button', { name: 'Trở về kế thừa' }).click()
    await page
      .getByRole('dialog', { name: 'Trở về kế thừa' })
      .getByRole('button', { name: 'Xóa thiết lập riêng' })
      .click()
    await expect.poll(() => card.getByTestId(`plugin-national-portal-sync-${BIRTH}`).count()).toBe(0)
    await expect.poll(async () => (await inForceAtWard()).own).toEqual([])
  })
})

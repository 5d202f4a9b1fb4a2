import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applyPlan } from '../../runtime/src/reorganisations/apply'
import { loadPlanFile, planFiles } from '../../runtime/src/reorganisations/plan-files'
import { chromiumAvailable, launchPhone, type Phone } from '../support/browser'
import { repoRoot } from '../support/runtime-process'
import { type ServedRuntime, serveRuntime } from '../support/served-runtime'

// A citizen on a 360 px phone once the province has two tiers (the shipped plans applied): no district to choose.
const shots = join(repoRoot, 'test-artifacts', 'screenshots')

describe.runIf(chromiumAvailable())('the portal in a two-tier province', () => {
  let served: ServedRuntime
  let phone: Phone
  let page: Page

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true })
    served = await serveRuntime('2025-07-02T09:00:00')
    for (const file of planFiles(join(repoRoot, 'reorganisations')))
      await applyPlan(served.runtime, loadPlanFile(file), { actorUserId: null })
    phone = await launchPhone()
    page = phone.page
  })
  afterAll(async () => {
    await phone?.close()
    await served?.close()
  })

  it('has the citizen choose the ward from one list, and files there', async () => {
    await page.goto(`${served.url}/thu-tuc/1.001193`)
    await page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor()
    const ward = page.getByLabel('Xã, phường, đặc khu')
    await expect.poll(() => ward.locator('option').count()).toBe(55) // the 54 units, and "— Chọn —"
    expect(await page.getByLabel('Huyện, thị xã, thành phố').count()).toBe(0)
    await ward.selectOption({ label: 'Phường Cao Xanh' })
    await ward.scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(shots, 'portal-two-tiers-procedure.png') })
    await page.getByRole('button', { name: 'Nộp hồ sơ trực tuyến' }).click()
    await page.locator('#root_nguoi_yeu_cau_ho_ten').waitFor()
    expect(page.url()).toContain('don-vi=06658')
  })

  it('offers the household business registration at the commune, and lists the communes as units', async () => {
    await page.goto(`${served.url}/thu-tuc/1.001612`)
    await expect.poll(() => page.locator('.facts').innerText()).toMatch(/Cấp xã/)
    await page.goto(served.url)
    const chips = page.locator('.chip')
    await expect.poll(() => chips.allInnerTexts()).toContain('Cấp xã')
    expect(await chips.allInnerTexts()).not.toContain('Cấp huyện') // no procedure at a level that is gone
    await page.locator('.filters summary').click()
    await expect.poll(() => page.locator('#unit option').allInnerTexts()).toContain('Đặc khu Vân Đồn')
    expect(await page.locator('#unit option').allInnerTexts()).not.toContain('Thành phố Hạ Long')
    expect(phone.errors).toEqual([])
  })
})

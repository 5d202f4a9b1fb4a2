import { userRoles, users } from '@motcua/db'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { libraryProcedure, sampleSubmission } from '../../runtime/src/testing'
import { type BrowserSession, chromiumAvailable, launchOffice, launchTablet } from '../support/browser'
import { deskShot, signInToDesk } from '../support/desk'
import { officersOf } from '../support/officers'
import { type ServedRuntime, serveRuntime } from '../support/served-runtime'

const signature = libraryProcedure('chung-thuc-chu-ky') // same day (15:00 rule); the leader's approval is bulk
const birth = libraryProcedure('dang-ky-khai-sinh') // its approval is not bulk

// The leader of ward 06649 sees the ward at a glance, who holds what, and signs similar dossiers at once.
describe.runIf(chromiumAvailable())('the leader’s view at the desk', () => {
  let served: ServedRuntime
  let browser: BrowserSession
  const officers = officersOf(() => served.url, 'mat-khau-thu')
  const signs: string[] = []
  let birthCode = ''
  let fresh = ''

  const file = async (lib: typeof signature, applicant: string) => {
    const res = await fetch(`${served.url}/api/dossiers`, sampleSubmission(lib, '06649', { fullName: applicant }))
    expect(res.status).toBe(201)
    const { receiptCode } = (await res.json()) as { receiptCode: string }
    await officers.act('tiepnhan.06649', receiptCode, 'receive')
    return receiptCode
  }

  beforeAll(async () => {
    served = await serveRuntime('2026-12-01T08:30:00')
    const names = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung']
    for (const name of names) {
      const code = await file(signature, name)
      await officers.act('chuyenvien.06649', code, 'forward')
      signs.push(code)
    }
    birthCode = await file(birth, 'Hoàng Văn Em')
    await officers.act('chuyenvien.06649', birthCode, 'forward')
    // the next morning: yesterday's dossiers are overdue, today's is due by the end of the day
    served.setNow('2026-12-02T09:00:00')
    fresh = await file(signature, 'Vũ Thị Giang')
    browser = await launchOffice()
    browser.page.setDefaultTimeout(15_000)
  }, 180_000)

  afterAll(async () => {
    await browser?.close()
    await served?.close()
  })

  const count = (label: string) =>
    browser.page.locator('.leader-count', { hasText: label }).locator('.leader-count__n').innerText()

  it('shows the ward’s counts, the overdue and due-soon lists and the officers’ load', async () => {
    const { page } = browser
    await signInToDesk(page, served.url, 'lanhdao.06649', served.password)
    await page.getByRole('link', { name: 'Lãnh đạo' }).click()
    await page.getByRole('heading', { name: /Điều hành của lãnh đạo/ }).waitFor()
    await page.getByRole('heading', { name: /Hồ sơ quá hạn/ }).waitFor()
    expect(await count('Đang giải quyết')).toBe('6')
    expect(await count('Quá hạn')).toBe('5')
    expect(await count('Đến hạn trong 1 ngày làm việc')).toBe('1')
    expect(await count('Chờ trả kết quả')).toBe('0')

    const overdue = page.locator('section', { has: page.getByRole('heading', { name: /Hồ sơ quá hạn/ }) })
    const overdueRows = overdue.locator('tbody tr')
    expect(await overdueRows.count()).toBe(5)
    expect(await overdue.locator('tbody').innerText()).toContain(signs[0])
    for (const text of await overdueRows.locator('.leader-due').allInnerTexts()) expect(text).toMatch(/quá hạn/)
    const soon = page.locator('section', { has: page.getByRole('heading', { name: /Hồ sơ sắp đến hạn/ }) })
    expect(await soon.locator('tbody').innerText()).toContain(fresh)
    expect(await soon.locator('.leader-due').innerText()).toMatch(/^còn /)
    // a row leads to the dossier
    expect(await overdue.getByRole('link', { name: signs[0] }).getAttribute('href')).toBe(`/desk/ho-so/${signs[0]}`)

    // the specialist forwarded the five: they hold them, all overdue; the receiving officer acted on six
    const specialist = page.locator('.leader-officers tbody tr', { hasText: 'chuyenvien.06649' })
    expect(await specialist.locator('td').allInnerTexts()).toEqual([
      expect.stringContaining('chuyenvien.06649'),
      'Chuyên viên',
      '5',
      expect.stringContaining('5 quá hạn'),
      '5',
    ])
    const receiving = page.locator('.leader-officers tbody tr', { hasText: 'tiepnhan.06649' })
    expect((await receiving.locator('td').allInnerTexts()).slice(2)).toEqual(['1', '0', '6'])
    // sorted by the actions taken, most first
    await page.getByRole('button', { name: /Thao tác 30 ngày qua/ }).click()
    expect(await page.locator('.leader-officers tbody tr').first().innerText()).toContain('tiepnhan.06649')
    await deskShot(page, 'leader')
  })

  it('signs three dossiers at once: two are done, the one changed meanwhile fails and says why', async () => {
    const { page } = browser
    const bulk = page.locator('section', { has: page.getByRole('heading', { name: 'Ký duyệt hàng loạt' }) })
    // the four signatures wait for the leader; the birth registration is not offered in bulk
    expect(await bulk.locator('tbody tr').count()).toBe(4)
    expect(await bulk.locator('tbody').innerText()).not.toContain(birthCode)
    await bulk.getByRole('checkbox', { name: 'Chọn tất cả' }).check()
    await bulk.getByText('Đã chọn 4 hồ sơ').waitFor()
    await bulk.getByRole('checkbox', { name: 'Chọn tất cả' }).uncheck()
    for (const code of signs.slice(0, 3)) await bulk.getByRole('checkbox', { name: `Chọn hồ sơ ${code}` }).check()

    // meanwhile another leader's session sends the second back and the specialist submits it again
    await officers.act('lanhdao.06649', signs[1]!, 'sendBack', { note: 'Ghi rõ số bản' })
    await officers.act('chuyenvien.06649', signs[1]!, 'forward')

    await bulk.getByRole('button', { name: 'Ký duyệt 3 hồ sơ đã chọn' }).click()
    const dialog = page.getByRole('dialog', { name: 'Ký duyệt 3 hồ sơ?' })
    await dialog.waitFor()
    expect(await dialog.locator('li').count()).toBe(3)
    await deskShot(page, 'leader-confirm')
    await dialog.getByRole('button', { name: 'Ký duyệt 3 hồ sơ' }).click()
    await dialog.waitFor({ state: 'hidden' })

    const done = bulk.locator('.notice--ok')
    await done.getByText('Đã ký duyệt 2 hồ sơ.').waitFor()
    expect(await done.innerText()).toContain(signs[0])
    expect(await done.innerText()).toContain(signs[2])
    expect(await done.innerText()).toContain('Đã xử lý xong')
    const failed = bulk.locator('.notice--error')
    expect(await failed.innerText()).toContain('1 hồ sơ chưa ký được')
    expect(await failed.innerText()).toContain(signs[1])
    expect(await failed.innerText()).toMatch(/vừa được người khác cập nhật/)
    // the list reloads: the stale one and the fourth still wait; two results now wait to be returned
    await expect.poll(() => bulk.locator('tbody tr').count()).toBe(2)
    await expect.poll(() => count('Chờ trả kết quả')).toBe('2')
    expect((await officers.deskDossier('tiepnhan.06649', signs[0]!)).status).toBe(9)
    expect((await officers.deskDossier('tiepnhan.06649', signs[1]!)).status).toBe(4)
    await deskShot(page, 'leader-signed')
    expect(browser.errors).toEqual([])
  })

  it('gives the leader of another ward no access to 06649', async () => {
    const refused = await officers.as('lanhdao.06652', '/api/desk/units/06649/overview')
    expect(refused.status).toBe(403)
    const { page, context } = browser
    await context.clearCookies()
    await page.evaluate(() => sessionStorage.clear())
    await signInToDesk(page, served.url, 'lanhdao.06652', served.password)
    await page.goto(`${served.url}/desk/lanh-dao?don-vi=06649`)
    await page.getByRole('heading', { name: /Hồ sơ quá hạn/ }).waitFor()
    // only the leader's own ward, whatever the address asks for
    expect(await page.locator('h1').innerText()).not.toContain('Hà Khánh')
    expect(await count('Đang giải quyết')).toBe('0')
    expect(await page.locator('main').innerText()).not.toContain(signs[0])
  })

  it('fits a tablet', async () => {
    const tablet = await launchTablet()
    try {
      tablet.page.setDefaultTimeout(15_000)
      await signInToDesk(tablet.page, served.url, 'lanhdao.06649', served.password)
      await tablet.page.goto(`${served.url}/desk/lanh-dao`)
      await tablet.page.getByRole('heading', { name: 'Ký duyệt hàng loạt' }).waitFor()
      await tablet.page.getByRole('heading', { name: /Hồ sơ quá hạn/ }).waitFor()
      await deskShot(tablet.page, 'leader-tablet')
      expect(tablet.errors).toEqual([])
    } finally {
      await tablet.close()
    }
  })

  it('lets a leader of two wards pick one', async () => {
    const { db } = served.runtime.database
    const [leader] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'lanhdao.06649'))
    const other = (await served.runtime.units.byCode('06652'))!
    await db.insert(userRoles).values({ userId: leader!.id, role: 'leader', unitId: other.id })
    const { page, context } = browser
    await context.clearCookies()
    await page.evaluate(() => sessionStorage.clear())
    await signInToDesk(page, served.url, 'lanhdao.06649', served.password)
    await page.goto(`${served.url}/desk/lanh-dao`)
    await page.getByRole('heading', { name: /Phường Hà Khánh/ }).waitFor()
    await page.getByLabel('Đơn vị', { exact: true }).selectOption('06652')
    await page.waitForURL(/don-vi=06652/)
    await page.getByRole('heading', { name: new RegExp(other.name) }).waitFor()
    expect(await count('Đang giải quyết')).toBe('0')
    expect(await page.locator('main').innerText()).not.toContain(signs[0])
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { libraryProcedure, sampleSubmission } from '../../runtime/src/testing'
import { type BrowserSession, chromiumAvailable, launchPhone } from '../support/browser'
import { deskShot, signInToDesk } from '../support/desk'
import { officersOf } from '../support/officers'
import { type ServedRuntime, serveRuntime } from '../support/served-runtime'

const signature = libraryProcedure('chung-thuc-chu-ky') // steps: reception, the specialist (3 h), signing, return
const stepName = (key: string) => signature.definition.steps.find((s) => s.key === key)!.name

// The leader of ward 06649 opens the ward's statistics on a phone and reads how long each step took this month.
describe.runIf(chromiumAvailable())('the leader’s statistics at the desk', () => {
  let served: ServedRuntime
  let phone: BrowserSession
  const officers = officersOf(() => served.url, 'mat-khau-thu')

  const at = async (local: string, user: string, code: string, type: string, inputs?: Record<string, unknown>) => {
    served.setNow(local)
    await officers.act(user, code, type, inputs)
  }
  const file = async (local: string) => {
    served.setNow(local)
    const res = await fetch(`${served.url}/api/dossiers`, sampleSubmission(signature, '06649'))
    expect(res.status).toBe(201)
    return ((await res.json()) as { receiptCode: string }).receiptCode
  }

  beforeAll(async () => {
    served = await serveRuntime('2026-11-02T07:00:00')
    // A: 0.5 h at reception, 6 h with the specialist (past the step's 3 working hours), 1 h to sign, 0.5 h to return
    const a = await file('2026-11-02T07:30:00')
    await at('2026-11-02T08:00:00', 'tiepnhan.06649', a, 'receive')
    await at('2026-11-02T14:00:00', 'chuyenvien.06649', a, 'forward')
    await at('2026-11-02T15:00:00', 'lanhdao.06649', a, 'approve')
    await at('2026-11-02T15:30:00', 'tiepnhan.06649', a, 'return', { deliveryMethod: 'counter' })
    // B: 1 h at reception, 1 h with the specialist
    const b = await file('2026-11-03T08:00:00')
    await at('2026-11-03T09:00:00', 'tiepnhan.06649', b, 'receive')
    await at('2026-11-03T10:00:00', 'chuyenvien.06649', b, 'forward')
    served.setNow('2026-11-03T10:30:00')
    phone = await launchPhone()
    // the browser's "this month" is the server's
    await phone.page.clock.setFixedTime(new Date('2026-11-03T10:30:00+07:00'))
    phone.page.setDefaultTimeout(15_000)
  }, 180_000)

  afterAll(async () => {
    await phone?.close()
    await served?.close()
  })

  const cells = (section: string, text: string) =>
    phone.page
      .locator('section', { has: phone.page.getByRole('heading', { name: section }) })
      .locator('tbody tr', { hasText: text })
      .locator('td')
      .allInnerTexts()

  it('opens the statistics on a phone: the ward’s rates and the hours per step and per officer', async () => {
    const { page } = phone
    await signInToDesk(page, served.url, 'lanhdao.06649', served.password)
    await page.goto(`${served.url}/desk/lanh-dao`)
    await page.getByRole('heading', { name: 'Thống kê', exact: true }).waitFor()
    // closed until asked for
    expect(await page.getByRole('heading', { name: 'Thời gian theo bước xử lý' }).count()).toBe(0)
    await page.getByRole('button', { name: 'Xem thống kê' }).click()
    await page.getByRole('heading', { name: 'Thời gian theo bước xử lý' }).waitFor()
    expect(await page.getByLabel('Kỳ thống kê').inputValue()).toBe('month')
    await page.getByText('Từ tháng 11/2026 đến hết tháng 11/2026.').waitFor()

    const rate = (label: string) =>
      page
        .locator('.stat-rates .leader-count', { has: page.getByText(label, { exact: true }) })
        .locator('.leader-count__n')
        .innerText()
    expect(await rate('Tiếp nhận trong kỳ')).toBe('2')
    expect(await rate('Nộp trực tuyến')).toMatch(/^100\s?%$/)
    expect(await rate('Đã giải quyết')).toBe('1')
    expect(await rate('Giải quyết đúng hạn')).toMatch(/^100\s?%$/)
    expect(await rate('Đang quá hạn')).toBe('0')
    expect(await page.getByRole('link', { name: 'Xem danh sách' }).getAttribute('href')).toBe('#leader-overdue')

    // the specialist's step: A 6 h (late), B 1 h
    const steps = 'Thời gian theo bước xử lý'
    expect(await cells(steps, stepName('xu_ly'))).toEqual([
      expect.stringContaining(signature.definition.name.slice(0, 20)),
      '2',
      '3,5',
      '3,5',
      expect.stringMatching(/1$/),
    ])
    expect((await cells(steps, stepName('tiep_nhan'))).slice(1)).toEqual(['2', '0,8', '0,8', '0'])
    expect((await cells(steps, stepName('phe_duyet'))).slice(1)).toEqual(['1', '1', '1', '0'])
    const officerTexts = await cells('Thời gian theo cán bộ', 'chuyenvien.06649')
    expect(officerTexts.slice(1)).toEqual(['2', '2', '3,5', expect.stringMatching(/1$/)])
    expect(await page.getByText('Trong kỳ không có hồ sơ liên thông nào của đơn vị.').count()).toBe(1)

    // sorted by the time spent, longest first
    await page
      .getByRole('button', { name: /Trung bình \(giờ\)/ })
      .first()
      .click()
    const first = page.locator('section', { has: page.getByRole('heading', { name: steps }) }).locator('tbody tr')
    expect(await first.first().innerText()).toContain(stepName('xu_ly'))

    // the page never scrolls sideways; the table scrolls in its own box
    const box = page.locator('.stat-scroll').first()
    expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true)
    await deskShot(page, 'leader-statistics-phone')
    expect(phone.errors).toEqual([])
  })

  it('reads another period: last month has nothing', async () => {
    const { page } = phone
    await page.getByLabel('Kỳ thống kê').selectOption('custom')
    await page.getByLabel('Từ tháng', { exact: true }).fill('2026-10')
    await page.getByLabel('Đến tháng', { exact: true }).fill('2026-10')
    await page.getByText('Từ tháng 10/2026 đến hết tháng 10/2026.').waitFor()
    expect(await page.locator('.stat-rates .leader-count', { hasText: 'Tiếp nhận trong kỳ' }).innerText()).toMatch(/^0/)
    await page.getByText('Trong kỳ chưa có hồ sơ nào rời một bước của đơn vị.').waitFor()
    // a past period's overdue count is at its end, with no link to today's list
    await page.getByText('Quá hạn cuối kỳ').waitFor()
    // in English too
    await page.getByRole('button', { name: 'Switch to English' }).click()
    await page.getByRole('heading', { name: 'Time per step' }).waitFor()
    await page.getByText('No dossier left one of the unit’s steps in the period.').waitFor()
    expect(await page.getByLabel('Period', { exact: true }).inputValue()).toBe('custom')
    expect(phone.errors).toEqual([])
  })
})

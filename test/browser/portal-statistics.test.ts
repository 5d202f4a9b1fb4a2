import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Figures, ProvinceStatistics, UnitStatistics } from '@motcua/core'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applyPlan } from '../../runtime/src/reorganisations/apply'
import { loadPlanFile, planFiles } from '../../runtime/src/reorganisations/plan-files'
import { asOfficers, libraryProcedure, sampleSubmission, signIn, submissionForm } from '../../runtime/src/testing'
import { axeViolations, chromiumAvailable, launchPhone, type Phone } from '../support/browser'
import { repoRoot } from '../support/runtime-process'
import { type ServedRuntime, serveRuntime } from '../support/served-runtime'

// Anyone on a 360 px phone reads the public statistics: dossiers filed and acted on at two wards of Hạ Long in May
// and June 2025, the province's two-tier reorganisation of 1/7/2025 (Phường Hà Khánh and Phường Cao Xanh merged into
// the new Phường Cao Xanh, 06658), and dossiers at the new ward in July; read on 5/8/2025.
const shots = join(repoRoot, 'test-artifacts', 'screenshots')
const signature = libraryProcedure('chung-thuc-chu-ky') // commune level, due the same day
// numbers as a Vietnamese reader writes them: 1.234 and 55,2 %
const showCount = (n: number) => n.toLocaleString('vi-VN')
const showShare = (share: number | null) =>
  share === null ? '—' : `${(Math.round(share * 1000) / 10).toLocaleString('vi-VN')}\u00a0%`

describe.runIf(chromiumAvailable())('the public statistics dashboard on a phone', () => {
  let served: ServedRuntime
  let phone: Phone
  let page: Page
  const { act } = asOfficers(() => served.runtime)

  const file = async (unitCode: string, at: string) => {
    served.setNow(at)
    const res = await served.runtime.app.request('/api/dossiers', sampleSubmission(signature, unitCode))
    expect(res.status).toBe(201)
    const { receiptCode } = (await res.json()) as { receiptCode: string }
    await act(`tiepnhan.${unitCode}`, receiptCode, 'tiep_nhan')
    return receiptCode
  }
  const atCounter = async (unitCode: string, at: string) => {
    served.setNow(at)
    const res = await served.runtime.app.request('/api/desk/intake', {
      method: 'POST',
      headers: { authorization: `Bearer ${await signIn(served.runtime, `tiepnhan.${unitCode}`)}` },
      body: submissionForm(signature.definition, {
        procedureCode: signature.definition.code,
        unitCode,
        receivingUnitCode: unitCode,
        channel: 1,
        applicant: { fullName: 'Trần Thị Bình', idNumber: '022190001234', phone: '0904111222' },
        formData: signature.sample,
      }),
    })
    expect(res.status, await res.clone().text()).toBe(201)
    return ((await res.json()) as { receiptCode: string }).receiptCode
  }
  const resolve = async (unitCode: string, code: string, at: string) => {
    served.setNow(at)
    await act(`chuyenvien.${unitCode}`, code, 'trinh_ky')
    await act(`lanhdao.${unitCode}`, code, 'phe_duyet')
  }
  const api = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${served.url}${path}`)
    expect(res.status, path).toBe(200)
    return (await res.json()) as T
  }

  /** The headline card's value, by its label. */
  const card = (label: string) =>
    page
      .locator('.stat-card', { has: page.locator('.stat-card__label', { hasText: label }) })
      .locator('.stat-card__value')
  const expectHeadline = async (figures: Figures) => {
    await expect.poll(() => card('Hồ sơ tiếp nhận mới').innerText()).toBe(showCount(figures.received.total))
    expect(await card('Tỷ lệ nộp trực tuyến').innerText()).toBe(showShare(figures.onlineShare))
    expect(await card('Giải quyết trước và đúng hạn').innerText()).toBe(showShare(figures.onTimeShare))
    expect(await card('Đang giải quyết quá hạn').innerText()).toBe(showCount(figures.inProgress.overdue))
    expect(await card('Kỳ trước chuyển qua').innerText()).toBe(showCount(figures.carriedOver))
  }
  const settled = () => page.locator('.stat-body[aria-busy="false"]').waitFor()
  const noHorizontalScroll = async () => {
    const [scroll, client] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ])
    expect(scroll, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(client)
  }
  const axe = async () => {
    // every "Xem dạng bảng" open, so the tables are checked too
    await page.evaluate(() => {
      for (const d of document.querySelectorAll('details')) d.open = true
    })
    const violations = await axeViolations(page)
    expect(violations, page.url()).toEqual([])
  }

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true })
    served = await serveRuntime('2025-05-06T08:00:00')
    const early = await file('06649', '2025-05-06T08:10:00')
    await resolve('06649', early, '2025-05-06T10:00:00')
    const onTime = await file('06649', '2025-05-06T08:20:00')
    await resolve('06649', onTime, '2025-05-06T17:00:00')
    await file('06649', '2025-05-06T08:30:00') // left open: overdue from 17:00
    const late = await atCounter('06658', '2025-05-06T09:00:00')
    await resolve('06658', late, '2025-05-07T09:00:00')
    const june = await file('06658', '2025-06-10T08:30:00')
    await resolve('06658', june, '2025-06-10T10:00:00')
    served.setNow('2025-07-02T09:00:00')
    for (const plan of planFiles(join(repoRoot, 'reorganisations')))
      await applyPlan(served.runtime, loadPlanFile(plan), { actorUserId: null })
    const july = await file('06658', '2025-07-08T08:30:00')
    await resolve('06658', july, '2025-07-08T10:00:00')
    await atCounter('06658', '2025-07-08T09:00:00') // left open
    served.setNow('2025-08-05T09:00:00')
    phone = await launchPhone()
    page = phone.page
    page.setDefaultTimeout(15_000)
  }, 240_000)

  afterAll(async () => {
    await phone?.close()
    await served?.close()
  })

  it('shows this year so far by today’s units, with the figures the API gives, each chart with its table', async () => {
    const province = await api<ProvinceStatistics>('/api/statistics?structure=now')
    expect(province.period).toEqual({ from: '2025-01', to: '2025-08' })
    expect(province.figures.received).toEqual({ counter: 2, online: 5, post: 0, total: 7 })
    await page.goto(served.url)
    await page.getByRole('link', { name: 'Thống kê', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: 'Thống kê giải quyết thủ tục hành chính' }).waitFor()
    await settled()
    await expectHeadline(province.figures)
    expect(await page.locator('.stat-status').innerText()).toContain('từ tháng 01/2025 đến tháng 08/2025')
    expect(await page.getByRole('radio', { name: /Theo địa giới hiện nay/ }).isChecked()).toBe(true)

    // by level: no district in force today
    const levels = page.locator('table', { has: page.locator('caption', { hasText: 'Số liệu theo cấp' }) })
    expect(await levels.locator('tbody th').allInnerTexts()).not.toContain('Cấp huyện')

    // every chart is an image with a text alternative, and the same figures as a table with a caption and headers
    const charts = page.locator('figure.chart')
    expect(await charts.count()).toBe(4)
    for (const chart of await charts.all()) {
      expect(await chart.locator('[role="img"]').getAttribute('aria-label')).toMatch(/Biểu đồ/)
      await chart.locator('svg.ct-chart-bar, svg.ct-chart-line').waitFor()
      await chart.getByText('Xem dạng bảng').click()
      const table = chart.locator('table')
      expect(await table.locator('caption').innerText()).toBe(await chart.locator('figcaption').innerText())
      expect(await table.locator('thead th').count()).toBeGreaterThan(1)
    }
    const received = page.locator('figure.chart', { hasText: 'Hồ sơ tiếp nhận theo kênh' })
    const may = received.locator('tbody tr', { hasText: '05/2025' }).locator('td')
    expect(await may.allInnerTexts()).toEqual(['1', '3', '0', '4']) // counter, online, post, total

    await page.locator('.indicators__table').waitFor()
    await noHorizontalScroll()
    await page.screenshot({ path: join(shots, 'statistics-province.png'), fullPage: true })
    await axe()
    expect(phone.errors).toEqual([])
  })

  it('finds a unit without diacritics, sorts the list, and opens the unit with its predecessors', async () => {
    const province = await api<ProvinceStatistics>('/api/statistics?structure=now')
    await page.goto(`${served.url}/thong-ke`)
    await settled()
    const rows = page.locator('table', { has: page.locator('caption', { hasText: 'Số liệu từng đơn vị' }) })
    await page.getByLabel('Tìm đơn vị').fill('cao xanh')
    await expect.poll(() => rows.locator('tbody th').allInnerTexts()).toEqual(['Phường Cao Xanh'])
    await page.getByLabel('Tìm đơn vị').fill('')
    // the busiest first, then by name on request
    const received = rows.locator('thead th', { hasText: 'Tiếp nhận' })
    expect(await received.getAttribute('aria-sort')).toBe('descending')
    await expect.poll(() => rows.locator('tbody th').first().innerText()).toBe('Phường Cao Xanh')
    await rows.getByRole('button', { name: 'Đơn vị' }).click()
    expect(await received.getAttribute('aria-sort')).toBeNull()
    const names = province.units.map((u) => u.unit.name).sort((a, b) => a.localeCompare(b, 'vi'))
    expect(await rows.locator('tbody th').allInnerTexts()).toEqual(names.slice(0, 10))
    await page.getByRole('button', { name: `Hiện tất cả ${names.length} dòng` }).click()
    expect(await rows.locator('tbody th').count()).toBe(names.length)
    await rows.getByRole('button', { name: 'Tiếp nhận' }).click()
    await rows.getByRole('link', { name: 'Phường Cao Xanh' }).click()
    await page.getByRole('heading', { level: 1, name: 'Phường Cao Xanh' }).waitFor()
    await settled()
    const unit = await api<UnitStatistics>('/api/statistics/units/06658?structure=now')
    await expectHeadline(unit.figures)
    expect(unit.figures.received.total).toBe(7)
    expect(await page.locator('.notice', { hasText: 'gồm cả hồ sơ đã nộp tại' }).innerText()).toContain(
      'Phường Hà Khánh',
    )
    const report = page.getByRole('link', { name: 'Tải tệp CSV' })
    expect(await report.getAttribute('href')).toBe(
      '/api/statistics/report.csv?from=2025-01&to=2025-08&structure=now&unit=06658',
    )
    await page.locator('.indicators__table').waitFor() // the Decision 766 indicators of the unit
    await noHorizontalScroll()
    await page.screenshot({ path: join(shots, 'statistics-unit.png'), fullPage: true })
    await axe()
    await page
      .getByRole('navigation', { name: 'Vị trí của đơn vị' })
      .getByRole('link', { name: 'Tỉnh Quảng Ninh' })
      .click()
    await page.getByRole('heading', { level: 1, name: 'Thống kê giải quyết thủ tục hành chính' }).waitFor()
    expect(phone.errors).toEqual([])
  })

  it('changes the period and the structure in the address and the figures, and drills down through the district', async () => {
    await page.goto(`${served.url}/thong-ke`)
    await settled()
    await page.getByRole('button', { name: 'Tháng này' }).click()
    await expect.poll(() => page.url()).toContain('/thong-ke?tu=2025-08&den=2025-08')
    await settled()
    await expectHeadline(
      (await api<ProvinceStatistics>('/api/statistics?from=2025-08&to=2025-08&structure=now')).figures,
    )
    expect(await card('Hồ sơ tiếp nhận mới').innerText()).toBe('0')

    await page.getByLabel('Từ tháng').fill('2025-05')
    await page.getByLabel('Đến tháng').fill('2025-06')
    await page.getByRole('button', { name: 'Xem kỳ này' }).click()
    await expect.poll(() => page.url()).toContain('/thong-ke?tu=2025-05&den=2025-06')
    await settled()
    const now = await api<ProvinceStatistics>('/api/statistics?from=2025-05&to=2025-06&structure=now')
    await expectHeadline(now.figures)

    // by the units at the time: the districts are back, Phường Hà Khánh has its own figures
    await page.getByRole('radio', { name: /Theo đơn vị tại thời điểm nộp/ }).check()
    await expect.poll(() => page.url()).toContain('theo=khi-nop')
    await settled()
    const then = await api<ProvinceStatistics>('/api/statistics?from=2025-05&to=2025-06&structure=then')
    await expectHeadline(then.figures)
    const levels = page.locator('table', { has: page.locator('caption', { hasText: 'Số liệu theo cấp' }) })
    await expect.poll(() => levels.locator('tbody th').allInnerTexts()).toContain('Cấp huyện')

    const rows = page.locator('table', { has: page.locator('caption', { hasText: 'Số liệu từng đơn vị' }) })
    await page.getByLabel('Tìm đơn vị').fill('ha long')
    await rows.getByRole('link', { name: 'Thành phố Hạ Long' }).click()
    await page.getByRole('heading', { level: 1, name: 'Thành phố Hạ Long' }).waitFor()
    expect(page.url()).toContain('/thong-ke/don-vi/193?tu=2025-05&den=2025-06&theo=khi-nop')
    const children = page.locator('table', { has: page.locator('caption', { hasText: 'các đơn vị trực thuộc' }) })
    await children.getByRole('link', { name: 'Phường Hà Khánh' }).click()
    await page.getByRole('heading', { level: 1, name: 'Phường Hà Khánh' }).waitFor()
    await settled()
    const ward = await api<UnitStatistics>('/api/statistics/units/06649?from=2025-05&to=2025-06&structure=then')
    expect(ward.figures.received.total).toBe(3)
    await expectHeadline(ward.figures)
    const crumbs = page.getByRole('navigation', { name: 'Vị trí của đơn vị' })
    expect(await crumbs.locator('li').allInnerTexts()).toEqual([
      'Tỉnh Quảng Ninh',
      'Thành phố Hạ Long',
      'Phường Hà Khánh',
    ])
    await crumbs.getByRole('link', { name: 'Thành phố Hạ Long' }).click()
    await page.getByRole('heading', { level: 1, name: 'Thành phố Hạ Long' }).waitFor()
    await page.goBack()
    await page.getByRole('heading', { level: 1, name: 'Phường Hà Khánh' }).waitFor()
    await crumbs.getByRole('link', { name: 'Tỉnh Quảng Ninh' }).click()
    await page.getByRole('heading', { level: 1, name: 'Thống kê giải quyết thủ tục hành chính' }).waitFor()
    expect(page.url()).toContain('/thong-ke?tu=2025-05&den=2025-06&theo=khi-nop')
    expect(await page.getByRole('radio', { name: /Theo đơn vị tại thời điểm nộp/ }).isChecked()).toBe(true)
    await noHorizontalScroll()
    expect(phone.errors).toEqual([])
  })

  it('says what to do for a unit it does not know and for a bad period', async () => {
    await page.goto(`${served.url}/thong-ke/don-vi/99999`)
    await page.getByText('Không tìm thấy đơn vị có mã "99999" trong kỳ này.').waitFor()
    await page.getByRole('link', { name: 'Về thống kê toàn tỉnh' }).click()
    await page.getByRole('heading', { level: 1, name: 'Thống kê giải quyết thủ tục hành chính' }).waitFor()
    await page.goto(`${served.url}/thong-ke?tu=2025-13`)
    await page
      .getByRole('alert')
      .getByText(/hợp lệ/)
      .waitFor()
    await page.getByRole('link', { name: /Xem kỳ mặc định/ }).click()
    await settled()
    expect(page.url()).toMatch(/\/thong-ke$/)
  })
})

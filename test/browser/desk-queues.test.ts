import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { libraryProcedure, sampleSubmission } from '../../runtime/src/testing'
import { type BrowserSession, chromiumAvailable, launchOffice, launchTablet } from '../support/browser'
import { deskShot, signInToDesk } from '../support/desk'
import { officersOf } from '../support/officers'
import { type ServedRuntime, serveRuntime } from '../support/served-runtime'

// The queues an officer lives in all day: counts, a search without diacritics, filters in the address, the
// keyboard, another commune's dossiers out of sight, and a consultation answered from its tab.
describe.runIf(chromiumAvailable())('the desk queues', () => {
  let served: ServedRuntime
  let office: BrowserSession
  const codes: Record<string, string> = {}
  const birth = libraryProcedure('dang-ky-khai-sinh')
  const investment = libraryProcedure('chap-thuan-chu-truong-dau-tu')

  const submit = async (procedure: typeof birth, unit: string, fullName: string) => {
    const res = await fetch(`${served.url}/api/dossiers`, sampleSubmission(procedure, unit, { fullName }))
    expect(res.status).toBe(201)
    return ((await res.json()) as { receiptCode: string }).receiptCode
  }
  const count = (tab: string) => office.page.getByTestId(`tab-${tab}`).locator('.q-count').innerText()
  const names = () => office.page.locator('[data-testid="queue-row"] .q-applicant').allInnerTexts()
  const signOut = async () => {
    await office.context.clearCookies()
    await office.page.evaluate(() => {
      localStorage.clear()
      sessionStorage.clear()
    })
  }

  beforeAll(async () => {
    served = await serveRuntime('2026-12-01T09:00:00') // a Tuesday
    const officers = officersOf(() => served.url, served.password)
    codes.waiting = await submit(birth, '06649', 'Phạm Thị Hường')
    codes.received = await submit(birth, '06649', 'Lê Văn Tám')
    await officers.act('tiepnhan.06649', codes.received, 'receive')
    codes.other = await submit(birth, '06652', 'Trần Quốc Khánh')
    codes.consulted = await submit(investment, 'SKHDT', 'Công ty TNHH Hạ Long Xanh')
    await officers.act('tiepnhan.skhdt', codes.consulted, 'receive')
    await officers.act('chuyenvien.skhdt', codes.consulted, 'forward')
    office = await launchOffice()
    office.page.setDefaultTimeout(15_000)
  }, 180_000)

  afterAll(async () => {
    await office?.close()
    await served?.close()
  })

  it('shows a receiving officer the counts and finds a dossier by a name typed without diacritics', async () => {
    const { page } = office
    await signInToDesk(page, served.url, 'tiepnhan.06649', served.password)
    await expect.poll(() => count('reception')).toBe('1')
    await expect.poll(() => count('inProgress')).toBe('2')
    await page.getByTestId('tab-reception').click()
    await page.waitForURL(/\/desk\?hang=cho-tiep-nhan$/)
    await expect.poll(names).toEqual(['Phạm Thị Hường'])
    await deskShot(page, 'queues')

    await page.getByLabel('Tìm hồ sơ').fill('pham thi huong')
    await page.keyboard.press('Enter')
    await page.waitForURL(/q=pham\+thi\+huong/)
    await expect.poll(names).toEqual(['Phạm Thị Hường'])
    expect(await page.locator('[data-testid="queue-row"] .q-code').innerText()).toBe(codes.waiting)

    await page.getByLabel('Tìm hồ sơ').fill('an')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/ít nhất 3 chữ cái hoặc chữ số/)
    expect(browserErrors()).toEqual([])
  })

  const browserErrors = () => office.errors.filter((e) => !/status of 400/.test(e))

  it('keeps the tab, the search and the filters in the address, through a reload and the back button', async () => {
    const { page } = office
    await page.goto(`${served.url}/desk?hang=dang-xu-ly&q=van+tam`)
    await expect.poll(names).toEqual(['Lê Văn Tám'])
    await page.getByLabel('Kênh nộp').selectOption('1') // at the counter: it was filed online
    await page.waitForURL(/kenh=1/)
    await expect.poll(() => page.locator('.q-empty').innerText()).toMatch(/Không tìm thấy hồ sơ nào khớp “van tam”/)
    await page.reload()
    expect(await page.getByLabel('Kênh nộp').inputValue()).toBe('1')
    expect(await page.getByLabel('Tìm hồ sơ').inputValue()).toBe('van tam')
    await page.goBack()
    await page.waitForURL((u) => !u.search.includes('kenh'))
    await expect.poll(names).toEqual(['Lê Văn Tám'])
    expect(await page.getByLabel('Kênh nộp').inputValue()).toBe('')
    // by procedure, from those the ward handles
    await page.goto(`${served.url}/desk`)
    await page.getByRole('combobox', { name: /^Thủ tục/ }).selectOption({ label: 'Đăng ký khai sinh' })
    await page.waitForURL(/thu-tuc=1\.001193/)
    await expect.poll(names).toEqual(['Lê Văn Tám', 'Phạm Thị Hường'])
    await page.getByRole('combobox', { name: /^Thủ tục/ }).selectOption({ label: 'Đăng ký kết hôn' })
    await page.waitForURL(/thu-tuc=1\.000894/)
    await expect.poll(() => page.locator('.q-empty').count()).toBe(1)
  })

  it('moves through the rows with j and k, opens one with Enter, and lists the shortcuts on ?', async () => {
    const { page } = office
    await page.goto(`${served.url}/desk`)
    await expect.poll(names).toEqual(['Lê Văn Tám', 'Phạm Thị Hường'])
    await page.keyboard.press('1')
    await page.waitForURL(/hang=cho-tiep-nhan/)
    await page.keyboard.press('2')
    await page.waitForURL((u) => u.search === '')
    await expect.poll(names).toEqual(['Lê Văn Tám', 'Phạm Thị Hường'])
    await page.keyboard.press('?')
    await expect.poll(() => page.getByRole('dialog').innerText()).toMatch(/Mở hồ sơ đang chọn/)
    await page.keyboard.press('Escape')
    await page.keyboard.press('j')
    await page.keyboard.press('j')
    await page.keyboard.press('k')
    expect(await page.locator('tr[aria-current="true"] .q-applicant').innerText()).toBe('Lê Văn Tám')
    await page.keyboard.press('Enter')
    await page.waitForURL(new RegExp(`/desk/ho-so/${codes.received}$`))
    await page.goBack()
    await page.waitForURL(/\/desk$/)
    await page.keyboard.press('/')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q-search')
  })

  it('keeps another commune’s dossiers out of an officer’s queues, search and counts', async () => {
    const { page } = office
    await signOut()
    await signInToDesk(page, served.url, 'tiepnhan.06652', served.password)
    await expect.poll(() => count('reception')).toBe('1')
    await page.getByTestId('tab-reception').click()
    await expect.poll(names).toEqual(['Trần Quốc Khánh'])
    await page.getByLabel('Tìm hồ sơ').fill('pham thi huong')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('.q-empty').innerText()).toMatch(/Không tìm thấy hồ sơ nào/)
    await page.goto(`${served.url}/desk?q=${encodeURIComponent(codes.waiting!)}`)
    await expect.poll(() => page.locator('.q-empty').count()).toBe(1)
    await page.goto(`${served.url}/desk?don-vi=06649`)
    await expect
      .poll(() => page.getByTestId('queue-forbidden').innerText())
      .toMatch(/không có quyền xem hồ sơ của đơn vị 06649/)
    await deskShot(page, 'queues-refused')
  })

  it('answers a consultation sent to the unit from the consultations tab', async () => {
    const { page } = office
    await signOut()
    await signInToDesk(page, served.url, 'chuyenvien.stnmt', served.password)
    await expect.poll(() => count('consultations')).toBe('1')
    await page.getByTestId('tab-consultations').click()
    await page.waitForURL(/hang=y-kien/)
    await page.getByRole('link', { name: codes.consulted }).click()
    await page.waitForURL(/\/desk\/y-kien\//)
    await expect
      .poll(() => page.getByTestId('consultation-due').innerText())
      .toMatch(/Đang chờ trả lời · còn \d+ ngày[\s\S]*Hạn trả lời: \d\d\/\d\d\/2026/)
    await deskShot(page, 'consultation')
    await page.getByLabel('Có ý kiến khác').check()
    await page.getByLabel('Nội dung ý kiến').fill('Đề nghị bổ sung đánh giá tác động môi trường.')
    await page.getByRole('button', { name: 'Gửi ý kiến' }).click()
    await expect.poll(() => page.getByTestId('consultation-answered').innerText()).toMatch(/Có ý kiến khác/)
    await page.getByRole('link', { name: 'Về danh sách xin ý kiến' }).click()
    await expect.poll(() => count('consultations')).toBe('0')
    await expect.poll(() => page.locator('.q-empty').innerText()).toMatch(/Không có yêu cầu xin ý kiến nào/)
  })

  it('shows the queue as cards on a tablet', async () => {
    const tablet = await launchTablet()
    try {
      await signInToDesk(tablet.page, served.url, 'tiepnhan.06649', served.password)
      await tablet.page.locator('[data-testid="queue-row"]').first().waitFor()
      await deskShot(tablet.page, 'queues-tablet')
    } finally {
      await tablet.close()
    }
  })
})

import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ProcedureDefinition } from '@motcua/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { submissionForm, TEST_PASSWORD } from '../../runtime/src/testing'
import { type BrowserSession, chromiumAvailable, launchOffice, launchTablet } from '../support/browser'
import { deskShot, signInToDesk } from '../support/desk'
import { officersOf } from '../support/officers'
import { repoRoot } from '../support/runtime-process'
import { type ServedRuntime, serveRuntime } from '../support/served-runtime'

/** A one-page PDF saying `text` (ASCII), valid enough for the browser's viewer to show it. */
function pdfSaying(text: string): Buffer {
  const stream = `BT /F1 28 Tf 72 720 Td (${text}) Tj ET`
  const objects = [
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids[3 0 R]/Count 1>>',
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>',
    `<</Length ${stream.length}>>stream\n${stream}\nendstream`,
    '<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>',
  ]
  let body = '%PDF-1.4\n'
  const offsets = objects.map((object, i) => {
    const at = body.length
    body += `${i + 1} 0 obj${object}endobj\n`
    return at
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const at of offsets) body += `${String(at).padStart(10, '0')} 00000 n \n`
  body += `trailer<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}
const PDF = pdfSaying('CAN CUOC CONG DAN - ban sao')
const library = (folder: string) => ({
  definition: JSON.parse(
    readFileSync(join(repoRoot, 'procedures', folder, 'procedure.json'), 'utf8'),
  ) as ProcedureDefinition,
  sample: JSON.parse(readFileSync(join(repoRoot, 'procedures', folder, 'sample.json'), 'utf8')) as Record<
    string,
    unknown
  >,
})
const shots = join(repoRoot, 'test-artifacts', 'screenshots')
const birth = library('dang-ky-khai-sinh') // ward level, same day
const marital = library('xac-nhan-tinh-trang-hon-nhan') // ward, result data and document, an officer's decision
const allowance = library('tro-cap-xa-hoi-hang-thang') // ward, then the district (liên thông), 17 working days

// An officer's day at the dossier view: acting on dossiers from reception to the returned result, in the desk.
describe.runIf(chromiumAvailable())('the dossier view', () => {
  let served: ServedRuntime
  let browser: BrowserSession
  let signedIn: string | undefined
  const { act, deskDossier } = officersOf(() => served.url, TEST_PASSWORD)

  beforeAll(async () => {
    served = await serveRuntime('2026-12-01T08:30:00')
    browser = await launchOffice()
    browser.page.setDefaultTimeout(15_000)
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await served?.close()
  })

  /** Files the library's sample online at the ward, as a citizen would on the portal. */
  async function submit(lib: typeof birth): Promise<{ code: string; pin: string }> {
    const response = await fetch(`${served.url}/api/dossiers`, {
      method: 'POST',
      body: submissionForm(lib.definition, {
        procedureCode: lib.definition.code,
        unitCode: '06649',
        applicant: { fullName: 'Trần Thị Hoa', idNumber: '022190001234', phone: '0912345678' },
        formData: lib.sample,
      }),
    })
    expect(response.status, await response.clone().text()).toBe(201)
    const { receiptCode, pin } = (await response.json()) as { receiptCode: string; pin: string }
    return { code: receiptCode, pin }
  }

  /** The dossier at the desk, as `user` (signed in on the desk's page when another officer was). */
  async function open(user: string, code: string): Promise<void> {
    const { page, context } = browser
    if (signedIn !== user) {
      if (signedIn) {
        await context.clearCookies()
        await page.evaluate(() => {
          localStorage.clear()
          sessionStorage.clear()
        })
      }
      await signInToDesk(page, served.url, user, served.password)
      signedIn = user
    }
    await page.goto(`${served.url}/desk/ho-so/${code}`)
    await page.getByTestId('dossier-head').waitFor()
  }

  /** A shortcut, pressed with the focus on the page itself (not in the PDF previewed in its frame). */
  async function press(key: string): Promise<void> {
    await browser.page.getByTestId('dossier-head').click({ position: { x: 2, y: 2 } })
    await browser.page.keyboard.press(key)
  }
  const head = () => browser.page.getByTestId('dossier-head').innerText()
  const timeline = () => browser.page.getByTestId('timeline').innerText()
  const actions = () => browser.page.getByTestId('actions').getByRole('button').allInnerTexts()
  const dialog = () => browser.page.getByTestId('action-dialog')
  const confirm = () =>
    dialog()
      .getByRole('button', { name: /^Xác nhận/ })
      .click()
  /** Confirms the open dialog and waits for the action's outcome and the dossier reloaded in place. */
  async function confirmAndWait(status: string): Promise<void> {
    await confirm()
    await expect.poll(() => browser.page.getByTestId('outcome').innerText()).toContain('Đã thực hiện')
    await expect.poll(head).toContain(status)
  }
  /** The screen with a dialog open, as the officer sees it (the dialog sits in the window, not the page). */
  async function dialogShot(name: string): Promise<void> {
    mkdirSync(shots, { recursive: true })
    await browser.page.screenshot({ path: join(shots, `desk-${name}.png`) })
  }
  /** The printed slip a link opens, fetched with the officer's session. */
  async function slipBehind(link: ReturnType<typeof browser.page.getByRole>): Promise<string> {
    const href = await link.getAttribute('href')
    const response = await browser.page.request.get(`${served.url}${href}`)
    expect(response.status()).toBe(200)
    expect(response.headers()['content-type']).toContain('text/html')
    return response.text()
  }

  it('takes an online dossier from reception through a supplement to the result returned at the counter', async () => {
    const { page } = browser
    served.setNow('2026-12-01T08:30:00')
    const { code, pin } = await submit(birth)

    await open('tiepnhan.06649', code)
    expect(await head()).toContain(code)
    expect(await head()).toContain('Đăng ký khai sinh')
    expect(await head()).toContain('Mới đăng ký')
    expect(await head()).toContain('Trần Thị Hoa')
    expect(await page.locator('#dossier-form + .mc-summary').innerText()).not.toBe('')
    await deskShot(page, 'dossier-office')
    // a PDF shown in the page when asked for, in a frame of the same origin
    const [first] = await deskDossier('tiepnhan.06649', code).then((d) => d.attachments)
    await page.getByRole('button', { name: `Xem trước: ${first!.fileName}` }).click()
    const frame = page.getByTestId('preview').locator('iframe')
    expect(await frame.getAttribute('src')).toMatch(/\/files\/[0-9a-f-]+\?inline=1$/)
    const receiveButton = page.getByRole('button', { name: /^Tiếp nhận hồ sơ/ })
    expect(await receiveButton.getAttribute('aria-keyshortcuts')).toBe('t')

    // t: receive, then the receipt to print
    await press('t')
    await dialog().waitFor()
    await dialogShot('dossier-dialog-receive')
    await confirmAndWait('Được tiếp nhận')
    const receipt = await slipBehind(page.getByTestId('outcome').getByRole('link'))
    expect(receipt).toContain(code)
    expect(receipt.toLowerCase()).toContain('giấy tiếp nhận hồ sơ')
    expect(await head()).toMatch(/còn \d/)

    // b: the specialist asks for a supplement, at least one item
    await open('chuyenvien.06649', code)
    await press('b')
    await dialog().waitFor()
    await confirm()
    await expect.poll(() => dialog().innerText()).toContain('Vui lòng chọn hoặc ghi ít nhất một giấy tờ cần bổ sung.')
    const component = birth.definition.components[1]!.name
    await dialog().getByLabel(component).check()
    await dialog().getByLabel('Nội dung khác cần bổ sung').fill('Bản sao căn cước của người đi khai sinh')
    await dialogShot('dossier-dialog-supplement')
    await confirmAndWait('Yêu cầu bổ sung giấy tờ')
    expect(await timeline()).toContain(`Giấy tờ cần bổ sung: ${component}; Bản sao căn cước của người đi khai sinh`)
    expect(await page.getByTestId('outcome').innerText()).toContain('In Phiếu yêu cầu bổ sung hồ sơ')

    // the citizen sends the missing paper from the portal's tracking page
    await page.goto(`${served.url}/tra-cuu`)
    await page.getByLabel('Mã hồ sơ').fill(code)
    await page.getByLabel('Mã tra cứu (PIN), không bắt buộc').fill(pin)
    await page.getByRole('button', { name: 'Tra cứu' }).first().click()
    await page.locator('#details-title').waitFor()
    await page.setInputFiles('#supplement-file-1', { name: 'can-cuoc.pdf', mimeType: 'application/pdf', buffer: PDF })
    await page.selectOption('#supplement-component-1', birth.definition.components[1]!.key)
    await page.getByRole('button', { name: 'Gửi giấy tờ bổ sung' }).click()
    await page.getByTestId('supplement-sent').waitFor()

    // n: the receiving officer takes it; the clock runs again
    await open('tiepnhan.06649', code)
    expect(await timeline()).toContain('Công dân nộp bổ sung giấy tờ')
    expect(await page.getByTestId('attachments').innerText()).toContain('can-cuoc.pdf')
    await page.getByRole('button', { name: 'Xem trước: can-cuoc.pdf' }).click()
    await page.locator('#dossier-files').scrollIntoViewIfNeeded()
    await dialogShot('dossier-preview')
    await press('n')
    await dialog().waitFor()
    await confirmAndWait('Đang xử lý')

    // c, d: the specialist submits it for signature, the leader signs
    await open('chuyenvien.06649', code)
    await press('c')
    await dialog().waitFor()
    await confirmAndWait('Đang xử lý')
    await expect.poll(head).toContain(birth.definition.steps.find((s) => s.key === 'phe_duyet')!.name)
    await open('lanhdao.06649', code)
    await press('d')
    await dialog().waitFor()
    await confirmAndWait('Đã xử lý xong')

    // the counter attaches the scanned result, then returns it: the applicant signs for it on the receipt
    await open('tiepnhan.06649', code)
    await page.setInputFiles('#result-file', { name: 'giay-khai-sinh.pdf', mimeType: 'application/pdf', buffer: PDF })
    await page.getByTestId('results').getByRole('button', { name: 'Tải lên' }).click()
    await expect.poll(() => page.getByTestId('results').innerText()).toContain('Đã đính kèm 1 tệp kết quả.')
    await expect.poll(() => page.getByTestId('attachments').innerText()).toContain('giay-khai-sinh.pdf')
    expect((await deskDossier('tiepnhan.06649', code)).attachments.map((a) => a.kind)).toContain('result')
    await press('r')
    await dialog().waitFor()
    await dialog().getByLabel('Tại Bộ phận Một cửa').check()
    expect(await dialog().getByTestId('counter-reminder').innerText()).toContain('công dân ký nhận')
    await dialogShot('dossier-dialog-return')
    const signed = await slipBehind(dialog().getByTestId('counter-reminder').getByRole('link'))
    expect(signed).toContain(code)
    await confirmAndWait('Đã trả kết quả')
    expect(await actions()).toEqual([])
    expect(await page.getByTestId('actions').innerText()).toContain('Bạn không có thao tác nào')
    // the result as stored is a PDF
    const resultLink = page.getByTestId('attachments').getByRole('link').last()
    const result = await page.request.get(`${served.url}${await resultLink.getAttribute('href')}`)
    expect(result.headers()['content-type']).toBe('application/pdf')
    expect((await result.body()).subarray(0, 5).toString()).toBe('%PDF-')
    expect(await timeline()).toMatch(/Trả Giấy khai sinh[\s\S]*Đã xử lý xong → Đã trả kết quả/)
    expect(browser.errors).toEqual([])
  })

  it('refuses a dossier at reception with the reason, and offers the refusal slip', async () => {
    const { page } = browser
    served.setNow('2026-12-01T09:00:00')
    const { code } = await submit(birth)
    await open('tiepnhan.06649', code)
    await page.getByRole('button', { name: /^Từ chối tiếp nhận/ }).click()
    await dialog().waitFor()
    await confirm()
    await expect.poll(() => dialog().innerText()).toContain('Vui lòng nhập Lý do.')
    await dialog().getByLabel('Lý do').fill('Hồ sơ không thuộc thẩm quyền giải quyết của Phường Hà Khánh.')
    await confirmAndWait('Không được tiếp nhận')
    const link = page.getByTestId('outcome').getByRole('link', { name: 'In Phiếu từ chối tiếp nhận' })
    const slip = await slipBehind(link)
    expect(slip).toContain('Hồ sơ không thuộc thẩm quyền giải quyết của Phường Hà Khánh.')
    expect(await page.getByTestId('slips').innerText()).toContain('Phiếu từ chối tiếp nhận')
    // p: the slip of the action just taken, in a tab of its own
    const [printed] = await Promise.all([browser.context.waitForEvent('page'), press('p')])
    await printed.waitForLoadState()
    expect(printed.url()).toMatch(new RegExp(`/api/desk/dossiers/${code}/slips/refusal$`))
    await printed.close()
  })

  it('gives a dossier running late an apology with a new date, and shows the new deadline', async () => {
    const { page } = browser
    served.setNow('2026-12-01T09:30:00')
    const { code } = await submit(allowance)
    await act('tiepnhan.06649', code, 'receive')
    const { dueAt } = (await deskDossier('tiepnhan.06649', code)) as unknown as { dueAt: string }
    const due = new Date(dueAt)
    // three days before the deadline: still time to apologise (no later than the working day before it)
    served.setNow(new Date(due.getTime() - 3 * 86_400_000))
    await open('chuyenvien.06649', code)
    await page.getByRole('button', { name: /^Xin lỗi, hẹn lại/ }).click()
    await dialog().waitFor()
    const later = new Date(due.getTime() + 7 * 86_400_000)
    const local = new Date(later.getTime() + 7 * 3_600_000).toISOString().slice(0, 11)
    await dialog().getByLabel('Ngày, giờ hẹn trả mới').fill(`${local}10:00`)
    await dialog().getByLabel('Lý do').fill('Cần xác minh thêm thông tin về hoàn cảnh của người đề nghị.')
    await dialogShot('dossier-dialog-apology')
    await confirmAndWait('Được tiếp nhận')
    const [y, m, d] = local.slice(0, 10).split('-')
    await expect.poll(() => page.getByTestId('deadline').innerText()).toContain(`10:00 ${d}/${m}/${y}`)
    expect(await page.getByTestId('outcome').getByRole('link').innerText()).toContain('Văn bản xin lỗi')
    // past the first deadline, the dossier is not late: the new one counts
    served.setNow(new Date(due.getTime() + 86_400_000))
    await page.reload()
    await expect.poll(() => page.getByTestId('deadline').innerText()).toMatch(/còn \d/)
    expect(await timeline()).toContain(`Hẹn lại: 10:00 ${d}/${m}/${y}`)
  })

  it('lets the district’s officers take their liên thông steps, and the ward’s only read them', async () => {
    served.setNow('2026-12-02T08:00:00')
    const { code } = await submit(allowance)
    await act('tiepnhan.06649', code, 'receive')
    await act('chuyenvien.06649', code, 'forward')
    await act('lanhdao.06649', code, 'forward')

    await open('chuyenvien.193', code)
    expect(await head()).toContain('Thành phố Hạ Long')
    expect(await timeline()).toContain('Chuyển hồ sơ đến Thành phố Hạ Long')
    expect(await actions()).toContainEqual(expect.stringContaining('Trình Chủ tịch Ủy ban nhân dân huyện quyết định'))
    await press('c')
    await dialog().waitFor()
    await confirmAndWait('Đang xử lý')
    await expect.poll(head).toContain('Chủ tịch Ủy ban nhân dân huyện quyết định')

    await open('lanhdao.193', code)
    await press('d')
    await dialog().waitFor()
    await confirmAndWait('Đã xử lý xong')
    // back at the ward's counter: the district reads the dossier but has nothing left to do
    expect(await actions()).toEqual([])
    expect(await head()).toContain('Phường Hà Khánh')
    expect(await timeline()).toContain('Chuyển trả hồ sơ về Phường Hà Khánh')
  })

  it('explains that another officer acted meanwhile, and shows the dossier as it now stands', async () => {
    const { page } = browser
    served.setNow('2026-12-03T08:00:00')
    const { code } = await submit(birth)
    await open('tiepnhan.06649', code)
    expect(await actions()).toContainEqual(expect.stringContaining('Tiếp nhận hồ sơ'))
    // the leader stops it while the receiving officer still has the page open
    await act('lanhdao.06649', code, 'stop', { reason: 'Người yêu cầu đề nghị dừng để bổ sung giấy tờ khác.' })
    await press('t')
    await dialog().waitFor()
    await confirm()
    await expect
      .poll(() => page.getByTestId('stale').innerText())
      .toContain('Hồ sơ vừa được người khác cập nhật trong lúc bạn đang xem')
    await expect.poll(head).toContain('Dừng xử lý')
    expect(await actions()).toEqual([])
    expect(await timeline()).toContain('Người yêu cầu đề nghị dừng để bổ sung giấy tờ khác.')
  })

  it('prepares the result document from its data, and asks the officer’s inputs an action defines', async () => {
    const { page } = browser
    served.setNow('2026-12-03T10:00:00')
    const { code } = await submit(marital)
    await act('tiepnhan.06649', code, 'receive')
    await open('chuyenvien.06649', code)
    const results = page.getByTestId('results')
    expect(await results.innerText()).toContain('Thông tin kết quả')
    expect(await results.getByLabel(/^Số Giấy xác nhận/).count()).toBe(1)
    // the data entered (over the API here), the document generated in the page
    const { version } = await deskDossier('chuyenvien.06649', code)
    const { as } = officersOf(() => served.url, TEST_PASSWORD)
    const entered = await as('chuyenvien.06649', `/api/desk/dossiers/${code}/result-data`, {
      method: 'PUT',
      body: {
        expectedVersion: version,
        data: {
          so: '125/UBND-XN',
          ngay_cap: '2026-12-03',
          noi_cu_tru_xac_nhan: 'Tổ 5, khu 3, phường Hà Khánh',
          tu_ngay: '2010-01-01',
          den_ngay: '2026-12-03',
          tinh_trang_hon_nhan: 'Chưa đăng ký kết hôn với ai',
          muc_dich_su_dung: 'Làm thủ tục đăng ký kết hôn',
          nguoi_ky: 'Nguyễn Văn Bình',
          chuc_vu_nguoi_ky: 'Phó Chủ tịch',
        },
      },
    })
    expect(entered.status, await entered.clone().text()).toBe(200)
    await page.reload()
    await results.getByRole('button', { name: 'Lập văn bản kết quả (PDF)' }).click()
    await expect.poll(() => results.innerText()).toContain('Đã lập văn bản kết quả')
    await expect.poll(() => page.getByTestId('attachments').innerText()).toContain('Kết quả')
    const generated = page.getByTestId('attachments').getByRole('link').last()
    const pdf = await page.request.get(`${served.url}${await generated.getAttribute('href')}`)
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-')

    await page.getByRole('button', { name: /^Người yêu cầu không chứng minh được/ }).click()
    await dialog().waitFor()
    expect(await dialog().innerText()).toContain('Thông tin cán bộ cần nhập')
    await confirm()
    await expect.poll(() => dialog().locator('.problems, .mc-error-summary, [role=alert]').count()).toBeGreaterThan(0)
    await dialog()
      .getByLabel(/^Nơi được đề nghị xác minh/)
      .fill('UBND phường Bạch Đằng, thành phố Hạ Long')
    // the case chosen by its name
    await dialog()
      .getByLabel(/^Trường hợp giải quyết/)
      .selectOption({ label: marital.definition.cases![0]!.name })
    await dialog().getByLabel('Lý do').fill('Người yêu cầu đã thường trú nhiều nơi.')
    await dialogShot('dossier-dialog-inputs')
    await confirm()
    await expect.poll(() => page.getByTestId('outcome').innerText()).toContain('Đã thực hiện')
    await expect.poll(() => page.locator('#dossier-decisions + dl').innerText()).toContain('UBND phường Bạch Đằng')
  }, 90_000)

  it('fits a tablet held upright, the actions above the dossier', async () => {
    served.setNow('2026-12-03T09:00:00')
    const { code } = await submit(birth)
    const tablet = await launchTablet()
    try {
      tablet.page.setDefaultTimeout(15_000)
      await signInToDesk(tablet.page, served.url, 'tiepnhan.06649', served.password)
      await tablet.page.goto(`${served.url}/desk/ho-so/${code}`)
      await tablet.page.getByTestId('dossier-head').waitFor()
      const [actionsBox, formBox] = await Promise.all([
        tablet.page.getByTestId('actions').boundingBox(),
        tablet.page.locator('#dossier-form').boundingBox(),
      ])
      expect(actionsBox!.y).toBeLessThan(formBox!.y)
      await deskShot(tablet.page, 'dossier-tablet')
      expect(tablet.errors).toEqual([])
    } finally {
      await tablet.close()
    }
  })
})

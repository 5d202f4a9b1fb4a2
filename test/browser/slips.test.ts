import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumAvailable, launchPhone, type Phone } from '../support/browser'
import { type RuntimeProcess, repoRoot, startRuntimeProcess, stopRuntimeProcess } from '../support/runtime-process'

// A receipt (Mẫu 01) and the unit's register under their strict Content-Security-Policy, in Chromium: styled, with
// the receipt's QR code, and printable.
describe.runIf(chromiumAvailable())('printable slips in the browser', () => {
  let runtime: RuntimeProcess
  let phone: Phone
  let dataDir: string
  let slipUrl: string
  let registerUrl: string
  let receiptCode: string
  let token: string

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'motcua-slips-'))
    runtime = await startRuntimeProcess({ ...process.env, DATABASE_URL: '', DATA_DIR: dataDir })
    const api = (path: string, init: RequestInit = {}) => fetch(`${runtime.url}${path}`, init)
    const form = new FormData()
    form.set(
      'dossier',
      JSON.stringify({
        procedureCode: '1.001193',
        unitCode: '06649',
        applicant: { fullName: 'Đặng Thị Thu' },
        formData: JSON.parse(readFileSync(join(repoRoot, 'procedures/dang-ky-khai-sinh/sample.json'), 'utf8')),
        declaration: true,
      }),
    )
    form.append('attachments.giay_chung_sinh', new File(['%PDF-1.4\n%%EOF\n'], 'giay.pdf'))
    ;({ receiptCode } = (await (await api('/api/dossiers', { method: 'POST', body: form })).json()) as {
      receiptCode: string
    })
    const login = await api('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'tiepnhan.06649', password: 'motcua-demo' }),
    })
    ;({ token } = (await login.json()) as { token: string })
    const auth = { authorization: `Bearer ${token}` }
    const { version } = (await (await api(`/api/desk/dossiers/${receiptCode}`, { headers: auth })).json()) as {
      version: number
    }
    const received = await api(`/api/desk/dossiers/${receiptCode}/actions/tiep_nhan`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ expectedVersion: version }),
    })
    expect(received.status).toBe(200)
    slipUrl = `${runtime.url}/api/desk/dossiers/${receiptCode}/slips/01`
    registerUrl = `${runtime.url}/api/desk/units/06649/register`
    phone = await launchPhone()
  }, 120_000)

  afterAll(async () => {
    await phone?.close()
    if (runtime) await stopRuntimeProcess(runtime)
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('renders styled, with its QR code, prints to A4, and the policy blocks nothing it needs', async () => {
    const { page, context, errors } = phone
    await context.setExtraHTTPHeaders({ authorization: `Bearer ${token}` })
    const response = await page.goto(slipUrl)
    expect(response!.status()).toBe(200)
    expect(response!.headers()['content-security-policy']).toContain("default-src 'none'")
    const looks = await page.evaluate(() => ({
      font: getComputedStyle(document.body).fontFamily,
      qrWidth: document.querySelector('.track .qr svg')!.getBoundingClientRect().width,
      firstColumn: getComputedStyle(document.querySelector('col[style]')!).width,
    }))
    expect(looks.font).toMatch(/Times New Roman/)
    expect(looks.qrWidth).toBeGreaterThan(90) // 26 mm
    expect(looks.firstColumn).not.toBe('auto')
    const printed = await page.pdf({ format: 'A4', printBackground: true })
    expect(printed.subarray(0, 5).toString()).toBe('%PDF-')
    expect(errors).toEqual([])
  })

  it('renders the register as a landscape table with the dossier on the line its receipt names', async () => {
    const { page, context, errors } = phone
    await context.setExtraHTTPHeaders({ authorization: `Bearer ${token}` })
    await page.goto(slipUrl)
    const line = /Số thứ tự: (\d+)/.exec(await page.locator('body').innerText())?.[1]
    expect(line).toBeDefined()
    const response = await page.goto(registerUrl)
    expect(response!.status()).toBe(200)
    expect(response!.headers()['content-security-policy']).toContain("default-src 'none'")
    const table = await page.evaluate((code) => {
      const row = [...document.querySelectorAll('table.register tbody tr')].find((r) => r.textContent!.includes(code))
      return {
        font: getComputedStyle(document.body).fontFamily,
        columns: document.querySelectorAll('table.register thead tr:last-child th').length,
        line: row?.querySelector('td')?.textContent,
        border: row ? getComputedStyle(row.querySelector('td')!).borderTopStyle : null,
      }
    }, receiptCode)
    expect(table).toEqual({ font: expect.stringMatching(/Times New Roman/), columns: 14, line, border: 'solid' })
    const printed = await page.pdf({ printBackground: true, preferCSSPageSize: true })
    expect(printed.subarray(0, 5).toString()).toBe('%PDF-')
    expect(Buffer.from(printed).toString('latin1')).toMatch(/\/MediaBox \[0 0 84\d(\.\d+)? 59\d(\.\d+)?\]/) // A4 landscape
    expect(errors).toEqual([])
  })

  it('may not be framed by another page', async () => {
    const { page } = phone
    // a page of the same server without a policy of its own, so that only the slip's own policy can refuse
    await page.goto(`${runtime.url}/healthz`)
    await page.setContent(`<iframe src="${slipUrl}"></iframe>`)
    const frame = page.frames().find((f) => f !== page.mainFrame())!
    const shown = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '')
    expect(shown).not.toMatch(/TIẾP NHẬN HỒ SƠ/i)
    // the same slip opened on its own does show it
    await page.goto(slipUrl)
    expect(await page.locator('body').innerText()).toMatch(/TIẾP NHẬN HỒ SƠ/i)
  })
})

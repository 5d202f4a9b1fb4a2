import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { libraryProcedure } from '../../runtime/src/testing'
import { axeViolations, chromiumAvailable, launchPhone, type Phone } from '../support/browser'
import { repoRoot } from '../support/runtime-process'
import { type ServedRuntime, serveRuntime } from '../support/served-runtime'

// A citizen files a birth registration on a 360 px phone under the portal's real CSP, which allows no eval: the form
// checks every step with the validators the server precompiled, and nothing is refused by the policy.
const shots = join(repoRoot, 'test-artifacts', 'screenshots')
const birth = libraryProcedure('dang-ky-khai-sinh')
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')

const next = (page: Page) => page.getByRole('button', { name: 'Tiếp tục' }).click()
const stepLabel = (page: Page) => page.locator('.progress__label').innerText()

describe.runIf(chromiumAvailable())('the portal’s forms under a CSP without unsafe-eval', () => {
  let served: ServedRuntime
  let phone: Phone
  let page: Page
  const modules: string[] = []

  const violations = () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)
  const axe = async () => {
    const found = await axeViolations(page)
    expect(found, page.url()).toEqual([])
  }

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true })
    served = await serveRuntime('2026-12-01T08:00:00')
    phone = await launchPhone()
    page = phone.page
    page.setDefaultTimeout(20_000)
    await page.addInitScript(() => {
      const seen: string[] = []
      ;(window as unknown as { cspViolations: string[] }).cspViolations = seen
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`))
    })
    page.on('response', (r) => {
      if (r.url().endsWith('/validator.js')) modules.push(`${r.status()} ${new URL(r.url()).pathname}`)
    })
  }, 120_000)

  afterAll(async () => {
    await phone?.close()
    await served?.close()
  })

  it('is served with a policy that allows only its own scripts, and the browser enforces it', async () => {
    const response = await page.goto(`${served.url}/thu-tuc/${birth.definition.code}/nop-ho-so?don-vi=06649`)
    const csp = response!.headers()['content-security-policy']!
    expect(csp).toContain("script-src 'self';")
    expect(csp).not.toContain('unsafe-eval')
    await page.locator('.progress__label').waitFor()
    expect(modules).toEqual([`200 /api/procedures/${birth.definition.code}/versions/1/validator.js`])
  })

  it('shows Vietnamese errors beside the fields, checked by the precompiled validators', async () => {
    await next(page)
    const nameError = page.locator('#root_nguoi_yeu_cau_ho_ten__error')
    await expect.poll(() => nameError.innerText()).toContain('Vui lòng nhập thông tin bắt buộc này')
    await page.fill('#root_nguoi_yeu_cau_ho_ten', 'Nguyễn Văn Hùng')
    await page.fill('#root_nguoi_yeu_cau_so_dinh_danh', '12345')
    await next(page)
    // a Vietnamese format (a function the module is given), with its own message
    const idError = page.locator('#root_nguoi_yeu_cau_so_dinh_danh__error')
    await expect.poll(() => idError.innerText()).toContain('Số căn cước gồm 12 chữ số')
    await expect.poll(() => nameError.count()).toBe(0)
    await expect.poll(() => page.locator('.mc-error-summary').innerText()).toMatch(/Vui lòng sửa \d+ thông tin/)
    await idError.scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(shots, 'csp-01-form-errors.png') })
    await axe()
    expect(await violations()).toEqual([])
  })

  it('files the dossier from a full draft, step by step, with no policy violation on the way', async () => {
    await page.goto(`${served.url}/`) // away from the form, so nothing saves over the draft set here
    await page.evaluate(
      ([code, data]) =>
        localStorage.setItem(
          `motcua.draft.${code}`,
          JSON.stringify({ procedureCode: code, formData: data, unitCode: '06649', savedAt: new Date().toISOString() }),
        ),
      [birth.definition.code, birth.sample] as const,
    )
    await page.goto(`${served.url}/thu-tuc/${birth.definition.code}/nop-ho-so?don-vi=06649`)
    await page.locator('.progress__label').waitFor()
    const total = Number(/\/(\d+)/.exec(await stepLabel(page))![1])
    for (let step = 2; step < total; step++) {
      await next(page)
      await expect
        .poll(() => stepLabel(page), { message: `step ${step}` })
        .toContain(`Bước ${step}/${total}`)
        .catch(async (error: unknown) => {
          await page.screenshot({ path: join(shots, 'csp-failed-step.png'), fullPage: true })
          throw error
        })
    }
    for (const input of await page.locator('input[type=file][id^="file-"]').all())
      await input.setInputFiles({ name: 'giay-to.pdf', mimeType: 'application/pdf', buffer: PDF })
    await next(page)
    await expect.poll(() => stepLabel(page)).toContain(`Bước ${total}/${total}`)
    await page.check('#declaration') // the lời cam đoan
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click()
    await page.getByTestId('receipt-code').waitFor()
    await page.screenshot({ path: join(shots, 'csp-02-receipt.png') })
    expect(await violations()).toEqual([])
    expect(phone.errors).toEqual([])
  })

  it('would have refused eval: the policy is in force in the page', async () => {
    // a script of the page's own origin that tries eval, as ajv's compile did (the test's own `evaluate` is exempt)
    await page.route('**/assets/eval-probe.js', (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        body: "try { window.evalProbe = String(eval('1 + 1')) } catch (error) { window.evalProbe = error.name }",
      }),
    )
    await page.evaluate(() => {
      const script = document.createElement('script')
      script.src = '/assets/eval-probe.js'
      document.head.append(script)
    })
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { evalProbe?: string }).evalProbe))
      .toBe('EvalError')
    await expect.poll(violations).toEqual([expect.stringMatching(/^script-src/)])
  })
})

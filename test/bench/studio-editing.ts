/**
 * Editing the library's largest procedure in the studio, in Debian's Chromium: a field's label typed one key at a
 * time in the form builder, and for each keystroke the work the editor records on the performance timeline —
 * core's validation of the whole definition (in its worker, `editor:validate:worker`), the time until its problems
 * are back on the page (`editor:validate`), and the preview's re-render with the portal's forms (`editor:preview`).
 * The baseline, in the same browser and run: the same keys typed into a bare `<input>`, input → next frame.
 * A figure for the report, never an assertion (issue #12 aims: validation and preview each under 50 ms median).
 */
import { existsSync } from 'node:fs'
import { CHROMIUM, launchDesktop } from '../support/browser'
import { draftOfProcedure, signInToStudio } from '../support/studio'

export interface Timing {
  medianMs: number
  p95Ms: number
  count: number
}

export interface StudioEditing {
  procedure: string
  keystrokes: number
  validateWorker: Timing
  validateToPage: Timing
  preview: Timing
  /** Input → next frame while typing the label, against the bare input's. */
  keystroke: Timing
  bareKeystroke: Timing
}

const PROCEDURE = 'QN-LLTP-01' // cap-phieu-ly-lich-tu-phap, the largest procedure.json of the library
const TEXT = ' của người được cấp Phiếu'

const timing = (values: number[]): Timing => {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN
  return { medianMs: at(0.5), p95Ms: at(0.95), count: values.length }
}

/** Records input → next frame for every `input` event of the page, in `window.latencies`. */
const recordLatencies = () => {
  const w = window as unknown as { latencies: number[] }
  w.latencies = []
  document.addEventListener(
    'input',
    (event) => {
      const start = event.timeStamp
      requestAnimationFrame(() => setTimeout(() => w.latencies.push(performance.now() - start), 0))
    },
    true,
  )
}

/** Signs the administrator in, opens a draft of the largest procedure and types; undefined without Chromium. */
export async function measureStudioEditing(
  url: string,
  admin: { username: string; password: string },
): Promise<StudioEditing | undefined> {
  if (!existsSync(CHROMIUM)) return undefined
  const browser = await launchDesktop()
  try {
    const { page } = browser
    page.setDefaultTimeout(60_000)

    // the baseline: a bare input on a blank page of the same origin
    await page.goto(`${url}/robots.txt`)
    await page.setContent('<input id="bare">')
    await page.evaluate(recordLatencies)
    await page.locator('#bare').pressSequentially(TEXT, { delay: 80 })
    await page.waitForTimeout(300)
    const bare = await page.evaluate(() => (window as unknown as { latencies: number[] }).latencies)

    await signInToStudio(page, url, admin.username, admin.password)
    const id = await draftOfProcedure(page, PROCEDURE)
    await page.goto(`${url}/studio/nhap/${id}?tab=bieu-mau`)
    await page.getByText('Bản nháp hợp lệ, có thể ban hành.').waitFor()
    // the first field of the form, opened for editing; its label is what the administrator types into
    await page.getByRole('button', { name: /^Sửa / }).first().click()
    const label = page.getByLabel('Nhãn', { exact: true }).first()
    await label.click()
    await label.press('End')
    await page.evaluate(() => {
      performance.clearMeasures()
    })
    await page.evaluate(recordLatencies)
    await label.pressSequentially(TEXT, { delay: 80 })
    await page.getByText('Bản nháp hợp lệ, có thể ban hành.').waitFor()
    await page.waitForTimeout(500)
    // (no helper function inside: the bench runs under tsx, whose keepNames would reach the page as `__name`)
    const measured = await page.evaluate(() => ({
      worker: performance.getEntriesByName('editor:validate:worker').map((e) => e.duration),
      toPage: performance.getEntriesByName('editor:validate').map((e) => e.duration),
      preview: performance.getEntriesByName('editor:preview').map((e) => e.duration),
      latencies: (window as unknown as { latencies: number[] }).latencies,
    }))
    return {
      procedure: PROCEDURE,
      keystrokes: TEXT.length,
      validateWorker: timing(measured.worker),
      validateToPage: timing(measured.toPage),
      preview: timing(measured.preview),
      keystroke: timing(measured.latencies),
      bareKeystroke: timing(bare),
    }
  } finally {
    await browser.close()
  }
}

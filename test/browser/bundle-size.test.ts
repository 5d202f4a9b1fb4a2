import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '../support/runtime-process'

interface SizeReport {
  initialJsGzip: number
  budgetGzip: number
  lazy: { name: string; gzip: number }[]
}
const sizes = (app: 'web' | 'studio' | 'desk'): SizeReport =>
  JSON.parse(
    execFileSync(process.execPath, [join(repoRoot, 'runtime', 'scripts', 'web-size.mjs'), '--app', app, '--json'], {
      encoding: 'utf8',
    }),
  ) as SizeReport

// The global setup built the portal and the studio; `npm run size -w @motcua/runtime [-- --app studio]` prints the
// same reports.
describe('the web bundles', () => {
  it('keeps the home page light: its initial JavaScript is at most 250 KB gzip, and the form loads lazily', () => {
    const report = sizes('web')
    console.log(
      `portal initial JS ${(report.initialJsGzip / 1024).toFixed(1)} KB gzip; lazy: ${report.lazy.map((c) => `${c.name} +${(c.gzip / 1024).toFixed(1)} KB`).join(', ')}`,
    )
    expect(report.initialJsGzip).toBeLessThanOrEqual(report.budgetGzip)
    expect(report.lazy.map((c) => c.name)).toContain('form-page')
  })

  it('keeps the form page under 250 KB gzip: its validators come precompiled from the server, without ajv', () => {
    const report = sizes('web')
    const form = report.lazy.find((c) => c.name === 'form-page')!
    // 236 KB when ajv compiled each form in the page; 200.6 KB with the server's precompiled validators
    expect(report.initialJsGzip + form.gzip).toBeLessThanOrEqual(report.budgetGzip)
  })

  it('loads the statistics dashboard lazily, and its charts later still, under 40 KB gzip together', () => {
    const report = sizes('web')
    const lazy = (name: string) => report.lazy.find((c) => c.name === name)?.gzip
    expect(lazy('statistics-page'), 'the dashboard loads lazily').toBeDefined()
    expect(lazy('chart-draw'), 'the chart library loads lazily').toBeDefined()
    expect(lazy('statistics-page')! + lazy('chart-draw')!).toBeLessThanOrEqual(40 * 1024)
  })

  it("keeps the studio under 400 KB gzip of JavaScript, even with the editor's form builder and preview loaded", () => {
    const report = sizes('studio')
    const editor = report.lazy.find((c) => c.name === 'editor-page')
    console.log(
      `studio initial JS ${(report.initialJsGzip / 1024).toFixed(1)} KB gzip; editor +${((editor?.gzip ?? 0) / 1024).toFixed(1)} KB`,
    )
    expect(editor, 'the editor loads lazily').toBeDefined()
    expect(report.initialJsGzip).toBeLessThanOrEqual(report.budgetGzip)
    expect(report.initialJsGzip + editor!.gzip).toBeLessThanOrEqual(report.budgetGzip)
  })

  it('keeps the desk under 250 KB gzip for an officer’s first queue, and with a dossier or the counter intake open', () => {
    const report = sizes('desk')
    const lazy = (name: string) => report.lazy.find((c) => c.name === name)?.gzip
    console.log(
      `desk initial JS ${(report.initialJsGzip / 1024).toFixed(1)} KB gzip; ${report.lazy.map((c) => `${c.name} +${(c.gzip / 1024).toFixed(1)} KB`).join(', ')}`,
    )
    expect(report.initialJsGzip).toBeLessThanOrEqual(report.budgetGzip)
    for (const page of ['dossier-page', 'intake-page']) {
      expect(lazy(page), `${page} loads lazily`).toBeDefined()
      expect(report.initialJsGzip + lazy(page)!, page).toBeLessThanOrEqual(report.budgetGzip)
    }
    expect(lazy('statistics-view'), 'the leader’s statistics load when opened').toBeDefined()
  })
})

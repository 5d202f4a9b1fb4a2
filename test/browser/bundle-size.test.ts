import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '../support/runtime-process'

// The global setup built the portal; `npm run size -w @motcua/runtime` prints the same report.
describe('the portal bundle', () => {
  it('keeps the home page light: its initial JavaScript is at most 250 KB gzip, and the form loads lazily', () => {
    const out = execFileSync(process.execPath, [join(repoRoot, 'runtime', 'scripts', 'web-size.mjs'), '--json'], {
      encoding: 'utf8',
    })
    const report = JSON.parse(out) as {
      initialJsGzip: number
      budgetGzip: number
      lazy: { name: string; gzip: number }[]
    }
    console.log(
      `portal initial JS ${(report.initialJsGzip / 1024).toFixed(1)} KB gzip; lazy: ${report.lazy.map((c) => `${c.name} +${(c.gzip / 1024).toFixed(1)} KB`).join(', ')}`,
    )
    expect(report.initialJsGzip).toBeLessThanOrEqual(report.budgetGzip)
    expect(report.lazy.map((c) => c.name)).toContain('form-page')
  })
})

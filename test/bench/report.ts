/** The bench's printed tables. */
import type { Measured } from './load'

export interface Scenario {
  key: string
  label: string
  /** `empty`: the seeded database with one page of the busy ward's queue; `full`: after the big fill. */
  size: 'empty' | 'full'
  results: Measured[]
}

export const fmt = (n: number | undefined, digits = 0) =>
  n === undefined || !Number.isFinite(n)
    ? '–'
    : n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })

/** A plain-text table: the first two columns left-aligned, the others right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)))
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

/** One row per scenario and server: throughput, latency, failures, memory and where the CPU went. */
export function resultsTable(scenarios: Scenario[]): string {
  return table(
    [
      'scenario',
      'server',
      'req/s',
      'p50 ms',
      'p99 ms',
      'non-2xx',
      'RSS peak MB',
      'CPU µs/req: server',
      'postgres',
      'load gen.',
      'other',
    ],
    scenarios.flatMap((s) =>
      s.results.map((r) => {
        const c = r.cpuMicrosPerRequest
        return [
          s.label,
          r.target,
          fmt(r.requestsPerSecond),
          fmt(r.p50),
          fmt(r.p99),
          fmt(r.non2xx + r.errors + r.timeouts),
          fmt(r.rssPeakMb),
          fmt(c?.server),
          fmt(c?.postgres),
          fmt(c?.loadGenerator),
          fmt(c?.otherProcesses),
        ]
      }),
    ),
  )
}

export interface Verdict {
  label: string
  ratio: number
  /** The aim (≥), or undefined when the figure is reported without one. */
  aim?: number
  note?: string
}

/** `submission: 0.71 × bare (aim ≥ 0.75: missed)` lines. */
export function verdicts(list: Verdict[]): string {
  return list
    .map(
      ({ label, ratio, aim, note }) =>
        `${label}: ${fmt(ratio, 2)}${aim === undefined ? '' : ` (aim ≥ ${aim}${ratio >= aim ? ': met' : ': missed'})`}${note ? `  ${note}` : ''}`,
    )
    .join('\n')
}

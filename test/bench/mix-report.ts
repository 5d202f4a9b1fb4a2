/** What one turn of the mixed benchmark answered, per kind of request, and the printed table. */
import { GROUPS, type Group, type Step } from './mix-workload'
import { fmt, table } from './report'

/** 2xx and 304 (a revalidated page) are answers; a 409 to an action is a race another officer won; the rest fail. */
export function outcome(group: Group, status: number): 'ok' | 'conflict' | 'failed' {
  if ((status >= 200 && status < 300) || status === 304) return 'ok'
  return group === 'deskAct' && status === 409 ? 'conflict' : 'failed'
}

/** Latencies and statuses per group, as the answers come. */
export class MixRecorder {
  readonly latencies = new Map<Group, number[]>(GROUPS.map((g) => [g, []]))
  readonly statuses = new Map<Group, Map<number, number>>(GROUPS.map((g) => [g, new Map()]))
  firstFailure: string | undefined
  record(step: Step, status: number, ms: number, body: string): void {
    this.latencies.get(step.group)!.push(ms)
    const counts = this.statuses.get(step.group)!
    counts.set(status, (counts.get(status) ?? 0) + 1)
    if (outcome(step.group, status) === 'failed')
      this.firstFailure ??= `${step.method} ${step.path}: HTTP ${status} ${body.slice(0, 1000)}`
  }
}

export interface GroupResult {
  group: Group | 'overall'
  requests: number
  requestsPerSecond: number
  p50: number
  p99: number
  /** Requests by status. */
  statuses: Record<string, number>
  conflicts: number
  failed: number
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : Number.NaN

function summary(
  group: GroupResult['group'],
  latencies: number[],
  statuses: [Group, number, number][],
  seconds: number,
) {
  const sorted = Float64Array.from(latencies).sort() as unknown as number[]
  const byStatus: Record<string, number> = {}
  let conflicts = 0
  let failed = 0
  for (const [g, status, count] of statuses) {
    byStatus[status] = (byStatus[status] ?? 0) + count
    const o = outcome(g, status)
    if (o === 'conflict') conflicts += count
    if (o === 'failed') failed += count
  }
  return {
    group,
    requests: latencies.length,
    requestsPerSecond: latencies.length / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    statuses: byStatus,
    conflicts,
    failed,
  }
}

/** One row per group and one for all of them. */
export function summarise(recorder: MixRecorder, seconds: number): { groups: GroupResult[]; overall: GroupResult } {
  const rows = (g: Group) => [...recorder.statuses.get(g)!].map(([s, n]) => [g, s, n] as [Group, number, number])
  return {
    groups: GROUPS.map((g) => summary(g, recorder.latencies.get(g)!, rows(g), seconds)),
    overall: summary(
      'overall',
      GROUPS.flatMap((g) => recorder.latencies.get(g)!),
      GROUPS.flatMap(rows),
      seconds,
    ),
  }
}

export interface Turn {
  label: string
  processes: number
  seconds: number
  groups: GroupResult[]
  overall: GroupResult
  /** Connection errors and timeouts (autocannon's), counted as failures. */
  errors: number
  timeouts: number
  /**
   * CPU seconds per second of the run (1 = one core busy): the server processes, nginx, every PostgreSQL process (the
   * server is shared), the load generator (this process), and the rest of the machine (other jobs).
   */
  cores?: { servers: number; nginx: number; postgres: number; loadGenerator: number; other: number }
  /** TCP sockets in TIME_WAIT before the warm-up and after the measured part (nginx's connections to its upstream). */
  timeWait?: { atStart: number; atEnd: number }
}

const statusText = (statuses: Record<string, number>) =>
  Object.entries(statuses)
    .filter(([s]) => !(Number(s) >= 200 && Number(s) < 300))
    .map(([s, n]) => `${s}×${fmt(n)}`)
    .join(' ')

/** The table: each turn's groups and overall line, then where the CPU went. */
export function mixTable(turns: Turn[]): string {
  const rows = turns.flatMap((t) =>
    [...t.groups, t.overall].map((r) => [
      r.group === 'overall' ? `${t.label}, overall` : `  ${r.group}`,
      String(t.processes),
      fmt(r.requestsPerSecond),
      fmt(r.p50, 1),
      fmt(r.p99, 1),
      fmt(r.requests),
      `${statusText(r.statuses)}${r.group === 'overall' && t.errors + t.timeouts ? ` errors×${t.errors} timeouts×${t.timeouts}` : ''}`,
    ]),
  )
  const cpu = turns
    .filter((t) => t.cores)
    .map(
      (t) =>
        `${t.label} at ${t.processes}: cores busy: server${t.processes > 1 ? 's' : ''} ${fmt(t.cores!.servers, 2)}, ` +
        `nginx ${fmt(t.cores!.nginx, 2)}, postgres ${fmt(t.cores!.postgres, 2)}, load generator ` +
        `${fmt(t.cores!.loadGenerator, 2)} (${fmt((t.cores!.loadGenerator * 1e6) / t.overall.requestsPerSecond)} µs a ` +
        `request), other processes ${fmt(t.cores!.other, 2)}` +
        (t.timeWait ? `; TIME_WAIT sockets ${fmt(t.timeWait.atStart)} → ${fmt(t.timeWait.atEnd)}` : ''),
    )
  return `${table(['scenario', 'proc.', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'not 2xx (status×count)'], rows)}\n\n${cpu.join('\n')}`
}

/** More failures than this share of a turn's requests (not counting 409s to actions) fails the run. */
export const MAX_FAILED_SHARE = 0.01

/** Why the run must exit 1: a turn with more than 1 % failures, or whose actions mostly lost a race (409). */
export function problemsOf(turns: Turn[]): string[] {
  const problems: string[] = []
  for (const t of turns) {
    const failed = t.overall.failed + t.errors + t.timeouts
    if (failed > MAX_FAILED_SHARE * t.overall.requests)
      problems.push(
        `${t.label} at ${t.processes}: ${fmt(failed)} of ${fmt(t.overall.requests)} requests failed (more than ${MAX_FAILED_SHARE * 100} %)`,
      )
    const acts = t.groups.find((g) => g.group === 'deskAct')
    if (acts && acts.conflicts > acts.requests / 2)
      problems.push(`${t.label} at ${t.processes}: ${acts.conflicts} of ${acts.requests} actions answered 409`)
  }
  return problems
}

/**
 * One turn of load against one server (autocannon, inside the bench process) and what it cost: requests/s, latency,
 * CPU time per request of the server, of PostgreSQL, of the load generator and of everything else on the machine
 * (Linux /proc; omitted elsewhere), and the server's peak resident memory during the turn.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import autocannon from 'autocannon'
import postgres from 'postgres'

export interface Target {
  name: 'motcua' | 'bare'
  url: string
  pid: number
  /** A uniform sample of the receipt codes its submissions returned (reservoir), for the tracking turns. */
  codes: string[]
  codesSeen: number
  firstError?: string
}

/** What one turn sends: autocannon requests, and what to do with each 2xx body (e.g. keep receipt codes). */
export interface Workload {
  requests: autocannon.Request[]
  onBody?: (body: string) => void
}

export interface Measured {
  scenario: string
  target: Target['name']
  requestsPerSecond: number
  p50: number
  p99: number
  requests: number
  non2xx: number
  errors: number
  timeouts: number
  seconds: number
  /** CPU time per request (µs) of the server process, of every PostgreSQL process, of this process (the load generator) and of the rest. */
  cpuMicrosPerRequest?: { server: number; postgres: number; loadGenerator: number; otherProcesses: number }
  /** The server process's peak resident memory during the turn (MB). */
  rssPeakMb?: number
}

const USER_HZ = 100
/** CPU seconds a process has used (user + system), or undefined when /proc cannot tell. */
export function cpuSecondsOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / USER_HZ
  } catch {
    return undefined
  }
}
/** CPU seconds used by a process and its children now alive (nginx's master and its workers). */
export function processTreeCpuSeconds(pid: number): number | undefined {
  const own = cpuSecondsOf(pid)
  if (own === undefined) return undefined
  let total = own
  for (const child of readdirSync('/proc')) {
    if (!/^\d+$/.test(child)) continue
    try {
      const stat = readFileSync(`/proc/${child}/stat`, 'utf8')
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) total += cpuSecondsOf(Number(child)) ?? 0
    } catch {
      // gone meanwhile
    }
  }
  return total
}
/** CPU seconds used by every process named `postgres` (backends, WAL writer, checkpointer: the server is shared, so other load shows here too). */
export function postgresCpuSeconds(): number | undefined {
  try {
    let total = 0
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue
      try {
        if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') total += cpuSecondsOf(Number(pid)) ?? 0
      } catch {
        // gone meanwhile
      }
    }
    return total
  } catch {
    return undefined
  }
}
/** CPU seconds the whole machine has been busy (all cores), from /proc/stat. */
export function machineBusySeconds(): number | undefined {
  try {
    const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number)
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = ticks
    return (user + nice + system + irq + softirq + steal) / USER_HZ
  } catch {
    return undefined
  }
}
function cpuSnapshot(serverPid: number) {
  const own = process.cpuUsage()
  return {
    server: cpuSecondsOf(serverPid),
    postgres: postgresCpuSeconds(),
    loadGenerator: (own.user + own.system) / 1e6,
    machine: machineBusySeconds(),
  }
}

/** Starts a new peak-memory window for a process (Linux: `5` into clear_refs resets VmHWM to the current RSS). */
function resetRssPeak(pid: number): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5')
  } catch {
    // not Linux, or not allowed: the peak then covers the process's whole life
  }
}
function rssPeakMb(pid: number): number | undefined {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
    return kb ? Number(kb) / 1024 : undefined
  } catch {
    return undefined
  }
}

let running: autocannon.Instance | undefined
/** Stops the turn under way (Ctrl-C). */
export const stopLoad = () => running?.stop()

/** One turn of `seconds` against `target` with `connections` connections. */
export async function load(
  target: Target,
  scenario: string,
  workload: Workload,
  options: { seconds: number; connections: number },
): Promise<Measured> {
  const requests = workload.requests.map((request) => ({
    ...request,
    onResponse: (status: number, body: string) => {
      if (status < 200 || status >= 300) target.firstError ??= `${scenario}: HTTP ${status} ${body}`
      else workload.onBody?.(body)
    },
  }))
  const { hostname } = new URL(target.url)
  if (hostname !== '127.0.0.1')
    throw new Error(`refusing to load ${target.url}: the benchmark runs against 127.0.0.1 only`)
  resetRssPeak(target.pid)
  const before = cpuSnapshot(target.pid)
  const instance = autocannon({
    url: target.url,
    connections: options.connections,
    duration: options.seconds,
    requests,
  }) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>
  running = instance
  const result = await instance
  running = undefined
  const after = cpuSnapshot(target.pid)
  const perRequest = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined ? Number.NaN : ((b - a) * 1e6) / Math.max(1, result.requests.total)
  const cpu = {
    server: perRequest(before.server, after.server),
    postgres: perRequest(before.postgres, after.postgres),
    loadGenerator: perRequest(before.loadGenerator, after.loadGenerator),
    otherProcesses: 0,
  }
  // whatever else kept the machine busy meanwhile (other jobs on a shared machine): a large figure means a noisy run
  cpu.otherProcesses = Math.max(
    0,
    perRequest(before.machine, after.machine) - cpu.server - cpu.postgres - cpu.loadGenerator,
  )
  const rss = rssPeakMb(target.pid)
  return {
    scenario,
    target: target.name,
    requestsPerSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    seconds: result.duration,
    ...(Object.values(cpu).every(Number.isFinite) ? { cpuMicrosPerRequest: cpu } : {}),
    ...(rss === undefined ? {} : { rssPeakMb: rss }),
  }
}

/** A checkpoint before each turn, so no turn pays for another's dirty pages (needs a superuser; skipped otherwise). */
export async function checkpoint(serverUrl: string): Promise<void> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
  try {
    await admin`checkpoint`
  } catch {
    // not a superuser: the turns then share the checkpoint schedule by chance
  } finally {
    await admin.end()
  }
}

/** Keeps a uniform sample of `size` receipt codes out of every 2xx body seen (reservoir sampling). */
export function collectCodes(target: Target, size: number): (body: string) => void {
  return (body) => {
    const seen = ++target.codesSeen
    const slot = target.codes.length < size ? target.codes.length : Math.floor(Math.random() * seen)
    if (slot >= size) return
    const code = /"receiptCode":"([^"]+)"/.exec(body)?.[1]
    if (code) target.codes[slot] = code
  }
}

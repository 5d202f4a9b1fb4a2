/** What `npm run serve` is told: how many processes, on which ports, and how it restarts them. */
export interface ServeOptions {
  workers: number
  /** The first process listens here, the next on `port + 1`, and so on (one nginx `upstream` line each). */
  port: number
  /** Where the processes listen (HOST); `/readyz` is asked there. */
  host: string
  /** After a restarted process is ready, how long before the next is stopped (ROLLING_PAUSE_MS). */
  rollingPauseMs: number
  /** How long a process told to stop may take before it is killed: its drain (DRAIN_TIMEOUT_MS) and 30 s more. */
  killAfterMs: number
}

/** The most processes one supervisor starts: more than the cores of any one machine it is meant for. */
export const MAX_WORKERS = 64

/**
 * Reads `--workers N` (or `--workers=N`) from the arguments, else WORKERS, else 1; and PORT, HOST, ROLLING_PAUSE_MS.
 * Anything else is refused with a message saying what is expected, and so are several processes on PGlite.
 * @example serveOptions(['--workers', '2'], process.env) // { workers: 2, port: 3000, … }
 */
export function serveOptions(args: string[], env: Record<string, string | undefined>): ServeOptions {
  let fromArgs: string | undefined
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (arg === '--workers') {
      fromArgs = args[i + 1]
      if (fromArgs === undefined) throw new Error('--workers needs a number: --workers 2')
      i++
    } else if (arg.startsWith('--workers=')) fromArgs = arg.slice('--workers='.length)
    else throw new Error(`unknown argument "${arg}": the only one is --workers N`)
  }
  const whole = (name: string, raw: string | undefined, min: number, max: number, fallback: number): number => {
    if (raw === undefined || raw === '') return fallback
    const value = Number(raw)
    if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max)
      throw new Error(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`)
    return value
  }
  const workers = whole(fromArgs === undefined ? 'WORKERS' : '--workers', fromArgs ?? env.WORKERS, 1, MAX_WORKERS, 1)
  if (workers > 1 && !env.DATABASE_URL)
    throw new Error(
      `${workers} processes need PostgreSQL (DATABASE_URL): the embedded database (DATA_DIR) is for one process only`,
    )
  // PORT=0 (a free port, whichever) only for one process: several need ports nginx can be told
  const port = whole('PORT', env.PORT, workers === 1 ? 0 : 1, 65535 - (workers - 1), 3000)
  return {
    workers,
    port,
    host: env.HOST || '127.0.0.1',
    rollingPauseMs: whole('ROLLING_PAUSE_MS', env.ROLLING_PAUSE_MS, 0, 600_000, 4000),
    killAfterMs: whole('DRAIN_TIMEOUT_MS', env.DRAIN_TIMEOUT_MS, 0, 3_600_000, 30_000) + 30_000,
  }
}

/** How long to wait before starting again a process that died `failures` times in a row: 1 s, 2 s, 4 s … 30 s. */
export const restartDelayMs = (failures: number): number => Math.min(30_000, 1000 * 2 ** Math.max(0, failures - 1))

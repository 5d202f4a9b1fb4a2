import { type ChildProcess, spawn } from 'node:child_process'
import { setTimeout as sleep } from 'node:timers/promises'
import { log } from '../log'
import { restartDelayMs, type ServeOptions } from './options'

/** A process that ran this long before dying is restarted at once, not after a longer wait. */
const HEALTHY_RUN_MS = 60_000
/** How long a started process has to answer `/readyz` 200 before a rolling restart gives up on it. */
const READY_TIMEOUT_MS = 120_000

interface Worker {
  index: number
  port: number
  child?: ChildProcess
  startedAt: number
  /** Deaths in a row, each shortly after its start. */
  failures: number
  /** Stopped on purpose (rolling restart): its exit is not a death. */
  expectedExit: boolean
  restartTimer?: NodeJS.Timeout
}

export interface Supervisor {
  /** Stops and starts each process in turn, each waiting until the one before answers `/readyz` 200. */
  rollingRestart(): Promise<void>
  /** SIGTERM to every process (each drains), resolved once all have exited. */
  stop(): Promise<void>
}

/** SIGTERM, and SIGKILL if the process has not exited `killAfterMs` later (it drains for DRAIN_TIMEOUT_MS at most). */
function terminate(child: ChildProcess, killAfterMs: number): void {
  const timer = setTimeout(() => {
    log('worker did not stop: killed', { workerPid: child.pid, afterMs: killAfterMs }, 'error')
    child.kill('SIGKILL')
  }, killAfterMs)
  child.once('exit', () => clearTimeout(timer))
  child.kill('SIGTERM')
}

/**
 * Runs `script` (the built runtime) `options.workers` times, on consecutive ports, and keeps them running: one that
 * dies is started again after a wait that grows while it keeps dying. It never builds anything.
 */
export function supervise(script: string, options: ServeOptions, nodeArgs: string[] = []): Supervisor {
  const probeHost = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host
  const workers: Worker[] = Array.from({ length: options.workers }, (_, index) => ({
    index,
    port: options.port + index,
    startedAt: 0,
    failures: 0,
    expectedExit: false,
  }))
  let stopping = false
  let rolling: Promise<void> | undefined
  let rollAgain = false

  const start = (worker: Worker) => {
    worker.startedAt = Date.now()
    worker.expectedExit = false
    const child = spawn(process.execPath, [...nodeArgs, script], {
      env: { ...process.env, PORT: String(worker.port) },
      stdio: 'inherit',
    })
    worker.child = child
    log('worker started', { worker: worker.index, workerPid: child.pid, port: worker.port })
    child.on('exit', (code, signal) => {
      worker.child = undefined
      if (stopping || worker.expectedExit) {
        log('worker stopped', { worker: worker.index, workerPid: child.pid, code, signal })
        return
      }
      const ranMs = Date.now() - worker.startedAt
      worker.failures = ranMs >= HEALTHY_RUN_MS ? 1 : worker.failures + 1
      const delayMs = restartDelayMs(worker.failures)
      log(
        'worker died',
        { worker: worker.index, workerPid: child.pid, code, signal, ranMs, restartInMs: delayMs },
        'error',
      )
      worker.restartTimer = setTimeout(() => {
        worker.restartTimer = undefined
        if (!stopping && !worker.child) start(worker)
      }, delayMs)
    })
  }

  const exited = (worker: Worker): Promise<void> =>
    new Promise((resolve) => {
      const child = worker.child
      if (!child || child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once('exit', () => resolve())
    })

  const ready = async (worker: Worker): Promise<boolean> => {
    const child = worker.child
    if (worker.port === 0) return true // PORT=0: a free port, unknown here (one process only)
    const deadline = Date.now() + READY_TIMEOUT_MS
    while (Date.now() < deadline && child && worker.child === child && !stopping) {
      const status = await fetch(`http://${probeHost}:${worker.port}/readyz`, { signal: AbortSignal.timeout(3000) })
        .then((res) => res.status)
        .catch(() => 0)
      if (status === 200) return true
      await sleep(250)
    }
    return false
  }

  const restartOne = async (worker: Worker): Promise<boolean> => {
    if (worker.restartTimer) clearTimeout(worker.restartTimer)
    worker.restartTimer = undefined
    if (worker.child) {
      worker.expectedExit = true
      const gone = exited(worker)
      terminate(worker.child, options.killAfterMs)
      await gone
    }
    if (stopping) return false
    worker.failures = 0
    start(worker)
    return ready(worker)
  }

  const roll = async () => {
    do {
      rollAgain = false
      const began = Date.now()
      log('rolling restart', { workers: workers.length })
      for (const worker of workers) {
        if (stopping) return
        if (!(await restartOne(worker))) {
          if (stopping) return
          // the processes not yet restarted keep serving: an upgrade that does not start stops here
          log('rolling restart stopped: a process did not become ready', { worker: worker.index }, 'error')
          return
        }
        log('worker ready', { worker: worker.index, port: worker.port })
        // nginx stops sending to a process for `fail_timeout` after its 503s: wait until it sends there again
        if (worker !== workers.at(-1)) await sleep(options.rollingPauseMs)
      }
      log('rolling restart done', { workers: workers.length, ms: Date.now() - began })
    } while (rollAgain && !stopping)
  }

  for (const worker of workers) start(worker)
  Promise.all(workers.map(ready)).then((all) => {
    if (all.every(Boolean)) log('all workers ready', { workers: workers.length, firstPort: options.port })
  })

  return {
    rollingRestart() {
      if (rolling) {
        rollAgain = true
        return rolling
      }
      rolling = roll().finally(() => {
        rolling = undefined
      })
      return rolling
    },
    async stop() {
      stopping = true
      for (const worker of workers) {
        if (worker.restartTimer) clearTimeout(worker.restartTimer)
        if (worker.child) terminate(worker.child, options.killAfterMs)
      }
      await Promise.all(workers.map(exited))
    },
  }
}

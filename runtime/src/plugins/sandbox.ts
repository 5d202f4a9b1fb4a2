import { Worker } from 'node:worker_threads'
import { DomainError } from '@motcua/core'
import type { CapabilityName, CrossedError, FromWorker, PluginCall, ToWorker } from './sandbox-protocol'

/** Why a call to a plugin failed: it threw, ran out of time, its worker died, too many waited, or it cannot start. */
export type SandboxFailure = 'threw' | 'timeout' | 'crashed' | 'busy' | 'unavailable'

/** A failed plugin call; `message` reads after the call's name ("fees took longer than 1000 ms and was stopped"). */
export class SandboxError extends Error {
  override name = 'SandboxError'
  constructor(
    readonly reason: SandboxFailure,
    message: string,
    /** Set when the plugin let a runtime capability's DomainError through (e.g. confirmPayment's 409). */
    readonly domain?: CrossedError['domain'],
    /** What the plugin's own error said, when it threw. */
    readonly thrown?: string,
  ) {
    super(message)
  }
}

export type CapabilityHandler = (name: CapabilityName, args: unknown[]) => Promise<unknown>

export interface SandboxOptions {
  /** The plugin module the worker imports (a file URL or a package name). */
  source: string
  /** Calls waiting or running at once before new ones fail fast as `busy` (default 64). */
  maxPending?: number
  /** How long the first worker may take to import the plugin (default 30 s; a restart gets 10 s at most). */
  startTimeoutMs?: number
}

/** One plugin's worker thread, restarted when it crashes or a call exceeds its time limit. */
export interface PluginSandbox {
  /** Starts the worker and resolves with the manifest it reports (unchecked), or rejects if it cannot load. */
  start(): Promise<unknown>
  /** Runs one call within `timeoutMs`; a route's capability requests go to `onCapability`. */
  call(call: PluginCall, timeoutMs: number, onCapability?: CapabilityHandler): Promise<unknown>
  /** Terminates the worker; calls still waiting fail as `unavailable`. */
  close(): Promise<void>
}

interface Pending {
  id: number
  call: PluginCall
  timeoutMs: number
  onCapability?: CapabilityHandler | undefined
  resolve(value: unknown): void
  reject(error: Error): void
  timer?: NodeJS.Timeout
}

interface Running {
  thread: Worker
  ready: boolean
  stopping: boolean
  inFlight: Map<number, Pending>
  /** Hooks are synchronous: one at a time, so a call waiting behind a stuck one has not started. */
  hookInFlight: boolean
  uncaught?: string
  startTimer?: NodeJS.Timeout
}

/** Whether the runtime runs from its TypeScript source (tests); the built server has dist/plugin-worker.js. */
export const fromSource = import.meta.url.endsWith('.ts')
const workerEntry = new URL(fromSource ? './plugin-worker-dev.mjs' : './plugin-worker.js', import.meta.url)

// Plugins get no secrets of the runtime's own (DATABASE_URL and the like) through the environment.
const workerEnv = () =>
  Object.fromEntries(['NODE_ENV', 'TZ', 'LANG'].filter((k) => process.env[k]).map((k) => [k, process.env[k]!]))

const isHook = (p: Pending) => p.call.kind === 'hook'

/**
 * Runs a plugin in a worker thread of its own: a hook that loops, a delivery that hangs or a crash costs that
 * plugin's calls, never the runtime's event loop. Every call has a time limit; when one is exceeded the worker is
 * terminated, the call fails, and the calls queued behind it go to a new worker, started when next needed.
 * @example const sandbox = createSandbox({ source: 'file:///…/plugin.js' }); const manifest = await sandbox.start()
 */
export function createSandbox(options: SandboxOptions): PluginSandbox {
  const { source, maxPending = 64, startTimeoutMs = 30_000 } = options
  const queue: Pending[] = []
  let current: Running | undefined
  let nextId = 1
  let closed = false
  let pendingCount = 0
  let firstStart: { resolve(manifest: unknown): void; reject(error: Error): void } | undefined
  const stopping = new Set<Promise<unknown>>()

  const settle = (p: Pending, error: Error | undefined, value?: unknown) => {
    clearTimeout(p.timer)
    pendingCount--
    if (error) p.reject(error)
    else p.resolve(value)
  }

  function stop(running: Running) {
    running.stopping = true
    clearTimeout(running.startTimer)
    if (current === running) current = undefined
    const done = running.thread.terminate().catch(() => {})
    stopping.add(done)
    void done.finally(() => stopping.delete(done))
  }

  /** The worker could not load the plugin: what waits for it fails, and the next call tries a new worker. */
  function failStart(running: Running, why: string) {
    stop(running)
    const error = new SandboxError('unavailable', `was not run: the plugin could not start (${why})`)
    for (const p of queue.splice(0)) settle(p, error)
    if (firstStart) {
      firstStart.reject(new Error(why))
      firstStart = undefined
    }
  }

  /** The worker died or was stopped: hooks not yet answered are pure and wait for the next worker; the rest fail. */
  function lose(running: Running, failure: SandboxError, culprit?: Pending) {
    stop(running)
    const retry: Pending[] = []
    for (const p of running.inFlight.values()) {
      if (p === culprit) continue
      if (isHook(p) && failure.reason === 'timeout') retry.push(p)
      else settle(p, failure.reason === 'timeout' ? restarted : failure)
    }
    for (const p of retry.reverse()) {
      clearTimeout(p.timer)
      queue.unshift(p)
      waitInQueue(p)
    }
    pump()
  }

  const restarted = new SandboxError(
    'crashed',
    'failed: the plugin was restarted because another of its calls exceeded its time limit',
  )

  function spawn(): Running {
    for (const p of queue) clearTimeout(p.timer)
    const thread = new Worker(workerEntry, {
      workerData: { source },
      execArgv: fromSource ? ['--conditions=source'] : [],
      env: workerEnv(),
      resourceLimits: { maxOldGenerationSizeMb: 256 },
    })
    thread.unref()
    const running: Running = { thread, ready: false, stopping: false, inFlight: new Map(), hookInFlight: false }
    const limit = firstStart ? startTimeoutMs : Math.min(startTimeoutMs, 10_000)
    running.startTimer = setTimeout(() => failStart(running, `it did not load within ${limit} ms`), limit)
    running.startTimer.unref()
    thread.on('message', (message: FromWorker) => receive(running, message))
    thread.on('error', (error) => {
      running.uncaught = String(error?.message ?? error).slice(0, 300)
    })
    thread.on('exit', (code) => {
      if (running.stopping) return
      const why = running.uncaught ?? `exit code ${code}`
      if (!running.ready) return failStart(running, why)
      lose(running, new SandboxError('crashed', `failed: the plugin's worker stopped (${why})`))
    })
    return running
  }

  function receive(running: Running, message: FromWorker) {
    if (running.stopping) return
    switch (message.type) {
      case 'manifest':
        running.ready = true
        clearTimeout(running.startTimer)
        for (const p of queue) waitInQueue(p)
        firstStart?.resolve(message.manifest)
        firstStart = undefined
        pump()
        return
      case 'load-failed':
        failStart(running, message.error)
        return
      case 'result': {
        const p = running.inFlight.get(message.id)
        if (!p) return
        running.inFlight.delete(message.id)
        if (isHook(p)) running.hookInFlight = false
        if (message.ok) settle(p, undefined, message.value)
        else {
          const { message: thrown, domain } = message.error
          settle(p, new SandboxError('threw', `threw: ${thrown}`, domain, thrown))
        }
        pump()
        return
      }
      case 'capability': {
        const p = running.inFlight.get(message.callId)
        const reply = (answer: ToWorker) => {
          if (running.stopping) return
          try {
            running.thread.postMessage(answer)
          } catch {
            // not plain data: the plugin gets an error instead of a hang
            running.thread.postMessage({
              type: 'capability-result',
              id: message.id,
              ok: false,
              error: { message: 'the answer could not be passed to the plugin' },
            } satisfies ToWorker)
          }
        }
        const handle = p?.onCapability
        if (!handle) {
          reply({ type: 'capability-result', id: message.id, ok: false, error: { message: 'not available here' } })
          return
        }
        handle(message.name, message.args).then(
          (value) => reply({ type: 'capability-result', id: message.id, ok: true, value }),
          (error: unknown) =>
            reply({
              type: 'capability-result',
              id: message.id,
              ok: false,
              error: DomainError.is(error)
                ? { message: error.userMessage.en, domain: { code: error.code, message: error.userMessage } }
                : { message: 'the runtime could not do this' },
            }),
        )
        return
      }
    }
  }

  // a call waits at most its own limit for a ready worker; waiting for one to start is bounded by the start limit
  function waitInQueue(p: Pending) {
    clearTimeout(p.timer)
    if (!current?.ready) return
    p.timer = setTimeout(() => {
      const at = queue.indexOf(p)
      if (at < 0) return
      queue.splice(at, 1)
      settle(p, new SandboxError('busy', `was not run: waited more than ${p.timeoutMs} ms for the plugin`))
    }, p.timeoutMs)
  }

  function send(running: Running, p: Pending) {
    clearTimeout(p.timer)
    running.inFlight.set(p.id, p)
    if (isHook(p)) running.hookInFlight = true
    p.timer = setTimeout(() => {
      if (!running.inFlight.has(p.id)) return
      running.inFlight.delete(p.id)
      settle(p, new SandboxError('timeout', `took longer than ${p.timeoutMs} ms and was stopped`))
      lose(running, new SandboxError('timeout', 'timeout'), p)
    }, p.timeoutMs)
    try {
      running.thread.postMessage({ type: 'call', id: p.id, call: p.call } satisfies ToWorker)
    } catch (error) {
      running.inFlight.delete(p.id)
      if (isHook(p)) running.hookInFlight = false
      settle(p, new SandboxError('threw', `could not be called: ${String((error as Error)?.message ?? error)}`))
    }
  }

  function pump() {
    if (closed || queue.length === 0) return
    current ??= spawn()
    const running = current
    if (!running.ready) return
    for (let i = 0; i < queue.length; ) {
      const p = queue[i]!
      if (isHook(p) && running.hookInFlight) {
        i++
        continue
      }
      queue.splice(i, 1)
      send(running, p)
    }
  }

  return {
    start() {
      return new Promise((resolve, reject) => {
        firstStart = { resolve, reject }
        current = spawn()
      })
    },
    call(call, timeoutMs, onCapability) {
      if (closed) return Promise.reject(new SandboxError('unavailable', 'was not run: the runtime is stopping'))
      if (pendingCount >= maxPending)
        return Promise.reject(
          new SandboxError('busy', `was not run: ${maxPending} calls were already waiting for this plugin`),
        )
      pendingCount++
      return new Promise((resolve, reject) => {
        const p: Pending = { id: nextId++, call, timeoutMs, onCapability, resolve, reject }
        queue.push(p)
        waitInQueue(p)
        pump()
      })
    },
    async close() {
      closed = true
      const error = new SandboxError('unavailable', 'was not run: the runtime is stopping')
      for (const p of queue.splice(0)) settle(p, error)
      if (current) {
        for (const p of current.inFlight.values()) settle(p, error)
        current.inFlight.clear()
        stop(current)
      }
      await Promise.all(stopping)
    },
  }
}

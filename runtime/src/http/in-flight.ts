import type { Server } from 'node:http'

export interface InFlight {
  count(): number
  /** Resolves true once no request is in flight, or false after `timeoutMs` with some still running. */
  settled(timeoutMs: number): Promise<boolean>
}

/** Counts the requests `server` is answering, from arrival until their response is sent or their client leaves. */
export function countInFlight(server: Server): InFlight {
  let count = 0
  let waiters: (() => void)[] = []
  server.on('request', (_req, res) => {
    count++
    res.once('close', () => {
      count--
      if (count === 0) for (const wake of waiters.splice(0)) wake()
    })
  })
  return {
    count: () => count,
    settled: (timeoutMs) =>
      new Promise((resolve) => {
        if (count === 0) return resolve(true)
        const wake = () => {
          clearTimeout(timer)
          resolve(true)
        }
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== wake)
          resolve(false)
        }, timeoutMs)
        waiters.push(wake)
      }),
  }
}

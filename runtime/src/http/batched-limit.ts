/** What one key counted in one fixed window (`windowStart`, epoch ms, a multiple of the window's length). */
export interface WindowCount {
  key: string
  windowStart: number
  count: number
}

export interface BatchedLimitOptions {
  /** Requests allowed per key and window, all processes together. */
  limit: number
  windowMs: number
  /**
   * Adds counts to the totals every process shares and answers the totals, one row per key given (the row's window
   * may be newer than the one counted: then the counts were too old and are dropped); `now` is the counting time.
   */
  store: (counts: WindowCount[], now: number) => Promise<WindowCount[]>
  /** At most this often (ms) the counts go to the store, besides a key nearing its limit (default 1000). */
  flushMs?: number
  /** Keys kept in memory after each flush (default 10,000); past that, keys with nothing to send are forgotten. */
  maxKeys?: number
  /** Told when the store fails: the counts are kept and sent again with the next flush. */
  onStoreError?: (error: unknown) => void
}

export interface BatchedLimit {
  /**
   * Counts one request of `key` at `now` (epoch ms) and answers the seconds to wait when the key is over its limit,
   * else undefined. A refused request is counted only when it was admitted before the process learnt the total.
   */
  count(key: string, now: number): Promise<number | undefined>
  /** Keys held in memory (for tests and metrics). */
  readonly size: number
}

interface KeyState {
  windowStart: number
  /** The total every process had counted, as last read from the store (this process's sent counts included). */
  shared: number
  /** Counted here, on its way to the store. */
  sending: number
  /** Counted here, not sent yet. */
  pending: number
}

const known = (s: KeyState) => s.shared + s.sending + s.pending

/**
 * A fixed-window limit shared by every process without a database write per request: each process counts in
 * memory and decides with the last shared total it read plus what it counted since. It adds its counts to the
 * store in one batch for all its keys, at most once per `flushMs` (awaited by the request that triggers it), and
 * at once when a key's unsent count reaches half the room it believes is left. A process can only miss the other
 * processes' unsent counts, so the total admitted in a window exceeds the limit by at most what each other process
 * admitted since its last flush: one flush interval of its requests (plus one store round trip), fewer when the
 * key nears its limit. A process refuses only what it knows to be over, so no request is refused wrongly. Memory:
 * `maxKeys` keys after each flush, plus the new keys of one interval.
 * @example const wait = await batchedLimit({ limit: 60, windowMs: 60_000, store }).count(address, Date.now())
 */
export function batchedLimit({
  limit,
  windowMs,
  store,
  flushMs = 1000,
  maxKeys = 10_000,
  onStoreError,
}: BatchedLimitOptions): BatchedLimit {
  const keys = new Map<string, KeyState>()
  let lastFlush = Number.NEGATIVE_INFINITY
  let flushing = false

  const wait = (s: KeyState, now: number) => Math.max(1, Math.ceil((s.windowStart + windowMs - now) / 1000))

  async function flush(now: number): Promise<void> {
    lastFlush = now
    const sent: { state: KeyState; count: WindowCount }[] = []
    for (const [key, state] of keys)
      if (state.pending > 0) {
        sent.push({ state, count: { key, windowStart: state.windowStart, count: state.pending } })
        state.sending += state.pending
        state.pending = 0
      }
    try {
      const totals = sent.length
        ? await store(
            sent.map((s) => s.count),
            now,
          )
        : []
      const byKey = new Map(totals.map((t) => [t.key, t]))
      for (const { state, count } of sent) {
        state.sending -= count.count
        const total = byKey.get(count.key)
        if (total?.windowStart === state.windowStart) state.shared = Math.max(state.shared, total.count)
      }
    } catch (error) {
      for (const { state, count } of sent) {
        state.sending -= count.count
        state.pending += count.count
      }
      onStoreError?.(error)
    }
    forget(now)
  }

  // keys whose window has ended, then (oldest first) keys with nothing on the way; only when the store keeps
  // failing are unsent counts dropped, so that memory stays bounded even then
  function forget(now: number): void {
    for (const [key, s] of keys)
      if (s.windowStart + windowMs <= now && s.pending === 0 && s.sending === 0) keys.delete(key)
    if (keys.size <= maxKeys) return
    for (const [key, s] of keys) {
      if (keys.size <= maxKeys) return
      if (s.pending === 0 && s.sending === 0) keys.delete(key)
    }
    for (const key of keys.keys()) {
      if (keys.size <= maxKeys) return
      keys.delete(key)
    }
  }

  return {
    get size() {
      return keys.size
    },
    async count(key, now) {
      const windowStart = Math.floor(now / windowMs) * windowMs
      let state = keys.get(key)
      if (state?.windowStart !== windowStart) {
        keys.delete(key) // set again below, so the map stays in the order keys were last renewed
        state = { windowStart, shared: 0, sending: 0, pending: 0 }
        keys.set(key, state)
      }
      if (known(state) >= limit) return wait(state, now)
      state.pending++
      const nearLimit = state.pending >= Math.ceil((limit - state.shared) / 2)
      if (!flushing && (nearLimit || now - lastFlush >= flushMs)) {
        flushing = true
        try {
          await flush(now)
        } finally {
          flushing = false
        }
      }
      return known(state) > limit ? wait(state, now) : undefined
    },
  }
}

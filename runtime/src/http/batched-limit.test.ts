import { describe, expect, it } from 'vitest'
import { batchedLimit, type WindowCount } from './batched-limit'

// the shared totals as the rate_limits table keeps them: a newer window starts again, an older one's counts are dropped
function memoryStore() {
  const rows = new Map<string, { windowStart: number; count: number }>()
  const calls: WindowCount[][] = []
  let failing = false
  return {
    rows,
    calls,
    fail(on: boolean) {
      failing = on
    },
    async add(counts: WindowCount[]): Promise<WindowCount[]> {
      calls.push(counts)
      if (failing) throw new Error('database unavailable')
      return counts.map(({ key, windowStart, count }) => {
        const row = rows.get(key)
        const next =
          !row || row.windowStart < windowStart
            ? { windowStart, count }
            : row.windowStart === windowStart
              ? { windowStart, count: row.count + count }
              : row
        rows.set(key, next)
        return { key, ...next }
      })
    },
  }
}

const minute = 60_000
const t0 = Date.UTC(2026, 2, 2, 2, 0, 0) // the start of a window
const admitted = async (
  limit: { count(key: string, now: number): Promise<number | undefined> },
  n: number,
  key: string,
  now: number,
) => {
  let count = 0
  for (let i = 0; i < n; i++) if ((await limit.count(key, now)) === undefined) count++
  return count
}

describe('a limit counted in memory and added to shared totals', () => {
  it('admits the limit per window, then answers the seconds to the window end; the next window starts again', async () => {
    const store = memoryStore()
    const limit = batchedLimit({ limit: 5, windowMs: minute, store: store.add })
    expect(await admitted(limit, 5, 'a', t0 + 10_000)).toBe(5)
    expect(await limit.count('a', t0 + 10_000)).toBe(50)
    expect(await limit.count('a', t0 + 59_500)).toBe(1)
    expect(await limit.count('b', t0 + 59_500)).toBeUndefined()
    expect(await admitted(limit, 5, 'a', t0 + minute)).toBe(5)
    expect(store.rows.get('a')).toEqual({ windowStart: t0 + minute, count: 5 })
  })

  it('writes once per flush interval, not per request, while a key is far from its limit', async () => {
    const store = memoryStore()
    const limit = batchedLimit({ limit: 1000, windowMs: minute, store: store.add })
    expect(await admitted(limit, 100, 'a', t0)).toBe(100)
    expect(await admitted(limit, 100, 'b', t0 + 500)).toBe(100)
    expect(store.calls).toHaveLength(1) // the first request, which found nothing sent yet
    await limit.count('c', t0 + 1000)
    expect(store.calls).toHaveLength(2)
    expect(store.calls[1]).toEqual([
      { key: 'a', windowStart: t0, count: 99 },
      { key: 'b', windowStart: t0, count: 100 },
      { key: 'c', windowStart: t0, count: 1 },
    ])
  })

  it('sends a key at once when its unsent count reaches half the room left', async () => {
    const store = memoryStore()
    const limit = batchedLimit({ limit: 20, windowMs: minute, store: store.add })
    await admitted(limit, 20, 'a', t0)
    // 1 (the first flush), then 10 of the 19 left, 5 of 9, 2 of 4, 1 of 2, 1 of 1
    expect(store.calls.map((c) => c[0]!.count)).toEqual([1, 10, 5, 2, 1, 1])
    expect(store.rows.get('a')!.count).toBe(20)
  })

  it('shares the limit between processes: one refuses once the total is over; the overshoot is one interval', async () => {
    const store = memoryStore()
    const one = batchedLimit({ limit: 10, windowMs: minute, store: store.add })
    const two = batchedLimit({ limit: 10, windowMs: minute, store: store.add })
    expect(await admitted(one, 10, 'a', t0)).toBe(10)
    expect(await two.count('a', t0 + 1)).toBe(60) // its first count went to the store, which said 11
    expect(await one.count('a', t0 + 2)).toBe(60)

    // interleaved from the start of a window, each process admits at most what the other had not sent
    const next = t0 + minute
    let total = 0
    for (let i = 0; i < 20; i++) {
      total += await admitted(one, 1, 'b', next + i * 100)
      total += await admitted(two, 1, 'b', next + i * 100)
    }
    expect(total).toBeGreaterThanOrEqual(10)
    expect(total).toBeLessThanOrEqual(12)
    expect(await two.count('b', next + 5000)).toBeDefined()
  })

  it('keeps the counts when the store fails and sends them with the next flush, deciding locally meanwhile', async () => {
    const store = memoryStore()
    const errors: unknown[] = []
    const limit = batchedLimit({ limit: 3, windowMs: minute, store: store.add, onStoreError: (e) => errors.push(e) })
    store.fail(true)
    expect(await admitted(limit, 4, 'a', t0)).toBe(3)
    expect(errors.length).toBeGreaterThan(0)
    store.fail(false)
    await limit.count('b', t0 + 1000)
    expect(store.rows.get('a')).toEqual({ windowStart: t0, count: 3 })
  })

  it('drops counts of a window that ended before they were sent', async () => {
    const store = memoryStore()
    const one = batchedLimit({ limit: 5, windowMs: minute, store: store.add })
    const two = batchedLimit({ limit: 5, windowMs: minute, store: store.add })
    await two.count('a', t0 + minute) // the store is in the next window already
    store.fail(true)
    await one.count('a', t0)
    store.fail(false)
    await one.count('b', t0 + 2000)
    expect(store.rows.get('a')).toEqual({ windowStart: t0 + minute, count: 1 })
  })

  it('keeps memory bounded: ended windows are forgotten, and past maxKeys the keys already sent', async () => {
    const store = memoryStore()
    const limit = batchedLimit({ limit: 5, windowMs: minute, store: store.add, maxKeys: 100 })
    for (let i = 0; i < 300; i++) await limit.count(`k${i}`, t0)
    expect(limit.size).toBe(300) // new keys of one interval
    await limit.count('last', t0 + 1000)
    expect(limit.size).toBe(100)
    expect(store.rows.size).toBe(301) // nothing counted was lost
    await limit.count('later', t0 + 2 * minute)
    expect(limit.size).toBe(1)
  })
})

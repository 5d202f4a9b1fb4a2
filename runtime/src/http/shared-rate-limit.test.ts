import { type Database, rateLimits } from '@motcua/db'
import { testDrivers } from '@motcua/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { batchedLimit } from './batched-limit'
import { addCounts, limitKey } from './shared-rate-limit'

describe.each(testDrivers())('counts added to the shared rate limits on $name', ({ open }) => {
  let database: Database
  const minute = 60_000
  const t0 = Date.UTC(2026, 2, 2, 2, 0, 0)
  const now = new Date(t0 + 5000)

  beforeAll(async () => {
    database = await open()
  })
  afterAll(() => database?.close())

  it('adds to the window counted, starts a newer one again, drops an older one, and answers by the keys given', async () => {
    const { db } = database
    expect(
      await addCounts(
        db,
        'test.a',
        [
          { key: '203.0.113.5', windowStart: t0, count: 3 },
          { key: '203.0.113.6', windowStart: t0, count: 1 },
        ],
        now,
      ),
    ).toEqual([
      { key: '203.0.113.5', windowStart: t0, count: 3 },
      { key: '203.0.113.6', windowStart: t0, count: 1 },
    ])
    expect(await addCounts(db, 'test.a', [{ key: '203.0.113.5', windowStart: t0, count: 4 }], now)).toEqual([
      { key: '203.0.113.5', windowStart: t0, count: 7 },
    ])
    const next = t0 + minute
    expect(await addCounts(db, 'test.a', [{ key: '203.0.113.5', windowStart: next, count: 2 }], now)).toEqual([
      { key: '203.0.113.5', windowStart: next, count: 2 },
    ])
    // a process that sends the ended window's counts late: they are dropped, the newer total answered
    expect(await addCounts(db, 'test.a', [{ key: '203.0.113.5', windowStart: t0, count: 9 }], now)).toEqual([
      { key: '203.0.113.5', windowStart: next, count: 2 },
    ])
    // another kind is another counter; the address is stored only as a hash
    expect(await addCounts(db, 'test.b', [{ key: '203.0.113.5', windowStart: next, count: 1 }], now)).toEqual([
      { key: '203.0.113.5', windowStart: next, count: 1 },
    ])
    const keys = (await db.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key)
    expect(keys).toContain(limitKey('test.a', '203.0.113.5'))
    expect(keys.join()).not.toContain('203.0.113')
  })

  it('takes a batch larger than one statement holds, in chunks', async () => {
    const counts = Array.from({ length: 6000 }, (_, i) => ({ key: `k${i}`, windowStart: t0, count: 1 + (i % 3) }))
    const totals = await addCounts(database.db, 'test.many', counts, now)
    expect(totals).toEqual(counts)
  })

  it('shares one limit between two processes through the table', async () => {
    const { db } = database
    const limit = () =>
      batchedLimit({
        limit: 4,
        windowMs: minute,
        store: (counts, at) => addCounts(db, 'test.shared', counts, new Date(at)),
      })
    const one = limit()
    const two = limit()
    for (let i = 0; i < 4; i++) expect(await one.count('198.51.100.7', t0 + 1000)).toBeUndefined()
    expect(await two.count('198.51.100.7', t0 + 2000)).toBe(58)
    expect(await two.count('198.51.100.8', t0 + 2000)).toBeUndefined()
  })
})

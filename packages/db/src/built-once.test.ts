import { eq, isNull, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { builtOnce } from './built-once'
import { type Database, outbox, rateLimits } from './index'
import { testDrivers } from './testing'

describe.each(testDrivers())('a statement built once on $name', ({ open }) => {
  let database: Database
  let builds = 0
  const returned = { count: rateLimits.count, windowStart: rateLimits.windowStart }
  const count = builtOnce<{ key: string; at: Date }, { count: number; windowStart: Date }>((db, p) => {
    builds++
    return db
      .insert(rateLimits)
      .values({ key: p.key, windowStart: p.at, count: 1 })
      .onConflictDoUpdate({ target: rateLimits.key, set: { count: sql`${rateLimits.count} + 1` } })
      .returning(returned)
  }, returned)
  const at = new Date('2026-01-02T03:04:05.678Z')

  beforeAll(async () => {
    database = await open()
  })
  afterAll(() => database?.close())

  it('runs on the pool and inside transactions, with its values encoded and its rows mapped', async () => {
    expect(await count(database.db, { key: 'a', at })).toEqual([{ count: 1, windowStart: at }])
    await database.db.transaction(async (tx) => {
      expect(await count(tx as never, { key: 'a', at })).toEqual([{ count: 2, windowStart: at }])
    })
    await expect(
      database.db.transaction(async (tx) => {
        await count(tx as never, { key: 'a', at })
        throw new Error('roll back')
      }),
    ).rejects.toThrow('roll back')
    const [row] = await database.db.select().from(rateLimits).where(eq(rateLimits.key, 'a'))
    expect(row!.count).toBe(2) // the rolled-back increment is gone: it ran in that transaction
    expect(builds).toBe(1)
  })

  it('writes null as SQL NULL, leaves undefined to the column default, and returns nothing without RETURNING', async () => {
    const insert = builtOnce<typeof outbox.$inferInsert>((db, row) => db.insert(outbox).values(row))
    expect(await insert(database.db, { topic: 't', payload: { a: 1 }, deliveredAt: null, state: undefined })).toEqual(
      [],
    )
    await insert(database.db, { topic: 'u', payload: [1], deliveredAt: at, state: 'delivered' })
    const rows = await database.db
      .select({ topic: outbox.topic, payload: outbox.payload, state: outbox.state, deliveredAt: outbox.deliveredAt })
      .from(outbox)
      .orderBy(outbox.id)
    expect(rows).toEqual([
      { topic: 't', payload: { a: 1 }, state: 'pending', deliveredAt: null },
      { topic: 'u', payload: [1], state: 'delivered', deliveredAt: at },
    ])
    expect(await database.db.select({ id: outbox.id }).from(outbox).where(isNull(outbox.deliveredAt))).toHaveLength(1)
  })
})

import type { Database } from '@motcua/db'
import { afterEach, describe, expect, it } from 'vitest'
import { captureLog } from './log'
import { databaseAddress, migrateWhenReachable } from './wait-for-database'

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })
/** A database whose `migrate` fails with each of `failures` in turn, then succeeds. */
const database = (failures: Error[]) => {
  let calls = 0
  return {
    db: { migrate: async () => (calls++ < failures.length ? Promise.reject(failures[calls - 1]) : undefined) },
    calls: () => calls,
  }
}
const options = { driver: 'postgres' as const, url: 'postgres://motcua:s3cret-pass@db.internal:6543/motcua' }

describe('starting before the database', () => {
  let captured: ReturnType<typeof captureLog> | undefined
  afterEach(() => captured?.stop())

  it('waits for a database that refuses connections, backing off, then migrates', async () => {
    captured = captureLog()
    const waits: number[] = []
    const { db, calls } = database(Array.from({ length: 7 }, refused))
    await migrateWhenReachable(db as unknown as Database, options, async (ms) => waits.push(ms))
    expect(calls()).toBe(8)
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000])
    const warnings = captured.lines.filter((l) => l.level === 'warn')
    expect(warnings).toHaveLength(7)
    expect(warnings[0]).toMatchObject({
      address: 'db.internal:6543',
      tries: 1,
      retryInMs: 1000,
      reason: 'ECONNREFUSED',
    })
    expect(captured.lines.at(-1)).toMatchObject({ msg: 'database reachable', tries: 8 })
    // the password (and the user) never reach the log
    expect(JSON.stringify(captured.lines)).not.toMatch(/s3cret|motcua:/)
  })

  it('fails at once on what waiting cannot fix: a wrong password or a missing database', async () => {
    const wrongPassword = Object.assign(new Error('password authentication failed'), { code: '28P01' })
    const waits: number[] = []
    const { db, calls } = database([wrongPassword])
    await expect(migrateWhenReachable(db as unknown as Database, options, async (ms) => waits.push(ms))).rejects.toBe(
      wrongPassword,
    )
    expect(calls()).toBe(1)
    expect(waits).toEqual([])
  })

  it('names only the host and port of a database', () => {
    expect(databaseAddress(options)).toBe('db.internal:6543')
    expect(databaseAddress({ driver: 'postgres', url: 'postgres://localhost/motcua' })).toBe('localhost:5432')
    expect(databaseAddress({ driver: 'postgres', url: 'not a url' })).toBe('DATABASE_URL')
    expect(databaseAddress({ driver: 'pglite', dataDir: '.data' })).toBe('.data')
  })
})

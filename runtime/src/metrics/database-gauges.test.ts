import type { Database } from '@motcua/db'
import { describe, expect, it } from 'vitest'
import { databaseGauges } from './database-gauges'
import { createRuntimeMetrics } from './runtime-metrics'
import { sampleValue } from './test-support'

const rows = [{ plugin: 'gui-lai-thu', pending: 3, dead: 1, oldest: 42.5 }]

/** A database whose queries answer `rows`, or wait until `release` is called. */
function fakeDatabase(answer: 'now' | 'never') {
  let asked = 0
  const database = {
    driver: 'pglite',
    maxConnections: 1,
    db: {
      execute: () => {
        asked++
        return answer === 'now' ? Promise.resolve({ rows }) : new Promise(() => {})
      },
    },
  } as unknown as Database
  return { database, asked: () => asked }
}

describe('the database gauges', () => {
  it('fill from the database, and are left out (not stale) with motcua_database_up 0 once it stops answering', async () => {
    const metrics = createRuntimeMetrics()
    const collect = databaseGauges(metrics, 20)
    await collect(fakeDatabase('now').database, ['gui-lai-thu', 'thanh-toan'])
    let text = await metrics.registry.metrics()
    expect(sampleValue(text, 'motcua_database_up', {})).toBe(1)
    expect(sampleValue(text, 'motcua_outbox_pending', { plugin: 'gui-lai-thu' })).toBe(3)
    expect(sampleValue(text, 'motcua_outbox_oldest_pending_seconds', { plugin: 'gui-lai-thu' })).toBe(42.5)
    expect(sampleValue(text, 'motcua_outbox_dead', { plugin: 'thanh-toan' })).toBe(0)
    await collect(fakeDatabase('never').database)
    text = await metrics.registry.metrics()
    expect(sampleValue(text, 'motcua_database_up', {})).toBe(0)
    expect(sampleValue(text, 'motcua_outbox_pending', { plugin: 'gui-lai-thu' })).toBeUndefined()
    expect(sampleValue(text, 'motcua_database_connections_max', {})).toBe(1)
  })

  it('ask once for scrapes that arrive together', async () => {
    const metrics = createRuntimeMetrics()
    const collect = databaseGauges(metrics, 20)
    const slow = fakeDatabase('never')
    await Promise.all([collect(slow.database), collect(slow.database), collect(slow.database)])
    expect(slow.asked()).toBe(1)
    await collect(slow.database)
    expect(slow.asked()).toBe(2)
  })
})

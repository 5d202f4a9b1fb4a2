import postgres from 'postgres'
import { type Database, openDatabase } from './open-database'

export interface TestDriver {
  name: 'pglite' | 'postgres'
  /** A fresh, migrated, empty database of this driver; `close` also drops a PostgreSQL one. */
  open(): Promise<Database>
}

/**
 * The drivers a database suite runs on: PGlite (in memory) always, PostgreSQL whenever `DATABASE_URL`
 * is set. Each `open()` creates a database of its own, so suites run in parallel without sharing rows.
 * @example describe.each(testDrivers())('units on $name', ({ open }) => { … })
 */
export function testDrivers(env: Record<string, string | undefined> = process.env): TestDriver[] {
  const drivers: TestDriver[] = [{ name: 'pglite', open: () => migrated(openDatabase({ driver: 'pglite' })) }]
  const url = env.DATABASE_URL
  if (url) drivers.push({ name: 'postgres', open: () => openScratchPostgres(url) })
  return drivers
}

async function migrated(opening: Promise<Database>): Promise<Database> {
  const database = await opening
  await database.migrate()
  return database
}

async function openScratchPostgres(url: string): Promise<Database> {
  const name = `motcua_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
  const admin = postgres(url, { max: 1, onnotice: () => {} })
  try {
    await admin.unsafe(`create database "${name}"`)
  } finally {
    await admin.end()
  }
  const scratchUrl = new URL(url)
  scratchUrl.pathname = `/${name}`
  const database = await migrated(openDatabase({ driver: 'postgres', url: scratchUrl.toString(), maxConnections: 20 }))
  return {
    ...database,
    async close() {
      await database.close()
      const dropper = postgres(url, { max: 1, onnotice: () => {} })
      try {
        await dropper.unsafe(`drop database if exists "${name}" with (force)`)
      } finally {
        await dropper.end()
      }
    },
  }
}

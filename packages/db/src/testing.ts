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

/**
 * A new, empty database on the server of `url`, for one test; `drop` removes it.
 * @example const scratch = await createScratchDatabase(process.env.DATABASE_URL!)
 */
export async function createScratchDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `motcua_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
  const run = async (statement: string) => {
    const admin = postgres(url, { max: 1, onnotice: () => {} })
    try {
      await admin.unsafe(statement)
    } finally {
      await admin.end()
    }
  }
  await run(`create database "${name}"`)
  const scratchUrl = new URL(url)
  scratchUrl.pathname = `/${name}`
  return { url: scratchUrl.toString(), drop: () => run(`drop database if exists "${name}" with (force)`) }
}

async function openScratchPostgres(url: string): Promise<Database> {
  const scratch = await createScratchDatabase(url)
  const database = await migrated(openDatabase({ driver: 'postgres', url: scratch.url, maxConnections: 20 }))
  return {
    ...database,
    async close() {
      await database.close()
      await scratch.drop()
    },
  }
}

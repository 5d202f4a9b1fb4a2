import { type Database, openDatabase, units } from '@motcua/db'
import { createScratchDatabase } from '@motcua/db/testing'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ComposedRuntime, composeRuntime } from './compose'

const url = process.env.DATABASE_URL

// A process keeps published procedures and units in memory and drops them on NOTIFY. A notification sent while
// its LISTEN connection is down is lost for good, so when the connection comes back the process must assume it
// missed something and drop its caches. Here the change is made without any notification at all, then the
// process's connections are cut: it can only see the change if re-subscribing drops its caches.
describe.skipIf(!url)('caches after the LISTEN connection was lost, on PostgreSQL', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>
  let database: Database
  let runtime: ComposedRuntime

  beforeAll(async () => {
    scratch = await createScratchDatabase(url!)
    database = await openDatabase({ driver: 'postgres', url: scratch.url })
    await database.migrate()
    runtime = await composeRuntime(database, { plugins: [] })
  })
  afterAll(async () => {
    await runtime?.close()
    await database?.close()
    await scratch?.drop()
  })

  it('reloads the units and the published procedures once it is subscribed again', async () => {
    const { units: directory, registry } = runtime.services
    const [procedure] = await registry.listCurrent(new Date())
    expect(procedure).toBeDefined()
    const code = procedure!.definition.code
    expect((await directory.byCode('207'))?.name).toBe('Huyện Cô Tô')

    // changed behind the caches' back: no pg_notify
    await database.db.update(units).set({ name: 'Đặc khu Cô Tô' }).where(eq(units.code, '207'))
    await database.db.execute(sql`
      insert into procedure_versions (procedure_id, version, definition, content_hash)
      select procedure_id, version + 1, jsonb_set(definition, '{name}', '"Tên mới"'), 'changed' || content_hash
      from procedure_versions where id = ${procedure!.id}`)
    expect((await directory.byCode('207'))?.name).toBe('Huyện Cô Tô')
    expect((await registry.versions(code)).map((v) => v.definition.name)).not.toContain('Tên mới')

    const admin = await openDatabase({ driver: 'postgres', url: url!, maxConnections: 1 })
    try {
      const name = new URL(scratch.url).pathname.slice(1)
      await admin.db.execute(
        sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid()`,
      )
    } finally {
      await admin.close()
    }

    await expect.poll(async () => (await directory.byCode('207'))?.name, { timeout: 10_000 }).toBe('Đặc khu Cô Tô')
    await expect.poll(async () => (await registry.versions(code)).map((v) => v.definition.name)).toContain('Tên mới')
  })
})

describe.runIf(!url)('caches after the LISTEN connection was lost', () => {
  it.skip('SKIPPED: needs PostgreSQL; set DATABASE_URL (CI does)', () => {})
})

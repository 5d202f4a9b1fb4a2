import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { procedures, procedureVersions } from '@motcua/db'
import { testDrivers } from '@motcua/db/testing'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultProceduresDir } from '../procedures/library'
import { openTestRuntime, type TestRuntime } from '../testing'
import { seed } from '.'

describe.each(testDrivers())('the procedure library on an upgraded installation, on $name', ({ open }) => {
  let runtime: TestRuntime
  // the library as an earlier release shipped it: without Đăng ký chấm dứt giám hộ
  const older = mkdtempSync(join(tmpdir(), 'motcua-library-'))
  beforeAll(async () => {
    cpSync(defaultProceduresDir(), older, {
      recursive: true,
      filter: (path) => !path.includes('dang-ky-cham-dut-giam-ho'),
    })
    runtime = await openTestRuntime(open, { demo: false, library: false })
    await seed(runtime.database.db, { proceduresDir: older })
  })
  afterAll(async () => {
    await runtime?.close()
    rmSync(older, { recursive: true, force: true })
  })

  const versionsOf = async () =>
    Object.fromEntries(
      (
        await runtime.database.db
          .select({ code: procedures.code, id: procedureVersions.id })
          .from(procedureVersions)
          .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
      ).map((v) => [v.code, v.id]),
    )

  it('imports the procedures it has never had on the next start, and leaves the others to the administrators', async () => {
    const before = await versionsOf()
    expect(before['1.004845']).toBeUndefined()
    const applied = await seed(runtime.database.db, { proceduresDir: defaultProceduresDir() })
    expect(applied).toEqual([expect.stringMatching(/^procedures:library-new@/)])
    const after = await versionsOf()
    expect(after['1.004845']).toBeDefined()
    // every procedure it had keeps its one version: a restart never publishes over the administrators' work
    for (const [code, id] of Object.entries(before)) expect(after[code]).toBe(id)
    expect(await seed(runtime.database.db, { proceduresDir: defaultProceduresDir() })).toEqual([])
  })
})

import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Database, type DatabaseOptions, openDatabase } from '@motcua/db'
import { createScratchDatabase } from '@motcua/db/testing'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backupDatabase, restoreDatabase, verifyDatabase } from '../../runtime/src/backup/backup'
import type { BackupManifest } from '../../runtime/src/backup/manifest'
import { queryOf } from '../../runtime/src/backup/postgres'
import {
  asOfficers,
  libraryProcedure,
  openTestRuntime,
  sampleSubmission,
  type TestRuntime,
} from '../../runtime/src/testing'
import { repoRoot, startRuntimeProcess, stopRuntimeProcess } from '../support/runtime-process'

const business = libraryProcedure('dang-ky-thanh-lap-ho-kinh-doanh')
const birth = libraryProcedure('dang-ky-khai-sinh')
const migrated = async (options: DatabaseOptions): Promise<Database> => {
  const database = await openDatabase(options)
  await database.migrate()
  return database
}

/** Where the drill's databases live on a driver: fresh ones on demand, all removed at the end. */
interface DrillDriver {
  name: 'pglite' | 'postgres'
  fresh(): Promise<DatabaseOptions>
  cleanUp(): Promise<void>
}

const dir = mkdtempSync(join(tmpdir(), 'motcua-backup-'))
// one instant for the runtime before the backup and the one after the restore: a dossier's view counts the working
// minutes left until its deadline, which would differ by the seconds between the two during office hours
const now = new Date()
const clock = () => now
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function drillDrivers(): DrillDriver[] {
  let folders = 0
  const drivers: DrillDriver[] = [
    {
      name: 'pglite',
      fresh: async () => ({ driver: 'pglite', dataDir: join(dir, `data-${++folders}`) }),
      cleanUp: async () => {},
    },
  ]
  const url = process.env.DATABASE_URL
  if (url) {
    const drops: (() => Promise<void>)[] = []
    drivers.push({
      name: 'postgres',
      async fresh() {
        const scratch = await createScratchDatabase(url)
        drops.push(scratch.drop)
        return { driver: 'postgres', url: scratch.url }
      },
      cleanUp: async () => {
        for (const drop of drops) await drop()
      },
    })
  }
  return drivers
}

/** A dossier as the desk shows it, and the bytes of each of its files. */
interface Seen {
  view: unknown
  files: Record<string, Uint8Array>
}

describe.each(drillDrivers())('the restore drill on $name', (driver) => {
  let source: DatabaseOptions
  let restored: DatabaseOptions
  let runtime: TestRuntime | undefined
  let manifest: BackupManifest
  const file = join(dir, `drill-${driver.name}.${driver.name === 'postgres' ? 'dump' : 'tar.gz'}`)
  const codes: string[] = []
  const officerOf = (code: string) => (codes.indexOf(code) === 2 ? 'tiepnhan.06649' : 'tiepnhan.193')
  const seen = new Map<string, Seen>()
  const counts: Record<string, number> = {}

  /** Every dossier of `codes` as the desk of `r` shows it, with its files' bytes fetched through the API. */
  const look = async (r: TestRuntime): Promise<Map<string, Seen>> => {
    const { as, view } = asOfficers(() => r)
    const found = new Map<string, Seen>()
    for (const code of codes) {
      const officer = officerOf(code)
      const desk = await view<{ attachments: { id: string }[] }>(officer, code)
      const files: Record<string, Uint8Array> = {}
      for (const { id } of desk.attachments) {
        const res = await as(officer, 'GET', `/api/desk/dossiers/${code}/files/${id}`)
        expect(res.status).toBe(200)
        files[id] = new Uint8Array(await res.arrayBuffer())
      }
      found.set(code, { view: desk, files })
    }
    return found
  }

  beforeAll(async () => {
    source = await driver.fresh()
    runtime = await openTestRuntime(() => migrated(source), { clock })
    const { act, as } = asOfficers(() => runtime!)
    for (const [procedure, unit, name] of [
      [business, '193', 'Đỗ Thị Giang'],
      [business, '193', 'Trần Văn Bình'],
      [birth, '06649', 'Lê Thị Cúc'],
      [business, '193', 'Phạm Minh Đức'],
    ] as const) {
      const res = await runtime.app.request('/api/dossiers', sampleSubmission(procedure, unit, { fullName: name }))
      expect(res.status).toBe(201)
      codes.push(((await res.json()) as { receiptCode: string }).receiptCode)
    }
    // events on some, and a file of its own on each (a result draft): blobs that are not all the same
    expect((await act('tiepnhan.193', codes[0]!, 'tiep_nhan')).status).toBe(200)
    expect((await act('tiepnhan.193', codes[1]!, 'tiep_nhan')).status).toBe(200)
    expect(
      (await act('chuyenvien.193', codes[1]!, 'yeu_cau_bo_sung', { missingItems: ['Hợp đồng thuê'] })).status,
    ).toBe(200)
    expect((await act('tiepnhan.06649', codes[2]!, 'tiep_nhan')).status).toBe(200)
    for (const [i, code] of codes.entries()) {
      const form = new FormData()
      const text = `%PDF-1.4\n% kết quả ${code} ${'x'.repeat(1000 * i)}\ntrailer<<>>\n%%EOF\n`
      form.append('attachments.ket_qua', new File([new TextEncoder().encode(text)], `ket-qua-${i}.pdf`))
      expect((await as(officerOf(code), 'POST', `/api/desk/dossiers/${code}/results`, form)).status).toBe(201)
    }
    for (const [code, s] of await look(runtime)) seen.set(code, s)
    const query = queryOf(runtime.database.db)
    for (const table of ['dossiers', 'dossier_events', 'attachments', 'attachment_blobs'])
      counts[`public.${table}`] = Number((await query(`select count(*)::int as n from ${table}`))[0]!.n)
  }, 180_000)

  afterAll(async () => {
    await runtime?.close()
    await driver.cleanUp()
  })

  if (driver.name === 'pglite')
    it('refuses to back up a data folder the runtime has open, and backs it up once it is closed', async () => {
      await expect(backupDatabase(source, file)).rejects.toMatchObject({ code: 'backup.dataDirInUse' })
      await runtime!.close()
      runtime = undefined
    })

  it('backs up with a manifest of every table, its rows and checksum', async () => {
    manifest = await backupDatabase(source, file)
    expect(manifest).toMatchObject({ driver: driver.name, migrations: expect.any(Number) })
    expect(manifest.migrations).toBeGreaterThan(20)
    const rows = Object.fromEntries(manifest.tables.map((t) => [t.table, t.rows]))
    expect(rows).toMatchObject(counts)
    expect(counts['public.dossiers']).toBe(4)
    expect(counts['public.attachment_blobs']).toBeGreaterThanOrEqual(5)
    expect(counts['public.dossier_events']).toBeGreaterThanOrEqual(8)
    expect(rows['public.units']).toBeGreaterThan(100)
    await expect(backupDatabase(source, file)).rejects.toMatchObject({ code: 'backup.fileExists' })
  })

  it('restores into a fresh database every dossier, event and attachment, byte for byte', async () => {
    restored = await driver.fresh()
    const report = await restoreDatabase(restored, file)
    expect(report.comparisons!.filter((c) => !c.same)).toEqual([])
    expect(report.comparisons!.length).toBe(manifest.tables.length)
    expect(report.migrations).toBe(report.committed)
    const again = await openTestRuntime(() => migrated(restored), { clock })
    try {
      const found = await look(again)
      expect(found.size).toBe(4)
      for (const [code, s] of seen) {
        expect(found.get(code)!.view).toEqual(s.view)
        expect(Object.keys(found.get(code)!.files).sort()).toEqual(Object.keys(s.files).sort())
        for (const [id, bytes] of Object.entries(s.files))
          expect(Buffer.compare(found.get(code)!.files[id]!, bytes)).toBe(0)
      }
    } finally {
      await again.close()
    }
  }, 120_000)

  // on a second restore, untouched by a runtime (signing in there added sessions, which the check rightly sees)
  it('finds a row changed after the restore', async () => {
    restored = await driver.fresh()
    expect((await restoreDatabase(restored, file)).comparisons!.every((c) => c.same)).toBe(true)
    const database = await openDatabase(restored)
    try {
      await queryOf(database.db)(
        `update dossiers set applicant = jsonb_set(applicant, '{fullName}', '"Người Khác"') where receipt_code = '${codes[0]}'`,
      )
    } finally {
      await database.close()
    }
    const { comparisons } = await verifyDatabase(restored, file)
    const different = comparisons.filter((c) => !c.same)
    expect(different.map((c) => c.table)).toEqual(['public.dossiers'])
    expect(different[0]!.actual!.rows).toBe(different[0]!.expected!.rows) // same count: the checksum caught it
  })

  it('refuses to restore into a database that has data, and leaves it as it was', async () => {
    await expect(restoreDatabase(restored, file)).rejects.toMatchObject({ code: 'restore.targetNotEmpty' })
    const { comparisons } = await verifyDatabase(restored, file)
    expect(comparisons.filter((c) => !c.same).map((c) => c.table)).toEqual(['public.dossiers'])
  })

  // on PostgreSQL only: a PGlite folder a server has open is refused by its lock (the process test below)
  if (driver.name === 'postgres')
    it('refuses to restore under a runtime process connected to it', async () => {
      const url = (restored as { url: string }).url
      const other = postgres(url, { max: 1, connection: { application_name: 'motcua:4242:may-chu-2' } })
      try {
        await other`select 1`
        await expect(restoreDatabase(restored, file, { force: true })).rejects.toMatchObject({
          code: 'restore.targetInUse',
          vi: expect.stringContaining('motcua:4242:may-chu-2'),
        })
      } finally {
        await other.end()
      }
      const { comparisons } = await verifyDatabase(restored, file)
      expect(comparisons.filter((c) => !c.same).map((c) => c.table)).toEqual(['public.dossiers'])
    })

  it('restores over it with --force', async () => {
    const report = await restoreDatabase(restored, file, { force: true })
    expect(report.comparisons!.filter((c) => !c.same)).toEqual([])
    if (driver.name === 'pglite') expect(report.movedAside).toMatch(/\.before-restore-\d{8}-\d{6}Z$/)
  })
})

/** `npm run <script> -- …args` in the repository, as an operator types it: its exit code and output. */
function npmRun(script: string, args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile('npm', ['run', '-s', script, '--', ...args], { cwd: repoRoot, env }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    )
  })
}

describe('npm run backup and npm run restore, as processes, beside the runtime process', () => {
  const dataDir = join(dir, 'process-data')
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir }
  delete env.DATABASE_URL
  const file = join(dir, 'process', 'motcua.tar.gz')

  it('refuses while the server has the folder open, then backs up, restores and checks', async () => {
    const server = await startRuntimeProcess(env)
    try {
      const refused = await npmRun('backup', [file, '--lang', 'en'], env)
      expect(refused.code).toBe(2)
      expect(refused.stderr).toMatch(/is open in process \d+ \(is the motcua server running\?\).*backup\.dataDirInUse/)
      expect(existsSync(file)).toBe(false)
    } finally {
      expect(await stopRuntimeProcess(server)).toBe(0)
    }
    const backedUp = await npmRun('backup', [file], env)
    expect(backedUp.code, backedUp.stderr).toBe(0)
    expect(backedUp.stdout).toMatch(/Đã sao lưu \(pglite\): .*motcua\.tar\.gz/)
    expect(existsSync(`${file}.manifest.json`)).toBe(true)

    const target = { ...env, DATA_DIR: join(dir, 'process-restored') }
    const restored = await npmRun('restore', [file], target)
    expect(restored.code, restored.stderr).toBe(0)
    expect(restored.stdout).toMatch(/Khớp hoàn toàn: \d+ bảng/)
    const again = await npmRun('restore', [file, '--lang', 'en'], target)
    expect(again.code).toBe(2)
    expect(again.stderr).toContain('restore.targetNotEmpty')
    expect((await npmRun('restore', [file, '--verify-only'], target)).code).toBe(0)
    expect((await npmRun('restore', [], target)).code).toBe(2)
  }, 180_000)
})

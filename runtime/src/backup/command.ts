import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { databaseOptionsFromEnv } from '@motcua/db'
import type { CommandIo } from '../reorganisations/command'
import { backupDatabase, restoreDatabase, verifyDatabase } from './backup'
import { BackupError } from './backup-error'
import { defaultBackupFile, manifestPath } from './manifest'
import type { TableComparison } from './table-sums'

const backupHelp = `Usage: motcua backup [file] [--force] [--lang vi|en]      (npm run backup -- [file] …)

Backs up the database of DATABASE_URL (PostgreSQL) or DATA_DIR (the embedded PGlite, default ./data).
  PostgreSQL  pg_dump -Fc (compressed), while the server keeps running: one consistent snapshot
  PGlite      a consistent copy of the data folder (.tar.gz); stop the server first: PGlite opens a
              folder from one process, so a backup of a folder in use is refused
Beside the file, <file>.manifest.json: when, driver, migrations, and every table's rows and checksum,
which a restore is checked against.

  file          where to write (default backups/motcua-<driver>-<UTC time>.dump|.tar.gz)
  --force       overwrite an existing file
  --lang vi|en  language of the messages (default vi)

Exit codes: 0 written, 2 refused or failed (the message says why).`

const restoreHelp = `Usage: motcua restore <file> [--force] [--no-verify] [--verify-only] [--lang vi|en]
       (npm run restore -- <file> …)

Restores a backup of motcua backup into the database of DATABASE_URL (PostgreSQL, with pg_restore, in one
transaction) or the folder DATA_DIR (PGlite), then counts and checksums every table and compares them with
the backup's manifest (<file>.manifest.json). Stop the server first.

  --force        restore over a database that has tables (PostgreSQL: the backup's objects are dropped
                 first) or a data folder that has data (PGlite: it is moved aside, never deleted)
  --no-verify    restore without the manifest, and without the check
  --verify-only  restore nothing: compare the database as it is with the manifest
  --lang vi|en   language of the messages (default vi)

Exit codes: 0 restored and identical, 1 the check found a difference (or the backup is newer than this
version of motcua), 2 refused or failed (the message says why).`

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`
const rowsOf = (tables: { table: string; rows: number }[], table: string) =>
  tables.find((t) => t.table === table)?.rows ?? 0

/** The lines of a check: every table, the backup's rows against the database's, and whether the checksums agree. */
function comparisonLines(comparisons: TableComparison[], lang: 'vi' | 'en'): string[] {
  const vi = lang === 'vi'
  const width = Math.max(...comparisons.map((c) => c.table.length), 10)
  const row = (a: string, b: string, c: string, d: string) =>
    `  ${a.padEnd(width)}  ${b.padStart(12)}  ${c.padStart(12)}  ${d}`
  const lines = [row(vi ? 'bảng' : 'table', vi ? 'bản sao lưu' : 'backup', vi ? 'hiện tại' : 'database', '')]
  for (const c of comparisons) {
    const mark = c.same
      ? '✓'
      : !c.expected
        ? `✗ ${vi ? 'không có trong bản sao lưu' : 'not in the backup'}`
        : !c.actual
          ? `✗ ${vi ? 'thiếu bảng' : 'table missing'}`
          : c.expected.rows !== c.actual.rows
            ? `✗ ${vi ? 'số dòng khác' : 'row count differs'}`
            : `✗ ${vi ? 'nội dung khác (checksum)' : 'contents differ (checksum)'}`
    lines.push(row(c.table, String(c.expected?.rows ?? '-'), String(c.actual?.rows ?? '-'), mark))
  }
  return lines
}

function checkSummary(comparisons: TableComparison[], lang: 'vi' | 'en'): { lines: string[]; same: boolean } {
  const different = comparisons.filter((c) => !c.same)
  const actual = comparisons.flatMap((c) => (c.actual ? [c.actual] : []))
  const [d, e, a] = ['public.dossiers', 'public.dossier_events', 'public.attachments'].map((t) => rowsOf(actual, t))
  const lines = comparisonLines(comparisons, lang)
  lines.push(
    different.length === 0
      ? lang === 'vi'
        ? `Khớp hoàn toàn: ${comparisons.length} bảng, ${d} hồ sơ, ${e} sự kiện, ${a} tệp đính kèm`
        : `Identical: ${comparisons.length} tables, ${d} dossiers, ${e} events, ${a} attachments`
      : lang === 'vi'
        ? `KHÁC với bản sao lưu: ${different.length} bảng (${different.map((c) => c.table).join(', ')})`
        : `DIFFERS from the backup: ${different.length} tables (${different.map((c) => c.table).join(', ')})`,
  )
  return { lines, same: different.length === 0 }
}

/** Runs `work`, turning a refusal into its message (with its stable code) and exit code 2. */
async function refusalsToExitCode(io: CommandIo, work: () => Promise<number>): Promise<number> {
  try {
    return await work()
  } catch (error) {
    if (!(error instanceof BackupError)) throw error
    io.err(`${error[io.lang]} (${error.code})`)
    return 2
  }
}

/** `motcua backup`: a backup of the configured database and its manifest. */
export async function backupCommand(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { force: { type: 'boolean' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  })
  if (values.help) {
    io.out(backupHelp)
    return 0
  }
  if (positionals.length > 1) {
    io.err(backupHelp)
    return 2
  }
  const { lang } = io
  const database = databaseOptionsFromEnv(process.env)
  const file = resolve(positionals[0] ?? defaultBackupFile(database.driver, new Date()))
  return refusalsToExitCode(io, async () => {
    const started = performance.now()
    const manifest = await backupDatabase(database, file, { force: !!values.force })
    const [d, e, a] = ['public.dossiers', 'public.dossier_events', 'public.attachments'].map((t) =>
      rowsOf(manifest.tables, t),
    )
    io.out(
      lang === 'vi'
        ? `Đã sao lưu (${manifest.driver}): ${file} (${mb(manifest.bytes)}, ${seconds(started)})`
        : `Backed up (${manifest.driver}): ${file} (${mb(manifest.bytes)}, ${seconds(started)})`,
    )
    io.out(
      lang === 'vi'
        ? `  ${manifest.tables.length} bảng, ${d} hồ sơ, ${e} sự kiện, ${a} tệp đính kèm, ${manifest.migrations} migration`
        : `  ${manifest.tables.length} tables, ${d} dossiers, ${e} events, ${a} attachments, ${manifest.migrations} migrations`,
    )
    io.out(`  ${lang === 'vi' ? 'tệp mô tả' : 'manifest'}: ${manifestPath(file)}`)
    return 0
  })
}

/** `motcua restore`: a backup into the configured (empty) database, checked against its manifest. */
export async function restoreCommand(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      force: { type: 'boolean' },
      'no-verify': { type: 'boolean' },
      'verify-only': { type: 'boolean' },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    io.out(restoreHelp)
    return 0
  }
  if (positionals.length !== 1 || (values['no-verify'] && values['verify-only'])) {
    io.err(restoreHelp)
    return 2
  }
  const { lang } = io
  const vi = lang === 'vi'
  const target = databaseOptionsFromEnv(process.env)
  const file = resolve(positionals[0]!)
  return refusalsToExitCode(io, async () => {
    const started = performance.now()
    if (values['verify-only']) {
      const { comparisons } = await verifyDatabase(target, file)
      const { lines, same } = checkSummary(comparisons, lang)
      for (const line of lines) (same ? io.out : io.err)(line)
      return same ? 0 : 1
    }
    const report = await restoreDatabase(target, file, { force: !!values.force, verify: !values['no-verify'] })
    if (report.movedAside)
      io.out(
        vi ? `Thư mục cũ đã chuyển sang ${report.movedAside}` : `The former folder was moved to ${report.movedAside}`,
      )
    io.out(vi ? `Đã khôi phục ${file} (${seconds(started)})` : `Restored ${file} (${seconds(started)})`)
    let code = 0
    if (report.comparisons) {
      const { lines, same } = checkSummary(report.comparisons, lang)
      for (const line of lines) (same ? io.out : io.err)(line)
      if (!same) code = 1
    }
    const { migrations, committed } = report
    if (migrations < committed)
      io.out(
        vi
          ? `Bản sao lưu có ${migrations}/${committed} migration: máy chủ áp dụng ${committed - migrations} migration còn lại khi khởi động`
          : `The backup has ${migrations} of ${committed} migrations: the server applies the other ${committed - migrations} when it starts`,
      )
    if (migrations > committed) {
      io.err(
        vi
          ? `Bản sao lưu có ${migrations} migration, phiên bản motcua này chỉ biết ${committed}: cập nhật motcua trước khi khởi động máy chủ`
          : `The backup has ${migrations} migrations, this version of motcua knows ${committed}: update motcua before starting the server`,
      )
      code = 1
    }
    return code
  })
}

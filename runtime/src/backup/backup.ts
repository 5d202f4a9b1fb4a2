import { closeSync, existsSync, mkdirSync, openSync, readSync } from 'node:fs'
import { dirname } from 'node:path'
import type { DatabaseOptions } from '@motcua/db'
import { BackupError } from './backup-error'
import { type BackupManifest, readManifest } from './manifest'
import { backupPglite, openPgliteCheck, restorePglite } from './pglite'
import { backupPostgres, openPostgresCheck, restorePostgres } from './postgres'
import { compareSums, type TableComparison, tableSums } from './table-sums'

/**
 * Backs the database up to `file` (refusing to overwrite one unless `force`) and writes its manifest beside it.
 * @example await backupDatabase(databaseOptionsFromEnv(process.env), 'backups/motcua.dump')
 */
export async function backupDatabase(
  database: DatabaseOptions,
  file: string,
  options: { force?: boolean } = {},
): Promise<BackupManifest> {
  if (existsSync(file) && !options.force)
    throw new BackupError(
      'backup.fileExists',
      `Tệp ${file} đã có: không ghi đè (chọn tên khác, hoặc --force)`,
      `${file} exists: not overwriting it (choose another name, or --force)`,
    )
  mkdirSync(dirname(file), { recursive: true })
  if (database.driver === 'postgres') return backupPostgres(database.url, file)
  if (!database.dataDir) throw new Error('an in-memory PGlite database has nothing to back up')
  return backupPglite(database.dataDir, file)
}

/** What a restore did, and the check of the restored database against the manifest (when there is one). */
export interface RestoreReport {
  manifest?: BackupManifest
  /** Table by table, the manifest's rows and checksum against the restored database's. */
  comparisons?: TableComparison[]
  /** Migrations applied in the restored database, and committed in this version of motcua. */
  migrations: number
  committed: number
  /** Where a data folder that had data went (`--force` on PGlite). */
  movedAside?: string
}

/** The driver a backup file was made on, from its first bytes: `PGDMP` (pg_dump's archive) or gzip (a PGlite folder). */
function driverOfFile(file: string): DatabaseOptions['driver'] {
  const head = Buffer.alloc(5)
  const fd = openSync(file, 'r')
  try {
    readSync(fd, head, 0, 5, 0)
  } finally {
    closeSync(fd)
  }
  if (head.toString('latin1') === 'PGDMP') return 'postgres'
  if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite'
  throw new BackupError(
    'backup.unknownFormat',
    `${file} không phải bản sao lưu của motcua (pg_dump -Fc hay .tar.gz của PGlite)`,
    `${file} is not a motcua backup (pg_dump -Fc, or a PGlite .tar.gz)`,
  )
}

const wrongDriver = (file: string, made: DatabaseOptions['driver']) =>
  made === 'postgres'
    ? new BackupError(
        'restore.wrongDriver',
        `${file} là bản sao lưu PostgreSQL: đặt DATABASE_URL tới cơ sở dữ liệu đích để khôi phục`,
        `${file} is a PostgreSQL backup: set DATABASE_URL to the target database to restore it`,
      )
    : new BackupError(
        'restore.wrongDriver',
        `${file} là bản sao lưu thư mục dữ liệu PGlite: bỏ DATABASE_URL, đặt DATA_DIR tới thư mục đích để khôi phục`,
        `${file} is a PGlite data folder backup: unset DATABASE_URL and set DATA_DIR to the target folder to restore it`,
      )

/**
 * Restores a backup into the configured database (empty, unless `force`), then counts and checksums every table
 * against the backup's manifest (unless `verify: false`).
 * @example const report = await restoreDatabase({ driver: 'pglite', dataDir: './data' }, 'backups/motcua.tar.gz')
 */
export async function restoreDatabase(
  target: DatabaseOptions,
  file: string,
  options: { force?: boolean; verify?: boolean } = {},
): Promise<RestoreReport> {
  if (!existsSync(file))
    throw new BackupError('backup.fileMissing', `Không có tệp sao lưu ${file}`, `No backup file ${file}`)
  const made = driverOfFile(file)
  if (made !== target.driver) throw wrongDriver(file, made)
  const manifest = options.verify === false ? undefined : await readManifest(file)
  const restored =
    target.driver === 'postgres'
      ? await restorePostgres(target.url, file, manifest, options)
      : await restorePglite(pgliteDir(target), file, options)
  try {
    const { migrations, committed, movedAside } = restored
    const comparisons = manifest ? compareSums(manifest.tables, await tableSums(restored.check)) : undefined
    return {
      migrations,
      committed,
      ...(manifest ? { manifest } : {}),
      ...(comparisons ? { comparisons } : {}),
      ...(movedAside ? { movedAside } : {}),
    }
  } finally {
    await restored.close()
  }
}

/**
 * Compares the configured database, as it is, with a backup's manifest: nothing is restored.
 * @example const { comparisons } = await verifyDatabase({ driver: 'postgres', url }, 'backups/motcua.dump')
 */
export async function verifyDatabase(
  target: DatabaseOptions,
  file: string,
): Promise<{ manifest: BackupManifest; comparisons: TableComparison[] }> {
  const manifest = await readManifest(file)
  if (manifest.driver !== target.driver) throw wrongDriver(file, manifest.driver)
  const { check, close } =
    target.driver === 'postgres' ? await openPostgresCheck(target.url) : await openPgliteCheck(pgliteDir(target))
  try {
    return { manifest, comparisons: compareSums(manifest.tables, await tableSums(check)) }
  } finally {
    await close()
  }
}

function pgliteDir(target: Extract<DatabaseOptions, { driver: 'pglite' }>): string {
  if (!target.dataDir) throw new Error('an in-memory PGlite database cannot be restored into')
  return target.dataDir
}

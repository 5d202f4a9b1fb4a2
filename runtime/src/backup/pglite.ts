import {
  createWriteStream,
  existsSync,
  mkdirSync,
  openAsBlob,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { committedMigrations, DataDirInUseError, dataDirHolder, LOCK_FILE, openPgliteFolder } from '@motcua/db'
import { BackupError } from './backup-error'
import { type BackupManifest, sha256OfFile, writeManifest } from './manifest'
import { appliedMigrations, type Query, type RestoredDatabase, tableSums } from './table-sums'

const inUse = (dataDir: string, pid: number, doing: { vi: string; en: string }) =>
  new BackupError(
    'backup.dataDirInUse',
    `Thư mục dữ liệu ${dataDir} đang được tiến trình ${pid} mở (máy chủ motcua đang chạy?): dừng nó trước khi ${doing.vi}. PGlite chỉ cho một tiến trình mở một thư mục`,
    `The data folder ${dataDir} is open in process ${pid} (is the motcua server running?): stop it before ${doing.en}. PGlite allows one process per folder`,
  )

/** Opens a folder for this process alone, turning "in use" into the command's message. */
async function open(dataDir: string, doing: { vi: string; en: string }, loadDataDir?: Blob) {
  try {
    return await openPgliteFolder(dataDir, loadDataDir ? { loadDataDir } : {})
  } catch (error) {
    if (error instanceof DataDirInUseError) throw inUse(dataDir, error.pid, doing)
    throw error
  }
}

const clientQuery =
  (client: { query(text: string): Promise<{ rows: unknown[] }> }): Query =>
  async (text) =>
    (await client.query(text)).rows as Record<string, unknown>[]

/**
 * A consistent copy of a PGlite data folder: opened by this process alone (refused while the server has it open),
 * checkpointed, and written as the `.tar.gz` of `dumpDataDir()`, with the manifest read from the same state.
 */
export async function backupPglite(dataDir: string, file: string): Promise<BackupManifest> {
  if (!existsSync(join(dataDir, 'PG_VERSION')))
    throw new BackupError(
      'backup.noDatabase',
      `Không có cơ sở dữ liệu trong thư mục ${dataDir} (DATA_DIR)`,
      `No database in the folder ${dataDir} (DATA_DIR)`,
    )
  const folder = await open(dataDir, { vi: 'sao lưu', en: 'backing up' })
  const partial = `${file}.partial`
  try {
    const query = clientQuery(folder.client)
    const [version] = await query(`select current_setting('server_version') as v`)
    const tables = await tableSums(query)
    const migrations = await appliedMigrations(query)
    await query('checkpoint') // every change in the data files, so the copy needs little recovery
    const tarball = await folder.client.dumpDataDir('gzip')
    await pipeline(Readable.fromWeb(tarball.stream() as WebReadableStream), createWriteStream(partial))
    renameSync(partial, file)
    return writeManifest(file, {
      createdAt: new Date().toISOString(),
      driver: 'pglite',
      bytes: statSync(file).size,
      sha256: await sha256OfFile(file),
      serverVersion: String(version!.v),
      migrations,
      tables,
    })
  } finally {
    rmSync(partial, { force: true })
    await folder.close()
  }
}

/**
 * Unpacks a backup into the data folder, which must be empty or absent; with `force` a folder that has data is
 * first moved aside to `<folder>.before-restore-<time>` (never deleted), unless a process has it open.
 */
export async function restorePglite(
  dataDir: string,
  file: string,
  options: { force?: boolean; at?: Date } = {},
): Promise<RestoredDatabase> {
  let movedAside: string | undefined
  if (existsSync(dataDir) && readdirSync(dataDir).some((name) => name !== LOCK_FILE)) {
    const holder = dataDirHolder(dataDir)
    if (holder !== undefined) throw inUse(dataDir, holder, { vi: 'khôi phục vào nó', en: 'restoring into it' })
    if (!options.force)
      throw new BackupError(
        'restore.targetNotEmpty',
        `Thư mục dữ liệu ${dataDir} (DATA_DIR) không trống: không khôi phục đè. Chọn một thư mục trống, hoặc thêm --force để chuyển thư mục hiện có sang tên khác rồi khôi phục`,
        `The data folder ${dataDir} (DATA_DIR) is not empty: not restoring over it. Choose an empty folder, or add --force to move the current one aside first`,
      )
    const stamp = (options.at ?? new Date()).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)
    movedAside = `${dataDir.replace(/\/+$/, '')}.before-restore-${stamp}Z`
    renameSync(dataDir, movedAside)
  }
  mkdirSync(dataDir, { recursive: true })
  let folder: Awaited<ReturnType<typeof open>> | undefined
  try {
    folder = await open(dataDir, { vi: 'khôi phục vào nó', en: 'restoring into it' }, await openAsBlob(file))
    const query = clientQuery(folder.client)
    const opened = folder
    return {
      migrations: await appliedMigrations(query),
      committed: committedMigrations(),
      check: query,
      ...(movedAside ? { movedAside } : {}),
      close: () => opened.close(),
    }
  } catch (error) {
    // leave things as they were: no half-unpacked folder, the moved one back in its place
    await folder?.close().catch(() => {})
    if (error instanceof BackupError && error.code === 'backup.dataDirInUse') throw error // another process took it
    rmSync(dataDir, { recursive: true, force: true })
    if (movedAside) renameSync(movedAside, dataDir)
    throw error
  }
}

/** The data folder opened (alone) to be checked against a manifest as it is. */
export async function openPgliteCheck(dataDir: string): Promise<{ check: Query; close(): Promise<void> }> {
  const folder = await open(dataDir, { vi: 'kiểm tra', en: 'checking it' })
  return { check: clientQuery(folder.client), close: () => folder.close() }
}

import { createHash } from 'node:crypto'
import { createReadStream, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { DatabaseOptions } from '@motcua/db'
import { BackupError } from './backup-error'
import type { TableSum } from './table-sums'

/** What a backup holds, written beside it (`<backup>.manifest.json`): what a restore is checked against. */
export interface BackupManifest {
  format: 'motcua-backup/1'
  createdAt: string
  driver: DatabaseOptions['driver']
  /** The backup file's name (beside the manifest), size and sha256: a damaged or truncated copy is refused. */
  file: string
  bytes: number
  sha256: string
  /** `server_version` of the database backed up; for PostgreSQL also the major version of the `pg_dump` used. */
  serverVersion: string
  pgDumpMajor?: number
  /** Migrations applied in the database backed up. */
  migrations: number
  tables: TableSum[]
}

/** Where a backup's manifest is. */
export const manifestPath = (backupFile: string): string => `${backupFile}.manifest.json`

/** `backups/motcua-<driver>-<UTC date and time>.<dump|tar.gz>`, the name a backup gets when none is given. */
export function defaultBackupFile(driver: DatabaseOptions['driver'], at: Date, dir = 'backups'): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)
  return join(dir, `motcua-${driver}-${stamp}Z.${driver === 'postgres' ? 'dump' : 'tar.gz'}`)
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

export function writeManifest(backupFile: string, manifest: Omit<BackupManifest, 'format' | 'file'>): BackupManifest {
  const full: BackupManifest = { format: 'motcua-backup/1', file: basename(backupFile), ...manifest }
  writeFileSync(manifestPath(backupFile), `${JSON.stringify(full, null, 2)}\n`)
  return full
}

/** Reads a backup's manifest and checks the file against it (size and sha256) before anything is restored. */
export async function readManifest(backupFile: string): Promise<BackupManifest> {
  const path = manifestPath(backupFile)
  if (!existsSync(backupFile))
    throw new BackupError('backup.fileMissing', `Không có tệp sao lưu ${backupFile}`, `No backup file ${backupFile}`)
  if (!existsSync(path))
    throw new BackupError(
      'backup.manifestMissing',
      `Không có tệp mô tả ${path} bên cạnh bản sao lưu: thiếu nó thì không kiểm tra được bản khôi phục (dùng --no-verify nếu chấp nhận)`,
      `No manifest ${path} beside the backup: without it the restore cannot be checked (--no-verify to accept that)`,
    )
  let manifest: BackupManifest
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as BackupManifest
  } catch {
    manifest = {} as BackupManifest
  }
  if (manifest.format !== 'motcua-backup/1' || !Array.isArray(manifest.tables))
    throw new BackupError(
      'backup.manifestInvalid',
      `Tệp mô tả ${path} không đúng định dạng motcua-backup/1`,
      `The manifest ${path} is not a motcua-backup/1 manifest`,
    )
  if ((await sha256OfFile(backupFile)) !== manifest.sha256)
    throw new BackupError(
      'backup.fileDamaged',
      `Tệp sao lưu ${backupFile} không khớp mã băm trong tệp mô tả: tệp bị hỏng hoặc chép thiếu, không khôi phục`,
      `The backup ${backupFile} does not match its manifest's sha256: damaged or incomplete, not restored`,
    )
  return manifest
}

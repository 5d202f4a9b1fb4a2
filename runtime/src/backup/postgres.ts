import { renameSync, rmSync, statSync } from 'node:fs'
import { committedMigrations, type Database, type Db, openDatabase, selectRows } from '@motcua/db'
import { sql } from 'drizzle-orm'
import { BackupError } from './backup-error'
import { type BackupManifest, sha256OfFile, writeManifest } from './manifest'
import { chooseTool, findPgTools, redact, runPgTool } from './pg-tools'
import { appliedMigrations, type Query, type RestoredDatabase, tableSums } from './table-sums'

/** Raw SQL text through drizzle, on either driver (`selectRows`). */
export const queryOf =
  (db: Db): Query =>
  (text) =>
    selectRows(db, sql.raw(text))

const serverVersion = async (query: Query) => {
  const [row] = await query(`select current_setting('server_version') as v, current_setting('server_version_num') as n`)
  return { version: String(row!.v), major: Math.floor(Number(row!.n) / 10_000) }
}

async function openServer(url: string): Promise<Database> {
  const database = await openDatabase({ driver: 'postgres', url, maxConnections: 2 })
  try {
    await database.db.execute(sql`select 1`)
    return database
  } catch (error) {
    await database.close().catch(() => {})
    // the server's or the network's words (no such database, refused, authentication failed) without the password
    const cause =
      error instanceof Error ? redact((error.cause as Error | undefined)?.message ?? error.message, url) : ''
    throw new BackupError(
      'backup.connect',
      `Không kết nối được cơ sở dữ liệu của DATABASE_URL: ${cause}`,
      `Cannot connect to the database of DATABASE_URL: ${cause}`,
    )
  }
}

/**
 * `pg_dump -Fc` of the database, and its manifest from the same snapshot: a repeatable-read transaction exports
 * its snapshot, counts and checksums the tables in it, and `pg_dump --snapshot` dumps exactly that state while
 * the server keeps taking dossiers.
 */
export async function backupPostgres(url: string, file: string): Promise<BackupManifest> {
  const database = await openServer(url)
  const partial = `${file}.partial`
  try {
    const manifest = await database.db.transaction(
      async (tx) => {
        const query = queryOf(tx as unknown as Db)
        const [snapshot] = await query('select pg_export_snapshot() as id')
        const server = await serverVersion(query)
        const pgDump = chooseTool(await findPgTools('pg_dump'), 'pg_dump', server.major)
        // pg_dump imports the snapshot while this transaction holds it open, then the sums read the same state
        await runPgTool(
          pgDump,
          ['--format=custom', `--snapshot=${snapshot!.id}`, `--file=${partial}`],
          url,
          'backup.pgDump',
        )
        const tables = await tableSums(query)
        const migrations = await appliedMigrations(query)
        return { server, pgDumpMajor: pgDump.major, tables, migrations }
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    )
    renameSync(partial, file)
    return writeManifest(file, {
      createdAt: new Date().toISOString(),
      driver: 'postgres',
      bytes: statSync(file).size,
      sha256: await sha256OfFile(file),
      serverVersion: manifest.server.version,
      pgDumpMajor: manifest.pgDumpMajor,
      migrations: manifest.migrations,
      tables: manifest.tables,
    })
  } finally {
    rmSync(partial, { force: true })
    await database.close()
  }
}

/** Tables, views, sequences in motcua's schemas: any means the target is not empty. */
const objectsIn = async (query: Query): Promise<number> => {
  const [row] = await query(`select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname in ('public', 'drizzle') and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')`)
  return Number(row!.n)
}

/**
 * The runtime processes connected to this database, by their connection's name (`motcua:<pid>:<host>`, set by
 * `openDatabase`), this process excepted: restoring under them would leave them serving from stale caches.
 */
const runtimesConnected = async (query: Query): Promise<string[]> =>
  (
    await query(`select distinct application_name as name from pg_stat_activity
      where datname = current_database() and application_name like 'motcua:%'
        and application_name <> current_setting('application_name') order by 1`)
  ).map((row) => String(row.name))

/**
 * `pg_restore` of a backup into the database of `url`, in one transaction (all of it or nothing); refuses a
 * database that has tables unless `force` (then objects of the backup are dropped first: `--clean`), and one that
 * runtime processes are connected to.
 */
export async function restorePostgres(
  url: string,
  file: string,
  manifest: BackupManifest | undefined,
  options: { force?: boolean } = {},
): Promise<RestoredDatabase> {
  const database = await openServer(url)
  try {
    const query = queryOf(database.db)
    if (!options.force && (await objectsIn(query)) > 0)
      throw new BackupError(
        'restore.targetNotEmpty',
        'Cơ sở dữ liệu đích (DATABASE_URL) đã có bảng: không khôi phục đè. Dùng một cơ sở dữ liệu trống, hoặc thêm --force để xoá các bảng của bản sao lưu rồi khôi phục',
        'The target database (DATABASE_URL) has tables: not restoring over them. Use an empty database, or add --force to drop the backup’s tables first',
      )
    const connected = await runtimesConnected(query)
    if (connected.length)
      throw new BackupError(
        'restore.targetInUse',
        `${connected.length} tiến trình motcua đang kết nối cơ sở dữ liệu đích (${connected.join(', ')}): dừng chúng (systemctl stop motcua) rồi khôi phục lại`,
        `${connected.length} motcua ${connected.length === 1 ? 'process is' : 'processes are'} connected to the target database (${connected.join(', ')}): stop them (systemctl stop motcua), then restore again`,
      )
    const server = await serverVersion(query)
    const pgRestore = chooseTool(await findPgTools('pg_restore'), 'pg_restore', server.major, manifest?.pgDumpMajor)
    await runPgTool(
      pgRestore,
      [
        '--single-transaction',
        '--exit-on-error',
        // the tables belong to the role restoring them: the backed-up server's roles need not exist here
        '--no-owner',
        '--no-acl',
        ...(options.force ? ['--clean', '--if-exists'] : []),
        file,
      ],
      url,
      'restore.pgRestore',
    )
    return {
      migrations: await appliedMigrations(query),
      committed: committedMigrations(),
      check: query,
      close: () => database.close(),
    }
  } catch (error) {
    await database.close()
    throw error
  }
}

/** The database of `url` opened to be checked against a manifest as it is. */
export async function openPostgresCheck(url: string): Promise<{ check: Query; close(): Promise<void> }> {
  const database = await openServer(url)
  return { check: queryOf(database.db), close: () => database.close() }
}

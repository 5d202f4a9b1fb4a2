import { PGlite } from '@electric-sql/pglite'
import { lockDataDir, relockDataDir } from './data-dir-lock'
import { pgliteExtensions } from './open-database'

/** A PGlite data folder held by this process, with the raw client (for a backup's `dumpDataDir`). */
export interface PgliteFolder {
  readonly client: PGlite
  close(): Promise<void>
}

/**
 * Opens a data folder (which must exist) for this process alone, or throws `DataDirInUseError`; with
 * `loadDataDir`, an empty folder is first filled from that tarball (a `dumpDataDir()` of another folder).
 * @example const folder = await openPgliteFolder('./data'); const tarball = await folder.client.dumpDataDir('gzip')
 */
export async function openPgliteFolder(dataDir: string, options: { loadDataDir?: Blob } = {}): Promise<PgliteFolder> {
  let release = lockDataDir(dataDir)
  let client: PGlite
  try {
    client = new PGlite({ dataDir, extensions: pgliteExtensions, ...options })
    await client.waitReady
  } catch (error) {
    release()
    throw error
  }
  // the tarball carries the lock of the process that made it, over ours
  if (options.loadDataDir) release = relockDataDir(dataDir, release)
  return { client, close: () => client.close().finally(release) }
}

import { randomUUID } from 'node:crypto'
import { readFileSync, realpathSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** The file a process holds in a PGlite data folder while it has the folder open. */
export const LOCK_FILE = 'motcua.lock'

/** The folders this process has open: the lock file holds our own pid, which is alive, so it cannot tell. */
const openHere = new Set<string>()

/** Another process (or this one) has the data folder open: PGlite is single-process, a second opener would corrupt it. */
export class DataDirInUseError extends Error {
  readonly code = 'DATA_DIR_IN_USE'
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`The data folder ${dataDir} is open in process ${pid}: stop it first (PGlite allows one process per folder)`)
    this.name = 'DataDirInUseError'
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to another user
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The pid holding the folder, or undefined when nobody does (no lock file, or one left by a process that died). */
export function dataDirHolder(dataDir: string): number | undefined {
  let pid: number
  try {
    pid = Number((JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')) as { pid?: unknown }).pid)
  } catch {
    return undefined // none, or unreadable (a crash while writing it): nobody holds it
  }
  if (!Number.isInteger(pid) || pid <= 0) return undefined
  if (pid === process.pid) return openHere.has(realpathSync(dataDir)) ? pid : undefined
  return alive(pid) ? pid : undefined
}

/**
 * Takes the data folder (which must exist) for this process, or throws `DataDirInUseError`; a stale lock of a
 * dead process is replaced. Returns the release, which leaves a lock another process took since alone.
 * @example const release = lockDataDir('./data'); try { … } finally { release() }
 */
export function lockDataDir(dataDir: string): () => void {
  const key = realpathSync(dataDir)
  const file = join(dataDir, LOCK_FILE)
  const token = randomUUID()
  const content = `${JSON.stringify({ pid: process.pid, token, since: new Date().toISOString() })}\n`
  const take = () => writeFileSync(file, content, { flag: 'wx' })
  try {
    take()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    const holder = dataDirHolder(dataDir)
    if (holder !== undefined) throw new DataDirInUseError(dataDir, holder)
    unlinkSync(file) // stale: its process is gone
    take() // a second process racing for the same stale lock fails here with EEXIST
  }
  openHere.add(key)
  return () => {
    openHere.delete(key)
    try {
      if (readFileSync(file, 'utf8').includes(token)) unlinkSync(file)
    } catch {
      // already gone
    }
  }
}

/**
 * Writes this process's lock again after something replaced the file (a restored tarball carries the lock of
 * the process that made the backup); the folder must be locked by this process.
 */
export function relockDataDir(dataDir: string, release: () => void): () => void {
  release()
  try {
    unlinkSync(join(dataDir, LOCK_FILE))
  } catch {
    // none
  }
  return lockDataDir(dataDir)
}

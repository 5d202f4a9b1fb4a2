import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { DataDirInUseError, dataDirHolder, LOCK_FILE, lockDataDir } from './data-dir-lock'
import { openDatabase } from './open-database'

describe('the lock of a PGlite data folder', () => {
  const root = mkdtempSync(join(tmpdir(), 'motcua-lock-'))
  afterAll(() => rmSync(root, { recursive: true, force: true }))
  const folder = (name: string) => join(root, name)

  it('keeps a second opener out while the database is open, in this process too, and lets it in after close', async () => {
    const dataDir = folder('open')
    const database = await openDatabase({ driver: 'pglite', dataDir })
    await expect(openDatabase({ driver: 'pglite', dataDir })).rejects.toBeInstanceOf(DataDirInUseError)
    expect(dataDirHolder(dataDir)).toBe(process.pid)
    await database.close()
    expect(dataDirHolder(dataDir)).toBeUndefined()
    const again = await openDatabase({ driver: 'pglite', dataDir })
    await again.close()
  })

  it('ignores a lock left by a process that has died', () => {
    const dataDir = folder('stale')
    const dead = spawnSync(process.execPath, ['-e', '']).pid!
    rmSync(dataDir, { recursive: true, force: true })
    mkdirSync(dataDir, { recursive: true })
    writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify({ pid: dead, token: 'x' }))
    expect(dataDirHolder(dataDir)).toBeUndefined()
    const release = lockDataDir(dataDir)
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')).pid).toBe(process.pid)
    release()
  })

  it('refuses a folder another live process holds, and names it', async () => {
    const dataDir = folder('live')
    mkdirSync(dataDir, { recursive: true })
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'])
    try {
      writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify({ pid: other.pid, token: 'x' }))
      expect(() => lockDataDir(dataDir)).toThrow(DataDirInUseError)
      expect(() => lockDataDir(dataDir)).toThrow(`process ${other.pid}`)
    } finally {
      other.kill()
    }
  })
})

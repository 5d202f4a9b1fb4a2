// `npm start` builds through this: `node runtime/scripts/build-once.mjs <dir> <command…>` runs the build command
// while holding a lock (the folder <dir>/.build-lock), so two starts from one checkout at the same moment never
// build over each other (the build first empties dist/, which the other was about to run). A start that waited
// while another built uses that build instead of building again.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const [dir, ...command] = process.argv.slice(2)
if (!dir || command.length === 0) {
  console.error('usage: node build-once.mjs <dir> <command…>')
  process.exit(2)
}
const lock = join(dir, '.build-lock')
const done = join(dir, '.last-build')
const asked = Date.now()
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)

const alive = (pid) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return error.code === 'EPERM'
  }
}

/** Takes the lock; true when another build held it meanwhile. */
function acquire() {
  let waited = false
  for (;;) {
    try {
      mkdirSync(lock)
      writeFileSync(join(lock, 'pid'), String(process.pid))
      return waited
    } catch (error) {
      if (error.code !== 'EEXIST') throw error
    }
    let holder
    try {
      holder = Number(readFileSync(join(lock, 'pid'), 'utf8'))
    } catch {
      // the holder has made the folder and not yet written its pid; a folder this old was left by a crash
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > 60_000)
        rmSync(lock, { recursive: true, force: true })
    }
    if (holder && !alive(holder)) {
      console.error(`build-once: removing the lock of build ${holder}, which is gone`)
      rmSync(lock, { recursive: true, force: true })
      continue
    }
    if (!waited) console.error('build-once: another start is building; waiting for it')
    waited = true
    sleep(250)
  }
}

const waited = acquire()
let status = 0
try {
  const builtSince = waited && (statSync(done, { throwIfNoEntry: false })?.mtimeMs ?? 0) >= asked
  if (builtSince) console.error('build-once: using the build the other start just made')
  else {
    const run = spawnSync(command[0], command.slice(1), { stdio: 'inherit' })
    status = run.status ?? 1
    if (status === 0) writeFileSync(done, new Date().toISOString())
  }
} finally {
  rmSync(lock, { recursive: true, force: true })
}
process.exit(status)

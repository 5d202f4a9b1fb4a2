// postgres.js 3.4.9 can write to a connection whose socket is already gone: `nextWrite`, run from setImmediate,
// throws "Cannot read properties of null (reading 'write')" outside any promise and the whole process exits. It
// happens when PostgreSQL restarts under load (test/runtime/database-restart.test.ts made it happen). Reported
// upstream as porsager/postgres#1066, #1154 and #1208; the guard below is the one the open pull requests #1168 and
// #1209 propose: drop the write and fail what was sent with CONNECTION_CLOSED, which the runtime answers 503.
// Applied after every `npm install`/`npm ci` (the root `postinstall`); remove it once a release has the guard.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const MARK = 'motcua: guard against a closed socket'
const ORIGINAL = `  function nextWrite(fn) {
    const x = socket.write(chunk, fn)`
const GUARDED = `  function nextWrite(fn) {
    if (!socket) { // ${MARK} (porsager/postgres#1154)
      nextWriteTimer !== null && clearImmediate(nextWriteTimer)
      chunk = nextWriteTimer = null
      error(Errors.connection('CONNECTION_CLOSED', options))
      return false
    }
    const x = socket.write(chunk, fn)`

// the one copy npm hoists for every workspace (`npm ls postgres`)
const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'postgres')
if (!existsSync(join(root, 'package.json'))) process.exit(0) // not installed: nothing to patch
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
for (const file of ['src/connection.js', 'cjs/src/connection.js', 'cf/src/connection.js']) {
  const path = join(root, file)
  if (!existsSync(path)) continue
  const source = readFileSync(path, 'utf8')
  if (source.includes(MARK)) continue
  if (!source.includes(ORIGINAL)) {
    if (/function nextWrite\(fn\) \{\s*if \(!socket/.test(source)) continue // fixed upstream: drop this script
    console.error(
      `patch-postgres: postgres ${version} ${file} changed; check whether the nextWrite guard is still needed`,
    )
    process.exit(1)
  }
  writeFileSync(path, source.replace(ORIGINAL, GUARDED))
  console.log(`patch-postgres: guarded nextWrite in postgres ${version} ${file}`)
}

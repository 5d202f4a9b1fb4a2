import { fileURLToPath } from 'node:url'
import { errorFields, log } from './log'
import { serveOptions } from './serve/options'
import { supervise } from './serve/supervisor'

// `npm run serve -- --workers N`: runs the built runtime N times on PORT, PORT+1, …; never builds (`npm start` builds
// first). SIGHUP restarts the processes one at a time; SIGTERM or SIGINT stops them all, each draining first.
let options: ReturnType<typeof serveOptions>
try {
  options = serveOptions(process.argv.slice(2), process.env)
} catch (error) {
  console.error(`motcua serve: ${(error as Error).message}`)
  process.exit(2)
}
const fromSource = import.meta.url.endsWith('.ts')
const script = fileURLToPath(new URL(fromSource ? './main.ts' : './main.js', import.meta.url))
const supervisor = supervise(script, options, fromSource ? process.execArgv : [])
log('serving', { workers: options.workers, ports: `${options.port}-${options.port + options.workers - 1}` })

process.on('SIGHUP', () => {
  supervisor.rollingRestart().catch((error: unknown) => log('rolling restart failed', errorFields(error), 'error'))
})
let stopping = false
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    log('stopping', { signal })
    supervisor.stop().then(() => process.exit(0))
  })
}

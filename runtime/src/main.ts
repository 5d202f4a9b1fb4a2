import { configFromEnv } from './config'
import { errorFields, log } from './log'
import { startRuntime } from './server'

const config = configFromEnv(process.env)
const { database } = config
const runtime = await startRuntime(config)
log('motcua is running', {
  url: runtime.url,
  database: database.driver,
  ...(database.driver === 'pglite' ? { dataDir: database.dataDir } : {}),
})
console.log(`\n  motcua: open ${runtime.url}\n`)

let stopping = false
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    log('stopping', { signal })
    runtime.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log('stopping failed', errorFields(error), 'error')
        process.exit(1)
      },
    )
  })
}

import { databaseOptionsFromEnv } from '@motcua/db'
import { errorFields, log } from './log'
import { DEFAULT_DEMO_PASSWORD } from './seed/demo-accounts'
import { startRuntime } from './server'

const env = process.env
const database = databaseOptionsFromEnv(env)
const seedDemo = database.driver === 'pglite' || env.SEED_DEMO === '1'
const runtime = await startRuntime({
  port: Number(env.PORT ?? 3000),
  host: env.HOST ?? '127.0.0.1',
  database,
  ...(env.PROCEDURES_DIR ? { proceduresDir: env.PROCEDURES_DIR } : {}),
  ...(env.PLUGINS_DIR ? { pluginsDir: env.PLUGINS_DIR } : {}),
  ...(env.OUTBOX_INTERVAL_MS ? { outboxIntervalMs: Number(env.OUTBOX_INTERVAL_MS) } : {}),
  ...(env.TRACK_RATE_LIMIT ? { trackLimitPerMinute: Number(env.TRACK_RATE_LIMIT) } : {}),
  ...(env.SUBMIT_RATE_LIMIT ? { submitLimitPerMinute: Number(env.SUBMIT_RATE_LIMIT) } : {}),
  ...(seedDemo ? { demoPassword: env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD } : {}),
})
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

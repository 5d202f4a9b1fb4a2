import { fileURLToPath } from 'node:url'
import { DataDirInUseError } from '@motcua/db'
import { configFromEnv } from './config'
import { errorFields, log } from './log'
import { startRuntime } from './server'

const config = configFromEnv(process.env)
const { database } = config
// `npm run dev` runs this file from its TypeScript source: the web apps served are the ones `npm run build:server` built
const built = (app: string) => fileURLToPath(new URL(`../dist/${app}`, import.meta.url))
const runtime = await startRuntime(
  import.meta.url.endsWith('.ts')
    ? { webDir: built('web'), studioDir: built('studio'), deskDir: built('desk'), ...config }
    : config,
).catch((error: unknown) => {
  if (!(error instanceof DataDirInUseError)) throw error
  console.error(
    `\n  motcua: thư mục dữ liệu ${error.dataDir} đang được tiến trình ${error.pid} dùng. Hãy dừng tiến trình đó ` +
      `(hoặc đặt DATA_DIR khác) rồi chạy lại.\n  The data folder ${error.dataDir} is in use by process ${error.pid}: ` +
      'stop it (or set another DATA_DIR) and start again.\n',
  )
  process.exit(2)
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

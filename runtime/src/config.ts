import { type DatabaseOptions, databaseOptionsFromEnv } from '@motcua/db'
import { LOG_LEVELS, type LogLevel } from './log'
import { DEFAULT_DEMO_PASSWORD } from './seed/demo-accounts'

/** Everything `npm start` can be told, read once from the environment (the README's Configuration table). */
export interface RuntimeConfig {
  port: number
  host: string
  database: DatabaseOptions
  /** Seeds the demo accounts with this password (on PGlite, or with SEED_DEMO=1). */
  demoPassword?: string
  /** The procedure library imported on first start (default: the repository's `procedures/`). */
  proceduresDir?: string
  /** Where the plugin packages are (default: the repository's `plugins/`). */
  pluginsDir?: string
  /** Development: reload a plugin when a file of its source folder changes (PLUGINS_WATCH=1, `npm run dev`). */
  pluginsWatch?: boolean
  /** The shipped reorganisation plans (default: the repository's `reorganisations/`). */
  reorganisationsDir?: string
  /** The built portal (default: next to the server bundle). */
  webDir?: string
  /** Derives the lookup PINs; default: one generated on first start and kept in the database. */
  secretKey?: string
  outboxIntervalMs?: number
  trackLimitPerMinute?: number
  submitLimitPerMinute?: number
  /** On SIGTERM, how long requests in flight may take to finish before their connections are closed. */
  drainTimeoutMs?: number
  /** On SIGTERM, how long the process keeps answering new requests 503 before it stops listening. */
  drainLingerMs?: number
  /** Behind a reverse proxy: limits count the first X-Forwarded-For address. */
  trustProxy: boolean
  /** The least severe log lines written (LOG_LEVEL: debug, info, warn, error or silent; default info). */
  logLevel?: LogLevel
  /** Lets Prometheus on another machine read `/metrics` with `Authorization: Bearer <token>`. */
  metricsToken?: string
}

/** A METRICS_TOKEN shorter than this is refused at start: it is the only lock on `/metrics` from the network. */
export const METRICS_TOKEN_MIN_LENGTH = 16

/**
 * Reads the configuration once; a setting that is not a number where one is needed stops the start with a
 * message naming it.
 * @example const config = configFromEnv(process.env)
 */
export function configFromEnv(env: Record<string, string | undefined>): RuntimeConfig {
  const number = (name: string, { min = 0 } = {}): number | undefined => {
    const raw = env[name]
    if (raw === undefined || raw === '') return undefined
    const value = Number(raw)
    if (!Number.isInteger(value) || value < min)
      throw new Error(`${name} must be a whole number ≥ ${min}, not "${raw}"`)
    return value
  }
  const text = (name: string) => env[name] || undefined
  const database = databaseOptionsFromEnv(env)
  const logLevel = text('LOG_LEVEL')
  if (logLevel !== undefined && !(LOG_LEVELS as readonly string[]).includes(logLevel))
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${logLevel}"`)
  const config: RuntimeConfig = {
    port: number('PORT') ?? 3000,
    host: text('HOST') ?? '127.0.0.1',
    database,
    trustProxy: env.TRUST_PROXY === '1',
  }
  if (env.PLUGINS_WATCH === '1') config.pluginsWatch = true
  const metricsToken = text('METRICS_TOKEN')
  if (
    metricsToken !== undefined &&
    (metricsToken.length < METRICS_TOKEN_MIN_LENGTH || !/^[\x21-\x7e]+$/.test(metricsToken))
  )
    throw new Error(
      `METRICS_TOKEN must be at least ${METRICS_TOKEN_MIN_LENGTH} printable ASCII characters without spaces (e.g. \`openssl rand -hex 16\`)`,
    )
  const optional = {
    proceduresDir: text('PROCEDURES_DIR'),
    reorganisationsDir: text('REORGANISATIONS_DIR'),
    pluginsDir: text('PLUGINS_DIR'),
    webDir: text('WEB_DIR'),
    secretKey: text('SECRET_KEY'),
    outboxIntervalMs: number('OUTBOX_INTERVAL_MS', { min: 100 }),
    trackLimitPerMinute: number('TRACK_RATE_LIMIT', { min: 1 }),
    submitLimitPerMinute: number('SUBMIT_RATE_LIMIT'),
    drainTimeoutMs: number('DRAIN_TIMEOUT_MS'),
    drainLingerMs: number('DRAIN_LINGER_MS'),
    logLevel: logLevel as LogLevel | undefined,
    metricsToken,
    demoPassword:
      database.driver === 'pglite' || env.SEED_DEMO === '1' ? env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD : undefined,
  }
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) Object.assign(config, { [key]: value })
  return config
}

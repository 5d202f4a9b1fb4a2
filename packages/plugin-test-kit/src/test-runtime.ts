import { rmSync } from 'node:fs'
import { type Database, dossiers, outbox, units } from '@motcua/db'
import { testDrivers } from '@motcua/db/testing'
import {
  createOutboxWorker,
  defaultProceduresDir,
  openTestRuntime,
  type TestRuntime as Runtime,
  sampleSubmission,
  signIn,
} from '@motcua/runtime/testing'
import { and, asc, eq, gt, type SQL } from 'drizzle-orm'
import { createTestClock, type TestClock } from './clock'
import { readProcedures, subsetLibrary } from './library'

export interface StartOptions {
  /** The plugin modules to load, each in its own worker, e.g. `new URL('./index.ts', import.meta.url).href`. */
  plugins: string[]
  /** Library procedures to import, by folder name under `procedures/` or by code (default: the whole library). */
  procedures?: string[]
  /** Where the clock starts (default: the real time now); the clock then moves only when the test moves it. */
  at?: Date | string
  /** Opens a fresh, migrated database (default: in-memory PGlite; see `testDrivers` of `@motcua/db/testing`). */
  database?: () => Promise<Database>
}

/** A failed request of the kit (`enable`, `submit`, `act`): the HTTP status and the error body the runtime sent. */
export class TestKitError extends Error {
  override name = 'TestKitError'
  constructor(
    message: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`${message}: HTTP ${status} ${JSON.stringify(body)}`)
  }
}

/** One outbox row: a queued hook (`hook.onSubmit`, `hook.afterAction`), a message a plugin sent, or a failure. */
export interface OutboxRow {
  id: number
  plugin: string | null
  topic: string
  payload: unknown
  state: 'pending' | 'delivered' | 'dead' | 'discarded'
  attempts: number
  lastError: string | null
  nextAttemptAt: Date
  receiptCode: string | null
}

/** What the outbox worker did in one run. */
export interface OutboxRun {
  hooks: number
  delivered: number
  failed: number
}

export interface TestRuntime {
  clock: TestClock
  /** Enables (or, with `enabled: false`, disables) a plugin for a unit, optionally one procedure, as the province admin. */
  enable(
    slug: string,
    setting: { unit: string; procedure?: string; config?: Record<string, unknown>; enabled?: boolean },
  ): Promise<void>
  /** Files a dossier online at `unit`, with the procedure's `sample.json` unless `form` is given. */
  submit(dossier: {
    procedure: string
    unit: string
    form?: Record<string, unknown>
    applicant?: { fullName: string; idNumber?: string; phone?: string; email?: string }
  }): Promise<{ receiptCode: string; status: number; fees: { key: string; name: string; amount: number }[] }>
  /**
   * Takes a step action on a dossier as the demo officer of the unit and role of its current step
   * (`tiepnhan.<unit>`, `chuyenvien.<unit>`, `lanhdao.<unit>`), or as the account `as`.
   */
  act(
    receiptCode: string,
    action: string,
    options?: { inputs?: Record<string, unknown>; as?: string },
  ): Promise<{ status: number; version: number }>
  /** Runs the outbox at the clock's time: queued hooks, then the deliveries due. */
  runOutbox(): Promise<OutboxRun>
  /** The outbox rows, oldest first, optionally of one plugin, topic or state. */
  outbox(filter?: { plugin?: string; topic?: string; state?: OutboxRow['state'] }): Promise<OutboxRow[]>
  /** A request to the runtime's HTTP app, signed in as the demo account `as` when given. */
  request(path: string, init?: RequestInit & { as?: string }): Promise<Response>
  /** The runtime underneath (services, the database, the app), for what the kit does not cover. */
  runtime: Runtime
  close(): Promise<void>
}

const officerOf: Record<string, string> = {
  receiving_officer: 'tiepnhan',
  specialist: 'chuyenvien',
  leader: 'lanhdao',
}

/**
 * Starts a real runtime (seeded units, calendar, demo accounts with `TEST_PASSWORD`) over a fresh in-memory
 * database, with the given plugins and procedures and a clock the test controls.
 * @example const rt = await startTestRuntime({ plugins: [new URL('./index.ts', import.meta.url).href], procedures: ['dang-ky-khai-sinh'] })
 */
export async function startTestRuntime(options: StartOptions): Promise<TestRuntime> {
  const clock = createTestClock(options.at)
  const library = defaultProceduresDir()
  const procedure = readProcedures(library)
  const subset = options.procedures ? subsetLibrary(library, options.procedures.map(procedure)) : undefined
  const runtime = await openTestRuntime(options.database ?? testDrivers({})[0]!.open, {
    plugins: options.plugins,
    clock: () => clock.now(),
    ...(subset ? { proceduresDir: subset } : {}),
  })
  const worker = createOutboxWorker(runtime.database, runtime.plugins, { secret: runtime.secret })
  const tokens = new Map<string, string>()
  const token = async (username: string) => {
    if (!tokens.has(username)) tokens.set(username, await signIn(runtime, username))
    return tokens.get(username)!
  }
  const request = async (path: string, { as, ...init }: RequestInit & { as?: string } = {}) => {
    const headers = new Headers(init.headers)
    if (as) headers.set('authorization', `Bearer ${await token(as)}`)
    if (typeof init.body === 'string' && !headers.has('content-type')) headers.set('content-type', 'application/json')
    return runtime.app.request(path, { ...init, headers })
  }
  const expectOk = async <T>(res: Response, what: string): Promise<T> => {
    const body = await res.json().catch(() => null)
    if (!res.ok) throw new TestKitError(what, res.status, body)
    return body as T
  }

  return {
    clock,
    runtime,
    request,
    async enable(slug, { unit, procedure: which, config, enabled = true }) {
      const query = which ? `?procedure=${encodeURIComponent(procedure(which).definition.code)}` : ''
      const res = await request(`/api/admin/units/${unit}/plugins/${slug}${query}`, {
        method: 'PUT',
        as: 'admin',
        body: JSON.stringify(config ? { enabled, config } : { enabled }), // no config: the stored one stays
      })
      await expectOk(res, `enabling ${slug} at ${unit}`)
    },
    async submit({ procedure: which, unit, form, applicant = { fullName: 'Nguyễn Văn An' } }) {
      const { definition, sample } = procedure(which)
      const res = await runtime.app.request(
        '/api/dossiers',
        sampleSubmission({ definition, sample: form ?? sample }, unit, applicant),
      )
      return expectOk(res, `submitting ${definition.code} at ${unit}`)
    },
    async act(receiptCode, action, { inputs = {}, as } = {}) {
      const [current] = await runtime.database.db
        .select({ unit: units.code, role: dossiers.currentRole })
        .from(dossiers)
        .leftJoin(units, eq(units.id, dossiers.currentUnitId))
        .where(eq(dossiers.receiptCode, receiptCode))
      if (!current) throw new Error(`no dossier ${receiptCode}`)
      const prefix = current.role ? officerOf[current.role] : undefined
      if (!as && (!prefix || !current.unit))
        throw new Error(`dossier ${receiptCode} is at no officer's step (role ${current.role}): pass \`as\``)
      const user = as ?? `${prefix}.${current.unit!.toLowerCase()}`
      const path = `/api/desk/dossiers/${receiptCode}`
      const { version } = await expectOk<{ version: number }>(
        await request(path, { as: user }),
        `reading ${receiptCode} as ${user}`,
      )
      const res = await request(`${path}/actions/${action}`, {
        method: 'POST',
        as: user,
        body: JSON.stringify({ expectedVersion: version, ...inputs }),
      })
      return expectOk(res, `${action} on ${receiptCode} as ${user}`)
    },
    async runOutbox() {
      const now = clock.now()
      // A row never tried is due as soon as it is queued; the database stamped it with its own time, not the clock's.
      await runtime.database.db
        .update(outbox)
        .set({ nextAttemptAt: now })
        .where(and(eq(outbox.state, 'pending'), eq(outbox.attempts, 0), gt(outbox.nextAttemptAt, now)))
      return worker.runOnce(now)
    },
    async outbox({ plugin, topic, state } = {}) {
      const conditions: SQL[] = []
      if (plugin) conditions.push(eq(outbox.pluginSlug, plugin))
      if (topic) conditions.push(eq(outbox.topic, topic))
      if (state) conditions.push(eq(outbox.state, state))
      return runtime.database.db
        .select({
          id: outbox.id,
          plugin: outbox.pluginSlug,
          topic: outbox.topic,
          payload: outbox.payload,
          state: outbox.state,
          attempts: outbox.attempts,
          lastError: outbox.lastError,
          nextAttemptAt: outbox.nextAttemptAt,
          receiptCode: dossiers.receiptCode,
        })
        .from(outbox)
        .leftJoin(dossiers, eq(dossiers.id, outbox.dossierId))
        .where(and(...conditions))
        .orderBy(asc(outbox.id))
    },
    async close() {
      await worker.stop()
      await runtime.close()
      if (subset) rmSync(subset, { recursive: true, force: true })
    },
  }
}

import { type Database, dossiers, outbox, pgError } from '@motcua/db'
import type { DossierChange, DossierSnapshot } from '@motcua/plugin-sdk'
import { and, asc, eq, inArray, isNull, lte, notInArray, or, type SQL, sql } from 'drizzle-orm'
import { checkMessages } from './hook-results'
import type { PluginHost } from './plugin-host'
import { SandboxError } from './sandbox'

export interface OutboxWorkerOptions {
  /** How long one delivery may take, unless the plugin declares its own `deliveryTimeoutMs` (default 10 s). */
  timeoutMs?: number
  /** How long a delivery that ignores its abort signal gets before its plugin's worker is stopped (default 1 s). */
  graceMs?: number
  /** Attempts before a message is given up as `dead` (default 8). */
  maxAttempts?: number
  /** First retry delay; each further one doubles, up to an hour (default 5 s). */
  backoffMs?: number
  batchSize?: number
}

/** What one run did: hooks run, messages delivered, and hooks or messages that failed. */
export interface OutboxRun {
  hooks: number
  delivered: number
  failed: number
}

export interface OutboxWorker {
  /** Runs what is due now, every plugin in parallel. */
  runOnce(now?: Date): Promise<OutboxRun>
  /** Runs each plugin's due messages every `intervalMs`, each plugin on its own, so one never waits for another. */
  start(intervalMs: number): void
  stop(): Promise<void>
}

type Row = typeof outbox.$inferSelect
type Outcome = keyof OutboxRun
type Failure = { error: string; final: boolean }

const LEASE_MIN_MS = 5 * 60_000
const MAX_ROUNDS = 10
const isHookRow = (m: Row) => m.topic === 'hook.onSubmit' || m.topic === 'hook.afterAction'

/**
 * Runs the outbox per plugin, outside any transaction and in the plugin's sandbox: a row is leased first (so
 * another runtime process skips it), then a queued hook is run and the messages it returns stored, or a message
 * is delivered with a time limit; then it is marked done, rescheduled with exponential backoff, or `dead` after
 * the last attempt. Each plugin's rows go in order and only ever wait for that plugin.
 */
export function createOutboxWorker(
  database: Database,
  host: PluginHost,
  options: OutboxWorkerOptions = {},
): OutboxWorker {
  const { timeoutMs = 10_000, graceMs = 1000, maxAttempts = 8, backoffMs = 5_000, batchSize = 20 } = options
  const { db } = database
  const slugs = [...host.plugins.keys()]
  // null: rows of plugins this runtime does not have, given up visibly
  const lanes: (string | null)[] = [...slugs, null]

  const deliveryLimit = (slug: string) => host.plugins.get(slug)?.manifest.deliveryTimeoutMs ?? timeoutMs
  const leaseMs = (lane: string | null) =>
    Math.max(LEASE_MIN_MS, batchSize * ((lane ? deliveryLimit(lane) : 0) + graceMs) + 60_000)

  async function claim(lane: string | null, now: Date): Promise<Row[]> {
    const which: SQL | undefined =
      lane !== null
        ? eq(outbox.pluginSlug, lane)
        : slugs.length
          ? or(isNull(outbox.pluginSlug), notInArray(outbox.pluginSlug, slugs))
          : undefined
    const claimed = await db.transaction(async (tx) => {
      const due = await tx
        .select({ id: outbox.id })
        .from(outbox)
        .where(and(which, eq(outbox.state, 'pending'), lte(outbox.nextAttemptAt, now)))
        .orderBy(asc(outbox.id))
        .limit(batchSize)
        .for('update', { skipLocked: true })
      if (due.length === 0) return []
      return tx
        .update(outbox)
        .set({ attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + leaseMs(lane)) })
        .where(
          inArray(
            outbox.id,
            due.map((d) => d.id),
          ),
        )
        .returning()
    })
    return claimed.sort((a, b) => a.id - b.id)
  }

  /** The configuration in force for the row's dossier's unit; `{}` for a row without a dossier. */
  async function configOf(slug: string, message: Row) {
    if (!message.dossierId) return {}
    const [dossier] = await db
      .select({ unitId: dossiers.unitId })
      .from(dossiers)
      .where(eq(dossiers.id, message.dossierId))
    return dossier ? host.configFor(db, slug, dossier.unitId) : undefined
  }
  const disabled = (slug: string): Failure => ({
    error: `plugin "${slug}" is no longer enabled for the dossier's unit`,
    final: true,
  })

  async function runHook(slug: string, message: Row, now: Date): Promise<Failure | null> {
    const hook = message.topic === 'hook.onSubmit' ? 'onSubmit' : 'afterAction'
    const config = await configOf(slug, message)
    if (!config) return disabled(slug)
    const { snapshot, change } = message.payload as { snapshot: DossierSnapshot; change: DossierChange }
    const ctx = { config, unitCode: snapshot.unit.code }
    const called = await host.runHook(slug, hook, hook === 'onSubmit' ? [ctx, snapshot] : [ctx, snapshot, change])
    const checked = called.ok ? checkMessages(called.value) : called
    if (!checked.ok) {
      // a hook that threw, ran out of time or answered wrongly will do so again; a busy or restarting plugin may not
      const final = called.ok || called.reason === 'threw' || called.reason === 'timeout'
      return { error: `${hook} ${checked.problem}`, final }
    }
    await db.transaction(async (tx) => {
      if (checked.value.length)
        await tx.insert(outbox).values(
          checked.value.map((m) => ({
            topic: m.topic,
            pluginSlug: slug,
            dossierId: message.dossierId,
            payload: m.payload,
            nextAttemptAt: now,
          })),
        )
      await tx
        .update(outbox)
        .set({ state: 'delivered', deliveredAt: new Date(), lastError: null })
        .where(eq(outbox.id, message.id))
    })
    return null
  }

  async function deliver(slug: string, message: Row): Promise<Failure | null> {
    const loaded = host.plugins.get(slug)!
    if (!loaded.manifest.deliver) return { error: `plugin "${slug}" has no deliver to send it`, final: true }
    const config = await configOf(slug, message)
    if (!config) return disabled(slug)
    const limit = deliveryLimit(slug)
    try {
      await loaded.sandbox.call(
        {
          kind: 'deliver',
          message: { id: message.id, topic: message.topic, payload: message.payload },
          config,
          attempt: message.attempts,
          timeoutMs: limit,
        },
        limit + graceMs,
      )
      return null
    } catch (error) {
      const e = error as Error
      const text =
        error instanceof SandboxError && error.reason === 'threw'
          ? (error.thrown ?? e.message)
          : error instanceof SandboxError && error.reason === 'timeout'
            ? `timed out after ${limit} ms and did not stop when aborted: the plugin was restarted`
            : `delivery ${e?.message ?? String(error)}`
      return { error: text.slice(0, 1000), final: false }
    }
  }

  async function settle(message: Row, failure: Failure | null, now: Date, marked: boolean): Promise<Outcome> {
    if (failure === null) {
      if (!marked)
        await db
          .update(outbox)
          .set({ state: 'delivered', deliveredAt: new Date(), lastError: null })
          .where(eq(outbox.id, message.id))
      return isHookRow(message) ? 'hooks' : 'delivered'
    }
    const dead = failure.final || message.attempts >= maxAttempts
    const retryAt = new Date(now.getTime() + Math.min(backoffMs * 2 ** (message.attempts - 1), 3_600_000))
    await db
      .update(outbox)
      .set({ state: dead ? 'dead' : 'pending', nextAttemptAt: retryAt, lastError: failure.error })
      .where(eq(outbox.id, message.id))
    return 'failed'
  }

  async function runLane(lane: string | null, now = new Date()): Promise<OutboxRun> {
    const run: OutboxRun = { hooks: 0, delivered: 0, failed: 0 }
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const batch = await claim(lane, now)
      for (const message of batch) {
        let failure: Failure | null
        if (lane === null) failure = { error: `no plugin "${message.pluginSlug}" to deliver it`, final: true }
        else if (isHookRow(message)) failure = await runHook(lane, message, now)
        else failure = await deliver(lane, message)
        run[await settle(message, failure, now, isHookRow(message))]++
      }
      // a hook's messages are due at once: go round again for them
      if (batch.length < batchSize && !batch.some(isHookRow)) break
    }
    return run
  }

  async function runOnce(now = new Date()) {
    const runs = await Promise.all(lanes.map((lane) => runLane(lane, now)))
    return runs.reduce((sum, r) => ({
      hooks: sum.hooks + r.hooks,
      delivered: sum.delivered + r.delivered,
      failed: sum.failed + r.failed,
    }))
  }

  const running = new Map<string | null, Promise<unknown>>()
  let timer: NodeJS.Timeout | undefined
  return {
    runOnce,
    start(intervalMs) {
      timer = setInterval(() => {
        for (const lane of lanes) {
          if (running.has(lane)) continue
          const run = runLane(lane)
            .catch((error: unknown) =>
              // a query error's message carries its parameters (personal data): log its kind only
              console.error(
                JSON.stringify({
                  level: 'error',
                  msg: 'outbox run failed',
                  plugin: lane,
                  error: pgError(error)?.code ?? (error as Error)?.name ?? 'unknown',
                }),
              ),
            )
            .finally(() => running.delete(lane))
          running.set(lane, run)
        }
      }, intervalMs)
      timer.unref()
    },
    async stop() {
      clearInterval(timer)
      await Promise.all(running.values())
    },
  }
}

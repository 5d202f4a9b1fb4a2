import type { PluginUse } from '@motcua/core'
import { type Database, dossiers, outbox, procedureVersions } from '@motcua/db'
import { type DossierChange, type DossierSnapshot, type OutboxMessage, RECEIPT_TOPIC } from '@motcua/plugin-sdk'
import { and, asc, eq, inArray, isNull, lte, notInArray, or, type SQL, sql } from 'drizzle-orm'
import { lookupPin } from '../auth/instance-secret'
import { failureBurst } from '../failure-burst'
import { log } from '../log'
import { checkMessages } from './hook-results'
import { callPlugin } from './plugin-call'
import type { PluginHost } from './plugin-host'
import { SandboxError } from './sandbox'

/** The retry policy of a plugin that declares none. */
export const DEFAULT_RETRY = { attempts: 8, backoffMs: 5_000 }

export interface OutboxWorkerOptions {
  /**
   * The instance secret: a receipt message (`RECEIPT_TOPIC`) is delivered with the dossier's PIN derived from it,
   * so the PIN is never stored in the outbox; without it such a message fails.
   */
  secret?: string
  /** How long one delivery may take, unless the plugin declares its own `deliveryTimeoutMs` (default 10 s). */
  timeoutMs?: number
  /** How long a delivery that ignores its abort signal gets before its plugin's worker is stopped (default 1 s). */
  graceMs?: number
  /** Attempts before a message is given up as `dead`, unless its plugin declares its own `retry` (default 8). */
  maxAttempts?: number
  /** First retry delay, unless its plugin declares its own `retry`; each further one doubles, up to an hour (default 5 s). */
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
type Failure = { error: string; final: boolean }
/** A failure, or done: a delivery, or a hook with the messages it returned. */
type Outcome = { failure: Failure } | { messages?: OutboxMessage[] }

const LEASE_MIN_MS = 5 * 60_000
const MAX_ROUNDS = 10
const HOOK_TOPICS: Readonly<Record<string, 'onSubmit' | 'afterAction' | 'onComplete'>> = {
  'hook.onSubmit': 'onSubmit',
  'hook.afterAction': 'afterAction',
  'hook.onComplete': 'onComplete',
}
const isHookRow = (m: Row) => Object.hasOwn(HOOK_TOPICS, m.topic)

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
  const {
    timeoutMs = 10_000,
    graceMs = 1000,
    maxAttempts = DEFAULT_RETRY.attempts,
    backoffMs = DEFAULT_RETRY.backoffMs,
    batchSize = 20,
    secret,
  } = options
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

  /** The unit and procedure of each of the batch's dossiers and the plugins its version uses, in one query. */
  async function unitsOf(batch: Row[]) {
    const ids = [...new Set(batch.flatMap((m) => (m.dossierId ? [m.dossierId] : [])))]
    const rows = ids.length
      ? await db
          .select({
            id: dossiers.id,
            unitId: dossiers.unitId,
            procedureCode: sql<string>`${procedureVersions.definition} ->> 'code'`,
            uses: sql<PluginUse[] | null>`${procedureVersions.definition} -> 'plugins'`,
          })
          .from(dossiers)
          .innerJoin(procedureVersions, eq(procedureVersions.id, dossiers.procedureVersionId))
          .where(inArray(dossiers.id, ids))
      : []
    return new Map(rows.map((r) => [r.id, r]))
  }

  /** Runs one lane's batch: what succeeded is written in one transaction at the end, each failure on its own. */
  async function runBatch(lane: string | null, batch: Row[], now: Date, run: OutboxRun) {
    const dossierUnits = await unitsOf(batch)
    // the configuration in force for the row's dossier's unit and procedure, with its procedure version's own settings
    // for the plugin laid over (hooks and deliveries alike); `{}` for a row without a dossier
    const configOf = async (slug: string, message: Row) => {
      if (!message.dossierId) return {}
      const found = dossierUnits.get(message.dossierId)
      return found ? host.configFor(db, slug, found.unitId, found.procedureCode, found.uses ?? undefined) : undefined
    }
    const done: number[] = []
    const queued: (typeof outbox.$inferInsert)[] = []
    // each message as part of the request that queued it: its log lines and the plugin's `ctx.requestId` carry its id
    const handle = async (message: Row) => {
      let outcome: Outcome
      if (lane === null)
        outcome = { failure: { error: `no plugin "${message.pluginSlug}" to deliver it`, final: true } }
      else {
        const config = await configOf(lane, message)
        if (!config) outcome = { failure: disabled(lane) }
        else if (isHookRow(message)) outcome = await runHook(lane, message, config)
        else outcome = await deliver(lane, message, config)
      }
      const about = {
        ...(message.requestId ? { requestId: message.requestId } : {}),
        outboxId: message.id,
        plugin: message.pluginSlug,
        topic: message.topic,
        attempt: message.attempts,
      }
      if ('failure' in outcome) {
        const dead = await fail(message, outcome.failure, now)
        log(dead ? 'outbox message dead' : 'outbox delivery failed', about, dead ? 'error' : 'warn')
        run.failed++
        return
      }
      done.push(message.id)
      if (!outcome.messages) {
        log('outbox delivered', about)
        run.delivered++
        return
      }
      log('outbox hook run', { ...about, messages: outcome.messages.length })
      run.hooks++
      for (const m of outcome.messages)
        queued.push({
          topic: m.topic,
          pluginSlug: lane,
          dossierId: message.dossierId,
          payload: m.payload,
          nextAttemptAt: now,
          requestId: message.requestId,
        })
    }
    for (const message of batch) await handle(message)
    if (done.length === 0) return
    await db.transaction(async (tx) => {
      if (queued.length) await tx.insert(outbox).values(queued)
      await tx
        .update(outbox)
        .set({ state: 'delivered', deliveredAt: new Date(), lastError: null })
        .where(inArray(outbox.id, done))
    })
  }

  const disabled = (slug: string): Failure => ({
    error: `plugin "${slug}" is no longer enabled for the dossier's unit and procedure`,
    final: true,
  })

  async function runHook(slug: string, message: Row, config: Record<string, unknown>): Promise<Outcome> {
    const hook = HOOK_TOPICS[message.topic]!
    const { snapshot, change } = message.payload as { snapshot: DossierSnapshot; change: DossierChange }
    const ctx = { config, unitCode: snapshot.unit.code }
    const called = await host
      .forRequest(message.requestId ?? undefined)
      .runHook(slug, hook, hook === 'onSubmit' ? [ctx, snapshot] : [ctx, snapshot, change])
    const checked = called.ok ? checkMessages(called.value) : called
    // the PIN goes with the receipt, sent once when the dossier is filed, never later by another hook
    if (checked.ok && hook !== 'onSubmit' && checked.value.some((m) => m.topic === RECEIPT_TOPIC))
      return { failure: { error: `${hook} returned a "${RECEIPT_TOPIC}" message: only onSubmit may`, final: true } }
    if (checked.ok) return { messages: checked.value }
    // a hook that threw, ran out of time or answered wrongly will do so again; a busy or restarting plugin may not
    const final = called.ok || called.reason === 'threw' || called.reason === 'timeout'
    return { failure: { error: `${hook} ${checked.problem}`, final } }
  }

  async function deliver(slug: string, message: Row, config: Record<string, unknown>): Promise<Outcome> {
    const loaded = host.plugins.get(slug)!
    if (!loaded.manifest.deliver)
      return { failure: { error: `plugin "${slug}" has no deliver to send it`, final: true } }
    const limit = deliveryLimit(slug)
    let pin: string | undefined
    if (message.topic === RECEIPT_TOPIC) {
      if (!loaded.manifest.sendsReceipt)
        return { failure: { error: `plugin "${slug}" declares no sendsReceipt and is given no PIN`, final: true } }
      if (!secret || !message.dossierId)
        return { failure: { error: 'a receipt message needs its dossier and the instance secret', final: true } }
      pin = lookupPin(secret, message.dossierId)
    }
    try {
      await callPlugin(
        slug,
        loaded.sandbox,
        {
          kind: 'deliver',
          message: { id: message.id, topic: message.topic, payload: message.payload },
          config,
          attempt: message.attempts,
          ...(pin ? { lookupPin: pin } : {}),
          timeoutMs: limit,
        },
        limit + graceMs,
        { requestId: message.requestId ?? undefined },
      )
      return {}
    } catch (error) {
      const e = error as Error
      const text =
        error instanceof SandboxError && error.reason === 'threw'
          ? (error.thrown ?? e.message)
          : error instanceof SandboxError && error.reason === 'timeout'
            ? `timed out after ${limit} ms and did not stop when aborted: the plugin was restarted`
            : `delivery ${e?.message ?? String(error)}`
      return { failure: { error: text.slice(0, 1000), final: false } }
    }
  }

  /** Reschedules a failed message, or gives it up; true when it is now dead. */
  async function fail(message: Row, failure: Failure, now: Date): Promise<boolean> {
    // the plugin's own retry policy, when it declares one
    const retry = (message.pluginSlug && host.plugins.get(message.pluginSlug)?.manifest.retry) || {}
    const dead = failure.final || message.attempts >= (retry.attempts ?? maxAttempts)
    const delay = (retry.backoffMs ?? backoffMs) * 2 ** (message.attempts - 1)
    const retryAt = new Date(now.getTime() + Math.min(delay, 3_600_000))
    await db
      .update(outbox)
      .set({ state: dead ? 'dead' : 'pending', nextAttemptAt: retryAt, lastError: failure.error })
      .where(eq(outbox.id, message.id))
    return dead
  }

  async function runLane(lane: string | null, now = new Date()): Promise<OutboxRun> {
    const run: OutboxRun = { hooks: 0, delivered: 0, failed: 0 }
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const batch = await claim(lane, now)
      await runBatch(lane, batch, now, run)
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
  // while the database is away every run fails: one line per lane when that starts and one when it ends
  const failures = new Map(lanes.map((lane) => [lane, failureBurst('outbox run failed')]))
  let timer: NodeJS.Timeout | undefined
  return {
    runOnce,
    start(intervalMs) {
      timer = setInterval(() => {
        for (const lane of lanes) {
          if (running.has(lane)) continue
          const run = runLane(lane)
            .then(
              () => failures.get(lane)!.succeeded({ plugin: lane }),
              (error: unknown) => failures.get(lane)!.failed(error, { plugin: lane }),
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

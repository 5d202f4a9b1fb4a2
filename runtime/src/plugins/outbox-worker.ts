import { type Database, dossiers, outbox } from '@motcua/db'
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm'
import { errorFields, log } from '../log'
import type { PluginHost } from './plugin-host'

export interface OutboxWorkerOptions {
  /** How long one delivery may take before it counts as failed (default 10 s). */
  timeoutMs?: number
  /** Attempts before a message is given up as `dead` (default 8). */
  maxAttempts?: number
  /** First retry delay; each further one doubles, up to an hour (default 5 s). */
  backoffMs?: number
  batchSize?: number
  fetch?: typeof fetch
}

export interface OutboxWorker {
  /** Delivers what is due now; returns how many were delivered and how many failed. */
  runOnce(now?: Date): Promise<{ delivered: number; failed: number }>
  start(intervalMs: number): void
  stop(): Promise<void>
}

const LEASE_MS = 5 * 60_000

/**
 * Delivers outbox messages through their plugins, outside any transaction: a message is leased first
 * (so another runtime process skips it), then delivered with a timeout, then marked delivered, or
 * rescheduled with exponential backoff, or `dead` after the last attempt. A plugin that throws or hangs
 * delays only its own messages.
 */
export function createOutboxWorker(
  database: Database,
  host: PluginHost,
  options: OutboxWorkerOptions = {},
): OutboxWorker {
  const { timeoutMs = 10_000, maxAttempts = 8, backoffMs = 5_000, batchSize = 20, fetch: fetchImpl = fetch } = options
  const { db } = database

  async function claim(now: Date) {
    return db.transaction(async (tx) => {
      const due = await tx
        .select({ id: outbox.id })
        .from(outbox)
        .where(and(eq(outbox.state, 'pending'), lte(outbox.nextAttemptAt, now)))
        .orderBy(asc(outbox.id))
        .limit(batchSize)
        .for('update', { skipLocked: true })
      if (due.length === 0) return []
      return tx
        .update(outbox)
        .set({ attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
        .where(
          inArray(
            outbox.id,
            due.map((d) => d.id),
          ),
        )
        .returning()
    })
  }

  /** null when delivered; otherwise the error, and whether retrying can help. */
  async function deliver(message: typeof outbox.$inferSelect): Promise<{ error: string; final: boolean } | null> {
    const loaded = message.pluginSlug ? host.plugins.get(message.pluginSlug) : undefined
    if (!loaded?.plugin.deliver) return { error: `no plugin "${message.pluginSlug}" to deliver it`, final: true }
    const [dossier] = message.dossierId
      ? await db.select({ unitId: dossiers.unitId }).from(dossiers).where(eq(dossiers.id, message.dossierId))
      : []
    const config = dossier ? await host.configFor(db, loaded.plugin.slug, dossier.unitId) : {}
    if (!config)
      return { error: `plugin "${loaded.plugin.slug}" is no longer enabled for the dossier's unit`, final: true }
    const controller = new AbortController()
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort()
        reject(new Error(`timed out after ${timeoutMs} ms`))
      }, timeoutMs)
    })
    try {
      await Promise.race([
        loaded.plugin.deliver(
          { id: message.id, topic: message.topic, payload: message.payload },
          { config, signal: controller.signal, fetch: fetchImpl, attempt: message.attempts },
        ),
        timeout,
      ])
      return null
    } catch (error) {
      return { error: String((error as Error)?.message ?? error).slice(0, 1000), final: false }
    } finally {
      clearTimeout(timer)
    }
  }

  async function runOnce(now = new Date()) {
    let delivered = 0
    let failed = 0
    for (const message of await claim(now)) {
      const failure = await deliver(message)
      if (failure === null) {
        delivered++
        await db
          .update(outbox)
          .set({ state: 'delivered', deliveredAt: new Date(), lastError: null })
          .where(eq(outbox.id, message.id))
        continue
      }
      failed++
      const dead = failure.final || message.attempts >= maxAttempts
      const retryAt = new Date(now.getTime() + Math.min(backoffMs * 2 ** (message.attempts - 1), 3_600_000))
      await db
        .update(outbox)
        .set({ state: dead ? 'dead' : 'pending', nextAttemptAt: retryAt, lastError: failure.error })
        .where(eq(outbox.id, message.id))
    }
    return { delivered, failed }
  }

  let running: Promise<unknown> | undefined
  let timer: NodeJS.Timeout | undefined
  return {
    runOnce,
    start(intervalMs) {
      timer = setInterval(() => {
        running ??= runOnce()
          .catch((error: unknown) => log('outbox run failed', errorFields(error), 'error'))
          .finally(() => {
            running = undefined
          })
      }, intervalMs)
      timer.unref()
    },
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}

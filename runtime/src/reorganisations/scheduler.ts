import type { ProcedureDefinition, ReorganisationPlan } from '@motcua/core'
import { vietnamDate } from '@motcua/core'
import { isConnectionError, reorganisations } from '@motcua/db'
import { and, asc, eq, lte } from 'drizzle-orm'
import { failureBurst } from '../failure-burst'
import { errorFields, log } from '../log'
import { applyPlan, type ReorganiseServices } from './apply'

/**
 * Applies the scheduled plans whose date has come (at midnight, Vietnam time, or at the first run after), oldest
 * first, each in its own transaction; returns the names applied. A plan that now finds a problem stays scheduled and
 * is logged, for an administrator to preview.
 */
export async function applyDuePlans(services: ReorganiseServices, now = new Date()): Promise<string[]> {
  const due = await services.database.db
    .select()
    .from(reorganisations)
    .where(and(eq(reorganisations.status, 'scheduled'), lte(reorganisations.effectiveDate, vietnamDate(now))))
    .orderBy(asc(reorganisations.effectiveDate), asc(reorganisations.name))
  const applied: string[] = []
  for (const row of due) {
    const loaded = {
      plan: row.plan as ReorganisationPlan,
      versions: new Map(Object.entries(row.versions as Record<string, ProcedureDefinition>)),
    }
    try {
      await applyPlan(services, loaded, { actorUserId: row.requestedBy, now })
      applied.push(row.name)
      log('reorganisation applied', { plan: row.name })
    } catch (error) {
      if (isConnectionError(error)) throw error // the database is away: the next check tries again
      log('scheduled reorganisation not applied', { plan: row.name, ...errorFields(error) }, 'error')
    }
  }
  return applied
}

/** Checks for due plans every `intervalMs`, one run at a time. */
export function createReorganisationScheduler(services: ReorganiseServices) {
  let timer: NodeJS.Timeout | undefined
  let running: Promise<unknown> | undefined
  const failures = failureBurst('reorganisation check failed')
  const run = () => {
    running ??= applyDuePlans(services)
      .then(
        () => failures.succeeded(),
        (error: unknown) => failures.failed(error),
      )
      .finally(() => {
        running = undefined
      })
  }
  return {
    start(intervalMs: number) {
      run()
      timer = setInterval(run, intervalMs)
      timer.unref()
    },
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}

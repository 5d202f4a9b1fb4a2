import { consultations, type Database, isConnectionError, withTransaction } from '@motcua/db'
import { and, eq, gt, isNull, lte, notExists, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { failureBurst } from '../failure-burst'
import { errorFields, log } from '../log'
import type { PluginHost } from '../plugins/plugin-host'
import type { ProcedureRegistry } from '../procedures/registry'
import type { UnitDirectory } from '../units/unit-directory'
import { lockDossier, moveOnIfComplete } from './round'

const stillOpen = alias(consultations, 'still_open')

export interface SweepServices {
  database: Database
  registry: ProcedureRegistry
  units: UnitDirectory
  plugins?: PluginHost
}

/**
 * Closes consultation rounds that have run out of time: every dossier whose open requests are all past their
 * deadlines moves on to its step's `then` (one transaction per dossier, the dossier row locked, so an answer
 * arriving at the same moment waits and then finds the round closed). Returns how many moved on.
 * @example await sweepConsultations(services, new Date('2025-06-20T08:00:00+07:00'))
 */
export async function sweepConsultations(services: SweepServices, now = new Date(), batchSize = 100): Promise<number> {
  const { db } = services.database
  const due = await db
    .selectDistinct({ dossierId: consultations.dossierId })
    .from(consultations)
    .where(
      and(
        isNull(consultations.answeredAt),
        isNull(consultations.closedAt),
        lte(consultations.dueAt, now),
        // none of the dossier's open requests still in time: a round still waiting is not read again and again
        notExists(
          db
            .select({ one: sql`1` })
            .from(stillOpen)
            .where(
              and(
                eq(stillOpen.dossierId, consultations.dossierId),
                isNull(stillOpen.answeredAt),
                isNull(stillOpen.closedAt),
                gt(stillOpen.dueAt, now),
              ),
            ),
        ),
      ),
    )
    .limit(batchSize)
  let moved = 0
  for (const { dossierId } of due) {
    try {
      const done = await withTransaction(db, async (tx) => {
        const dossier = await lockDossier(tx, dossierId)
        const procedure = dossier && (await services.registry.byId(dossier.procedureVersionId))
        if (!dossier || !procedure) return undefined
        return moveOnIfComplete(tx, dossier, { ...services, procedure, now })
      })
      if (done) moved++
    } catch (error) {
      if (isConnectionError(error)) throw error // the database is away: so for every dossier; the run fails once
      log('consultation sweep failed', { dossierId, ...errorFields(error) }, 'error')
    }
  }
  return moved
}

/** Runs the sweep every `intervalMs` (as the outbox worker runs), one run at a time. */
export function createConsultationSweeper(services: SweepServices) {
  let timer: NodeJS.Timeout | undefined
  let running: Promise<unknown> | undefined
  const failures = failureBurst('consultation sweep failed')
  return {
    runOnce: (now?: Date) => sweepConsultations(services, now),
    start(intervalMs: number) {
      timer = setInterval(() => {
        if (running) return
        running = sweepConsultations(services)
          .then(
            () => failures.succeeded(),
            (error: unknown) => failures.failed(error),
          )
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

import { consultations, type Database, withTransaction } from '@motcua/db'
import { and, isNull, lte } from 'drizzle-orm'
import { errorFields, log } from '../log'
import type { PluginHost } from '../plugins/plugin-host'
import type { ProcedureRegistry } from '../procedures/registry'
import type { UnitDirectory } from '../units/unit-directory'
import { lockDossier, moveOnIfComplete } from './round'

export interface SweepServices {
  database: Database
  registry: ProcedureRegistry
  units: UnitDirectory
  plugins?: PluginHost
}

/**
 * Closes consultation rounds that have run out of time: every dossier with a request past its deadline and still
 * unanswered moves on to its step's `then` once no request of its round is still in time (one transaction per
 * dossier; a dossier another process is moving is skipped until the next run). Returns how many moved on.
 * @example await sweepConsultations(services, new Date('2025-06-20T08:00:00+07:00'))
 */
export async function sweepConsultations(services: SweepServices, now = new Date(), batchSize = 100): Promise<number> {
  const { db } = services.database
  const due = await db
    .selectDistinct({ dossierId: consultations.dossierId })
    .from(consultations)
    .where(and(isNull(consultations.answeredAt), isNull(consultations.closedAt), lte(consultations.dueAt, now)))
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
      log('consultation sweep failed', { dossierId, ...errorFields(error) }, 'error')
    }
  }
  return moved
}

/** Runs the sweep every `intervalMs` (as the outbox worker runs), one run at a time. */
export function createConsultationSweeper(services: SweepServices) {
  let timer: NodeJS.Timeout | undefined
  let running: Promise<unknown> | undefined
  return {
    runOnce: (now?: Date) => sweepConsultations(services, now),
    start(intervalMs: number) {
      timer = setInterval(() => {
        if (running) return
        running = sweepConsultations(services)
          .catch((error: unknown) => log('consultation sweep failed', errorFields(error), 'error'))
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

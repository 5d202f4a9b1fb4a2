import type { TransitionEvent } from '@motcua/core'
import { builtOnce, type Db, dossierEvents, preparedOnce, users } from '@motcua/db'
import { asc, eq, sql } from 'drizzle-orm'

/** The log row of a lifecycle transition (core's event), by whom and when. */
export const transitionRow = (
  dossierId: string,
  seq: number,
  at: Date,
  actor: { userId: string | null; role: string | null },
  event: TransitionEvent,
): typeof dossierEvents.$inferInsert => ({
  dossierId,
  seq,
  at,
  actorUserId: actor.userId,
  actorRole: actor.role,
  action: event.action,
  fromStep: event.fromStep,
  toStep: event.toStep,
  fromStatus: event.fromStatus,
  toStatus: event.toStatus,
  note: event.note,
  stepDueAt: event.stepDueAt,
  data: { ...event.data, actionKey: event.actionKey, label: event.label },
})

/** Appends one event to a dossier's log (built once: see `builtOnce`). */
export const insertEvent = builtOnce<typeof dossierEvents.$inferInsert>((db, row) =>
  db.insert(dossierEvents).values(row),
)

/** A dossier's whole event log, in order, with the name of whoever acted. */
export const eventLog = (db: Db, dossierId: string) =>
  db
    .select({ event: dossierEvents, actorName: users.fullName })
    .from(dossierEvents)
    .leftJoin(users, eq(users.id, dossierEvents.actorUserId))
    .where(eq(dossierEvents.dossierId, dossierId))
    .orderBy(asc(dossierEvents.seq))

// prepared once: public tracking reads a dossier's log on every lookup
const eventsById = preparedOnce((db) =>
  db
    .select()
    .from(dossierEvents)
    .where(eq(dossierEvents.dossierId, sql.placeholder('dossierId')))
    .orderBy(asc(dossierEvents.seq))
    .prepare('dossier_events'),
)

/** A dossier's event log in order, without names (what public tracking shows). */
export const eventsOf = (db: Db, dossierId: string) => eventsById(db).execute({ dossierId })

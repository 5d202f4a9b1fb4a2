import { classify, type Opinion } from '@motcua/core'
import { consultations, type Db, dossiers, units, users } from '@motcua/db'
import { and, asc, count, desc, eq, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm'
import type { Principal } from '../auth/principal'

/** A consultation as the desk shows it, to the resolving unit (on the dossier) and to the unit asked (its queue). */
export interface ConsultationView {
  id: string
  round: number
  step: string
  unit: { code: string; name: string }
  role: string
  openedAt: Date
  dueAt: Date
  answeredAt: Date | null
  answeredBy: string | null
  opinion: Opinion | null
  note: string | null
  closedAt: Date | null
  /** open (awaiting an answer), answered, late (answered after its deadline), overdue (open, past it), closed (unanswered). */
  state: 'open' | 'overdue' | 'answered' | 'late' | 'closed'
}

const stateOf = (r: { dueAt: Date; answeredAt: Date | null; closedAt: Date | null }, now: Date) =>
  r.answeredAt
    ? r.answeredAt > r.dueAt
      ? 'late'
      : 'answered'
    : r.closedAt
      ? 'closed'
      : classify({ dueAt: r.dueAt, doneAt: null, now }) === 'overdue'
        ? 'overdue'
        : 'open'

const viewColumns = {
  id: consultations.id,
  round: consultations.round,
  step: consultations.step,
  unitCode: units.code,
  unitName: units.name,
  role: consultations.role,
  openedAt: consultations.openedAt,
  dueAt: consultations.dueAt,
  answeredAt: consultations.answeredAt,
  answeredBy: users.fullName,
  opinion: consultations.opinion,
  note: consultations.note,
  closedAt: consultations.closedAt,
}

type ViewRow = { [K in keyof typeof viewColumns]: (typeof viewColumns)[K]['_']['data'] | null }

const toView = (r: ViewRow, now: Date): ConsultationView => ({
  id: r.id!,
  round: r.round!,
  step: r.step!,
  unit: { code: r.unitCode ?? '', name: r.unitName ?? '' },
  role: r.role!,
  openedAt: r.openedAt!,
  dueAt: r.dueAt!,
  answeredAt: r.answeredAt,
  answeredBy: r.answeredBy,
  opinion: r.opinion as Opinion | null,
  note: r.note,
  closedAt: r.closedAt,
  state: stateOf({ dueAt: r.dueAt!, answeredAt: r.answeredAt, closedAt: r.closedAt }, now),
})

/** Every consultation of a dossier, newest round first, each with its unit, deadline and answer. */
export async function consultationsOf(db: Db, dossierId: string, now: Date): Promise<ConsultationView[]> {
  const rows = await db
    .select(viewColumns)
    .from(consultations)
    .innerJoin(units, eq(units.id, consultations.unitId))
    .leftJoin(users, eq(users.id, consultations.answeredBy))
    .where(eq(consultations.dossierId, dossierId))
    .orderBy(desc(consultations.round), asc(units.code))
  return rows.map((r) => toView(r, now))
}

/** Whom a request is for: the (unit, role) pairs the caller holds (at `unitIds` when given). */
function addressedTo(principal: Principal, unitIds?: string[]): SQL {
  const pairs = principal.grants.filter((g) => g.unitId && (!unitIds || unitIds.includes(g.unitId)))
  if (pairs.length === 0) return sql`false`
  return or(...pairs.map((g) => and(eq(consultations.unitId, g.unitId!), eq(consultations.role, g.role))))!
}

/**
 * "Ý kiến được hỏi": the consultations addressed to the caller's units for the roles the caller holds there,
 * with their dossier's receipt code and procedure; open ones soonest due first, answered ones newest first.
 */
export async function consultationQueue(
  db: Db,
  principal: Principal,
  filter: { state: 'open' | 'answered' | 'all'; limit: number; offset: number; now: Date },
) {
  const where = and(
    addressedTo(principal),
    filter.state === 'open'
      ? and(isNull(consultations.answeredAt), isNull(consultations.closedAt))
      : filter.state === 'answered'
        ? isNotNull(consultations.answeredAt)
        : undefined,
  )
  const rows = await db
    .select({
      ...viewColumns,
      receiptCode: dossiers.receiptCode,
      applicantName: sql<string>`${dossiers.applicant}->>'fullName'`,
      procedureVersionId: dossiers.procedureVersionId,
      askingUnitId: dossiers.unitId,
    })
    .from(consultations)
    .innerJoin(units, eq(units.id, consultations.unitId))
    .innerJoin(dossiers, eq(dossiers.id, consultations.dossierId))
    .leftJoin(users, eq(users.id, consultations.answeredBy))
    .where(where)
    .orderBy(
      sql`${consultations.answeredAt} is not null or ${consultations.closedAt} is not null`,
      sql`case when ${consultations.answeredAt} is null then ${consultations.dueAt} end asc`,
      desc(consultations.answeredAt),
      asc(consultations.id),
    )
    .limit(filter.limit)
    .offset(filter.offset)
  const [counted] = await db.select({ total: count() }).from(consultations).where(where)
  return {
    total: counted?.total ?? 0,
    rows: rows.map(({ receiptCode, applicantName, procedureVersionId, askingUnitId, ...r }) => ({
      ...toView(r, filter.now),
      dossier: { receiptCode, applicantName, procedureVersionId, unitId: askingUnitId },
    })),
  }
}

/** How many consultations addressed to the caller (at `unitIds` when given) still wait for an answer. */
export async function openConsultationCount(db: Db, principal: Principal, unitIds?: string[]): Promise<number> {
  const [counted] = await db
    .select({ total: count() })
    .from(consultations)
    .where(and(addressedTo(principal, unitIds), isNull(consultations.answeredAt), isNull(consultations.closedAt)))
  return counted?.total ?? 0
}

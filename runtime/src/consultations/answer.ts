import { DomainError, type Opinion, type Role, roles } from '@motcua/core'
import { consultations, type Db, dossierEvents, dossiers, withTransaction } from '@motcua/db'
import { and, eq, max } from 'drizzle-orm'
import type { Principal } from '../auth/principal'
import { actsFor, type DossierRow } from '../dossiers/act'
import { notFoundDossier } from '../dossiers/errors'
import type { PluginHost } from '../plugins/plugin-host'
import type { PublishedVersion } from '../procedures/registry'
import type { UnitDirectory } from '../units/unit-directory'
import { type ConsultationRow, lockDossier, moveOnIfComplete } from './round'

export const opinionLabels: Record<Opinion, string> = {
  agree: 'Đồng ý',
  disagree: 'Không đồng ý',
  comments: 'Có ý kiến khác',
}

const notFound = () =>
  new DomainError('NOT_FOUND', {
    vi: 'Không tìm thấy yêu cầu lấy ý kiến này đối với hồ sơ.',
    en: 'No such consultation for this dossier.',
  })

export interface AnswerInput {
  dossier: DossierRow
  procedure: PublishedVersion
  consultationId: string
  principal: Principal
  opinion: Opinion
  note?: string
  units: UnitDirectory
  plugins?: PluginHost
  now: Date
}

/**
 * An officer of a consulted unit answers its request (once): the answer and its event, then, in the same
 * transaction, the dossier moves on to the consultation's `then` if this was the last answer needed.
 */
export async function answerConsultation(
  db: Db,
  input: AnswerInput,
): Promise<{ consultation: ConsultationRow; dossier: DossierRow; movedOn: boolean }> {
  const { now, principal } = input
  const note = input.note?.trim() || null
  if (input.opinion !== 'agree' && !note) {
    const message = {
      vi: 'Vui lòng ghi rõ nội dung ý kiến (không đồng ý hoặc có ý kiến khác).',
      en: 'Give the substance of the opinion (a disagreement or other comments).',
    }
    throw new DomainError('INVALID_DATA', message, [{ code: 'required', path: '/note', message }])
  }
  const [found] = await db
    .select()
    .from(consultations)
    .where(and(eq(consultations.id, input.consultationId), eq(consultations.dossierId, input.dossier.id)))
  if (!found) throw notFound()
  if (!actsFor(principal, found.unitId, [found.role])) {
    const unit = await input.units.byId(found.unitId)
    const role = roles[found.role as Role] ?? { vi: found.role, en: found.role }
    throw new DomainError('FORBIDDEN', {
      vi: `Chỉ ${role.vi.toLowerCase()} của ${unit?.name ?? 'đơn vị được hỏi'} mới trả lời được yêu cầu lấy ý kiến này.`,
      en: `Only the ${role.en.toLowerCase()} of ${unit?.code ?? 'the consulted unit'} may answer this consultation.`,
    })
  }
  return withTransaction(db, async (tx) => {
    const dossier = await lockDossier(tx, input.dossier.id)
    if (!dossier) throw notFoundDossier(input.dossier.receiptCode)
    const [current] = await tx.select().from(consultations).where(eq(consultations.id, found.id))
    if (current!.answeredAt)
      throw new DomainError('CONFLICT', {
        vi: 'Đơn vị đã trả lời yêu cầu lấy ý kiến này; mỗi yêu cầu chỉ trả lời một lần.',
        en: 'This consultation has already been answered.',
      })
    if (current!.closedAt)
      throw new DomainError('CONFLICT', {
        vi: 'Việc lấy ý kiến đối với hồ sơ này đã kết thúc; không nhận thêm ý kiến.',
        en: 'This consultation has been closed.',
      })
    const [answered] = await tx
      .update(consultations)
      .set({ answeredAt: now, answeredBy: principal.userId, opinion: input.opinion, note })
      .where(eq(consultations.id, found.id))
      .returning()
    const [bumped] = await tx
      .update(dossiers)
      .set({ version: dossier.version + 1, updatedAt: now })
      .where(eq(dossiers.id, dossier.id))
      .returning()
    const [last] = await tx
      .select({ seq: max(dossierEvents.seq) })
      .from(dossierEvents)
      .where(eq(dossierEvents.dossierId, dossier.id))
    const unit = await input.units.byId(found.unitId)
    await tx.insert(dossierEvents).values({
      dossierId: dossier.id,
      seq: (last?.seq ?? 0) + 1,
      at: now,
      actorUserId: principal.userId,
      actorRole: found.role,
      action: 'answerConsultation',
      fromStep: dossier.currentStep,
      toStep: dossier.currentStep,
      fromStatus: dossier.status,
      toStatus: dossier.status,
      note,
      data: {
        label: `${unit?.name ?? ''} trả lời ý kiến: ${opinionLabels[input.opinion]}`,
        consultationId: found.id,
        unitCode: unit?.code ?? null,
        consultedUnit: unit?.name ?? null,
        opinion: input.opinion,
        consultationDueAt: found.dueAt.toISOString(),
        late: now > found.dueAt,
      },
    })
    const moved = await moveOnIfComplete(tx, bumped!, input)
    return { consultation: answered!, dossier: moved ?? bumped!, movedOn: moved !== undefined }
  })
}

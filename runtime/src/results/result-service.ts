import { createHash } from 'node:crypto'
import {
  allowedDeliveryMethods,
  createAjv,
  DomainError,
  type FilledResultDocument,
  fillResultDocument,
  type Issue,
  type Message,
  toIssues,
} from '@motcua/core'
import { attachmentBlobs, attachments, type Db, dossiers, withTransaction } from '@motcua/db'
import { and, desc, eq } from 'drizzle-orm'
import type { Principal } from '../auth/principal'
import { OFFICER_ROLES } from '../auth/role-groups'
import { actsFor, appendEvent, type DossierRow } from '../dossiers/act'
import type { LoadedDossier } from '../dossiers/load-dossier'
import type { PublishedVersion } from '../procedures/registry'
import { authorityLines, placeName } from '../slips/authority'
import type { UnitDirectory } from '../units/unit-directory'
import { resultPdf } from './result-pdf'

/** The component key a generated result document is stored under (an uploaded result uses the same). */
export const RESULT_KEY = 'ket_qua'

const conflict = (vi: string, en: string) => new DomainError('CONFLICT', { vi, en })

// compiled once per published version, like the form's validator
const validators = new WeakMap<PublishedVersion, (data: unknown) => Issue[]>()
function resultDataValidator(procedure: PublishedVersion): (data: unknown) => Issue[] {
  let validate = validators.get(procedure)
  if (!validate) {
    const schema = procedure.definition.resultData?.schema
    const compiled = schema ? createAjv().compile(schema) : undefined
    validate = (data) => (compiled && !compiled(data) ? toIssues(compiled.errors) : [])
    validators.set(procedure, validate)
  }
  return validate
}

/** The officer writing must hold an officer's role for the dossier's own unit. */
function assertOfficer(principal: Principal, dossier: DossierRow): void {
  if (!actsFor(principal, dossier.unitId, OFFICER_ROLES))
    throw new DomainError('FORBIDDEN', {
      vi: 'Chỉ cán bộ của đơn vị giải quyết hồ sơ mới nhập và lập kết quả.',
      en: 'Only the officers of the dossier’s unit enter and issue its result.',
    })
}

function assertInProgress(dossier: DossierRow): void {
  if (dossier.currentStep === null)
    throw conflict('Hồ sơ đã kết thúc, không thay đổi được kết quả.', 'The dossier has ended.')
  if (dossier.receivedAt === null)
    throw conflict('Hồ sơ chưa được tiếp nhận.', 'The dossier has not been received yet.')
}

const actorOf = (principal: Principal, dossier: DossierRow) => ({
  userId: principal.userId,
  role: principal.grants.find((g) => g.unitId === dossier.unitId && OFFICER_ROLES.includes(g.role))?.role ?? null,
})

/**
 * Records the result data an officer enters (the number and date of the paper issued), checked against the
 * definition's `resultData` schema; the data and its event commit together, guarded by the dossier's version.
 */
export async function enterResultData(
  db: Db,
  input: {
    loaded: LoadedDossier
    data: Record<string, unknown>
    expectedVersion: number
    principal: Principal
    now: Date
  },
): Promise<DossierRow> {
  const { dossier, procedure } = input.loaded
  assertOfficer(input.principal, dossier)
  if (!procedure.definition.resultData)
    throw conflict(
      'Thủ tục này không có thông tin kết quả để nhập.',
      'This procedure declares no result data (resultData).',
    )
  assertInProgress(dossier)
  const issues = resultDataValidator(procedure)(input.data).map((i) => ({ ...i, path: `/data${i.path}` }))
  if (issues.length)
    throw new DomainError(
      'INVALID_DATA',
      {
        vi: 'Thông tin kết quả chưa hợp lệ. Vui lòng sửa các trường được đánh dấu.',
        en: 'The result data is not valid.',
      },
      issues,
    )
  if (dossier.version !== input.expectedVersion) throw stale()
  return withTransaction(db, async (tx) => {
    await appendEvent(tx, dossier, {
      action: 'resultDataEntered',
      actor: actorOf(input.principal, dossier),
      data: { resultData: input.data },
      at: input.now,
    })
    const [updated] = await tx
      .update(dossiers)
      .set({ resultData: input.data })
      .where(eq(dossiers.id, dossier.id))
      .returning()
    return updated!
  })
}

const stale = () =>
  new DomainError('CONFLICT', {
    vi: 'Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại hồ sơ rồi thực hiện lại.',
    en: 'The dossier changed since you loaded it (stale expectedVersion). Reload and retry.',
  })

/** The definition's result document filled with the dossier's data as it is now. */
export async function fillDocument(
  loaded: LoadedDossier,
  units: UnitDirectory,
  documentDate: Date,
): Promise<FilledResultDocument> {
  const { dossier, unit, procedure } = loaded
  const template = procedure.definition.resultDocument
  if (!template)
    throw new DomainError('NOT_FOUND', {
      vi: 'Thủ tục này không có mẫu văn bản kết quả.',
      en: 'This procedure has no result document template.',
    })
  const parent = unit.parentId ? await units.byId(unit.parentId) : undefined
  const filled = fillResultDocument(procedure.definition, template, {
    form: dossier.formData,
    result: dossier.resultData ?? {},
    dossier: { receiptCode: dossier.receiptCode, receivedAt: dossier.receivedAt, doneAt: dossier.doneAt },
    unit: {
      name: unit.name,
      code: unit.code,
      place: placeName({ name: unit.name, parentName: parent?.name ?? null }),
      parentName: parent?.name ?? '',
    },
    documentDate,
  })
  // without its own issuer lines, the document is headed by the unit as the slips are (UBND HUYỆN … / UBND XÃ …)
  if (!template.issuer) {
    const lines = authorityLines({ name: unit.name, parentName: parent?.name ?? null })
    filled.issuer = lines.parent ? [lines.parent, lines.unit] : [lines.unit]
  }
  return filled
}

/**
 * Generates the result document as a PDF from the dossier's data and stores it as the dossier's `result`
 * attachment (content-addressed like every file), with its event, in one transaction. The result data must be
 * entered (and valid) first when the procedure declares it.
 */
export async function generateResultDocument(
  db: Db,
  input: { loaded: LoadedDossier; expectedVersion: number; principal: Principal; units: UnitDirectory; now: Date },
): Promise<{ id: string; fileName: string; sha256: string; size: number; version: number }> {
  const { dossier, procedure } = input.loaded
  assertOfficer(input.principal, dossier)
  assertInProgress(dossier)
  if (dossier.version !== input.expectedVersion) throw stale()
  if (procedure.definition.resultData) {
    const issues = resultDataValidator(procedure)(dossier.resultData ?? {})
    if (dossier.resultData === null || issues.length)
      throw new DomainError(
        'CONFLICT',
        {
          vi: 'Vui lòng nhập đủ thông tin kết quả (số, ngày cấp…) trước khi lập văn bản kết quả.',
          en: 'Enter the result data before generating the document.',
        },
        issues.map((i) => ({ ...i, path: `/resultData${i.path}` })),
      )
  }
  const filled = await fillDocument(input.loaded, input.units, input.now)
  const content = await resultPdf(filled, input.now)
  const sha256 = createHash('sha256').update(content).digest('hex')
  const fileName = `ket-qua-${dossier.receiptCode}.pdf`
  return withTransaction(db, async (tx) => {
    await appendEvent(tx, dossier, {
      action: 'resultDocumentGenerated',
      actor: actorOf(input.principal, dossier),
      data: { fileName, sha256 },
      at: input.now,
    })
    await tx
      .insert(attachmentBlobs)
      .values({ sha256, size: content.byteLength, mediaType: 'application/pdf', content })
      .onConflictDoNothing()
    const [row] = await tx
      .insert(attachments)
      .values({
        dossierId: dossier.id,
        componentKey: RESULT_KEY,
        kind: 'result',
        fileName,
        sha256,
        mediaType: 'application/pdf',
        size: content.byteLength,
        uploadedBy: input.principal.userId,
      })
      .returning({ id: attachments.id })
    return { id: row!.id, fileName, sha256, size: content.byteLength, version: dossier.version + 1 }
  })
}

/** The latest result file of a dossier (generated or uploaded), or undefined. */
export async function latestResult(db: Db, dossierId: string, generatedOnly = false) {
  const [row] = await db
    .select({ a: attachments, content: attachmentBlobs.content })
    .from(attachments)
    .innerJoin(attachmentBlobs, eq(attachmentBlobs.sha256, attachments.sha256))
    .where(
      and(
        eq(attachments.dossierId, dossierId),
        eq(attachments.kind, 'result'),
        ...(generatedOnly
          ? [eq(attachments.componentKey, RESULT_KEY), eq(attachments.mediaType, 'application/pdf')]
          : []),
      ),
    )
    .orderBy(desc(attachments.uploadedAt), desc(attachments.id))
    .limit(1)
  return row
}

/**
 * Why the applicant may not download the electronic result yet, or null when they may: the result must be ready
 * (status 9) or returned (10), and the procedure must deliver it electronically (`online` among its methods).
 */
export function citizenResultRefusal(procedure: PublishedVersion, dossier: DossierRow): Message | null {
  if (!allowedDeliveryMethods(procedure.definition).includes('online'))
    return {
      vi: 'Thủ tục này không trả kết quả bản điện tử: vui lòng nhận kết quả theo hình thức đã chọn.',
      en: 'This procedure does not deliver an electronic result.',
    }
  if (dossier.status !== 9 && dossier.status !== 10)
    return {
      vi: 'Kết quả giải quyết chưa sẵn sàng. Vui lòng tra cứu lại khi hồ sơ ở trạng thái "Đã xử lý xong".',
      en: 'The result is not ready yet.',
    }
  return null
}

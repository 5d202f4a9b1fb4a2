import { randomUUID } from 'node:crypto'
import {
  applyAction,
  type Channel,
  computeFees,
  DomainError,
  type DossierState,
  dossierStatuses,
  effectiveSteps,
  type FeeLine,
  foldVietnamese,
  requiredComponents,
  selectCase,
} from '@motcua/core'
import { type Applicant, builtOnce, type Db, dossierEvents, dossiers, pgError } from '@motcua/db'
import { and, eq, getTableColumns, sql } from 'drizzle-orm'
import { lookupPin } from '../auth/instance-secret'
import type { Principal } from '../auth/principal'
import { sha256 } from '../auth/tokens'
import { loadUnitCalendar } from '../calendar'
import type { PluginHost } from '../plugins/plugin-host'
import { dossierChange, dossierSnapshot } from '../plugins/snapshot'
import type { PublishedVersion } from '../procedures/registry'
import type { UnitDirectory } from '../units/unit-directory'
import { type DossierRow, roleAtStep } from './act'
import { type CheckedFile, checkFiles, missingComponents, storeFiles } from './attachments'
import { insertEvent, transitionRow } from './events'
import { nextReceiptCode } from './receipt'

export interface SubmitInput {
  procedure: PublishedVersion
  unitCode: string
  applicant: Applicant
  formData: Record<string, unknown>
  files: { componentKey: string; file: File }[]
  idempotencyKey?: string
  principal?: Principal
  secret: string
  /** 2 online (default); 1 at the counter and 3 by post are entered by a receiving officer, who receives them at once. */
  channel?: Channel
  now?: Date
  /** Runs the plugins' submit hooks in the same transaction. */
  plugins?: PluginHost
  units: UnitDirectory
}

export interface SubmittedDossier {
  receiptCode: string
  pin: string
  status: number
  statusName: { vi: string; en: string }
  submittedAt: Date
  /** The appointment (ngày hẹn trả) once received. */
  dueAt: Date | null
  procedure: { code: string; name: string; version: number }
  unit: { code: string; name: string }
  fees: FeeLine[]
}

const invalid = (vi: string, en: string, path: string, code: string) =>
  new DomainError('INVALID_DATA', { vi, en }, [{ code, path, message: { vi, en } }])

const NO_SUBMITTER = '00000000-0000-0000-0000-000000000000'

// built once: drizzle would build this 25-column insert again for every submission (see builtOnce)
const insertDossier = builtOnce<typeof dossiers.$inferInsert, DossierRow>(
  (db, row) => db.insert(dossiers).values(row).returning(),
  getTableColumns(dossiers),
)

/**
 * Files a dossier online: the form checked by its version's compiled validator, attachments checked
 * against their components, then the receipt code, the dossier, its files and its first event in one
 * transaction. A repeated `idempotencyKey` from the same submitter returns the first dossier instead.
 */
export async function submitDossier(
  db: Db,
  input: SubmitInput,
): Promise<{ dossier: SubmittedDossier; replayed: boolean }> {
  const { procedure, principal } = input
  const def = procedure.definition
  const unit = await input.units.byCode(input.unitCode)
  if (!unit)
    throw invalid(`Không có đơn vị mã ${input.unitCode}.`, `No unit ${input.unitCode}.`, '/unitCode', 'unit.unknown')
  const offered = def.units?.length ? def.units.includes(unit.code) : def.level === unit.level
  if (!offered)
    throw invalid(
      `${unit.name} không giải quyết thủ tục "${def.name}". Vui lòng chọn đơn vị khác.`,
      `${unit.name} does not handle this procedure.`,
      '/unitCode',
      'unit.notOffering',
    )

  const formIssues = procedure.validateForm(input.formData).map((i) => ({ ...i, path: `/formData${i.path}` }))
  if (formIssues.length)
    throw new DomainError(
      'INVALID_DATA',
      {
        vi: 'Tờ khai còn thông tin chưa hợp lệ. Vui lòng sửa các trường được đánh dấu.',
        en: 'Some form fields are not valid.',
      },
      formIssues,
    )
  const files: CheckedFile[] = await checkFiles(input.files, def.components)
  const missing = missingComponents(requiredComponents(def, input.formData), files)
  if (missing.length)
    throw new DomainError(
      'INVALID_DATA',
      { vi: 'Hồ sơ còn thiếu giấy tờ bắt buộc.', en: 'Required documents are missing.' },
      missing,
    )
  let fees = computeFees(def, input.formData)
  const procedureCase = selectCase(def, input.formData)
  const firstStep = effectiveSteps(def, procedureCase?.key)[0]!

  const channel = input.channel ?? 2
  const view = (row: {
    id: string
    receiptCode: string
    status: number
    submittedAt: Date
    dueAt: Date | null
  }): SubmittedDossier => ({
    receiptCode: row.receiptCode,
    pin: lookupPin(input.secret, row.id),
    status: row.status,
    statusName: dossierStatuses[row.status as keyof typeof dossierStatuses],
    submittedAt: row.submittedAt,
    dueAt: row.dueAt,
    procedure: { code: def.code, name: def.name, version: procedure.version },
    unit: { code: unit.code, name: unit.name },
    fees,
  })
  const submittedBy = principal?.userId ?? null
  const findExisting = async (tx: Db) => {
    if (!input.idempotencyKey) return undefined
    const [row] = await tx
      .select({
        id: dossiers.id,
        receiptCode: dossiers.receiptCode,
        status: dossiers.status,
        submittedAt: dossiers.submittedAt,
        dueAt: dossiers.dueAt,
        procedureVersionId: dossiers.procedureVersionId,
      })
      .from(dossiers)
      .where(
        and(
          sql`coalesce(${dossiers.submittedBy}, ${NO_SUBMITTER}::uuid) = ${submittedBy ?? NO_SUBMITTER}::uuid`,
          eq(dossiers.idempotencyKey, input.idempotencyKey),
        ),
      )
    if (row && row.procedureVersionId !== procedure.id) {
      throw new DomainError('CONFLICT', {
        vi: 'Mã Idempotency-Key này đã được dùng cho một hồ sơ khác.',
        en: 'This Idempotency-Key was used for another request.',
      })
    }
    return row
  }

  const submitted: DossierState = {
    status: 1,
    currentStep: firstStep.key,
    caseKey: procedureCase?.key ?? null,
    receivedAt: null,
    dueAt: null,
    pausedAt: null,
    doneAt: null,
    returnedAt: null,
  }
  const receiveAction = channel === 2 ? undefined : firstStep.actions.find((a) => a.type === 'receive')
  if (channel !== 2 && !receiveAction)
    throw new DomainError('CONFLICT', {
      vi: 'Thủ tục này không có bước tiếp nhận.',
      en: 'This procedure has no receive action.',
    })
  const receipt = async (now: Date) =>
    receiveAction
      ? applyAction(
          def,
          submitted,
          receiveAction.key,
          {},
          { calendar: await loadUnitCalendar(db, unit.id), now, formData: input.formData },
        )
      : undefined
  const searchText = foldVietnamese(`${input.applicant.fullName} ${input.applicant.idNumber ?? ''}`)

  try {
    const now = input.now ?? new Date()
    const received = await receipt(now)
    return await db.transaction(async (tx) => {
      const t = tx as unknown as Db
      const existing = await findExisting(t)
      if (existing) return { dossier: view(existing), replayed: true }
      const id = randomUUID()
      const receiptCode = await nextReceiptCode(t, unit, now)
      const [row] = await insertDossier(t, {
        id,
        receiptCode,
        lookupPinHash: sha256(lookupPin(input.secret, id)),
        procedureVersionId: procedure.id,
        unitId: unit.id,
        channel,
        ...(received?.next ?? submitted),
        currentRole: roleAtStep(def, received?.next ?? submitted),
        applicant: input.applicant,
        applicantUserId: channel === 2 ? submittedBy : null,
        formData: input.formData,
        submittedAt: now,
        idempotencyKey: input.idempotencyKey ?? null,
        searchText: `${searchText} ${receiptCode.toLowerCase()}`,
        submittedBy,
      })
      await storeFiles(t, id, files, 'application', submittedBy)
      if (input.plugins)
        fees = await input.plugins.adjustFees(t, {
          unitId: unit.id,
          unitCode: unit.code,
          dossierId: id,
          procedureCode: def.code,
          formData: input.formData,
          fees,
        })
      const submitEvent: typeof dossierEvents.$inferInsert = {
        dossierId: id,
        seq: 1,
        at: now,
        actorUserId: submittedBy,
        actorRole: received ? 'receiving_officer' : principal ? 'citizen' : null,
        action: 'submit',
        toStep: firstStep.key,
        toStatus: 1,
        data: { channel, fees, version: procedure.version },
      }
      const events = [
        submitEvent,
        ...(received
          ? [transitionRow(id, 2, now, { userId: submittedBy, role: 'receiving_officer' }, received.event)]
          : []),
      ]
      for (const event of events) await insertEvent(t, event)
      for (const event of events)
        await input.plugins?.runHooks(t, {
          unitId: unit.id,
          dossierId: id,
          snapshot: dossierSnapshot(row!, unit, procedure),
          change: dossierChange(event),
        })
      return { dossier: view(row!), replayed: false }
    })
  } catch (error) {
    // a concurrent retry with the same key committed first: answer with its dossier
    if (pgError(error)?.constraint === 'dossiers_idempotency') {
      const existing = await findExisting(db)
      if (existing) return { dossier: view(existing), replayed: true }
    }
    throw error
  }
}

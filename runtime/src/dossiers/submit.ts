import { randomUUID } from 'node:crypto'
import {
  applyAction,
  type Channel,
  computeFees,
  DATE_RULES_KEYWORD,
  DomainError,
  type DossierDelivery,
  type DossierState,
  dossierStatuses,
  effectiveSteps,
  type FeeLine,
  foldVietnamese,
  type RuleContext,
  requiredComponents,
  ruleChannels,
  selectCase,
  vietnamDate,
} from '@motcua/core'
import { type Applicant, builtOnce, type Db, type dossierEvents, dossiers, pgError, withTransaction } from '@motcua/db'
import { and, eq, getTableColumns, sql } from 'drizzle-orm'
import { lookupPin } from '../auth/instance-secret'
import type { Principal } from '../auth/principal'
import { sha256 } from '../auth/tokens'
import { assertCounterOpen } from '../calendars/counter-hours'
import type { DossierCounters } from '../metrics/runtime-metrics'
import type { PluginHost } from '../plugins/plugin-host'
import { dossierChange, dossierSnapshot } from '../plugins/snapshot'
import { constantsForFiling } from '../procedures/constants'
import { offeringAt } from '../procedures/offering'
import type { ProcedureRegistry, PublishedVersion } from '../procedures/registry'
import { checkDeliveryChoice, type DeliveryInput, deliveryFees } from '../results/delivery-choice'
import type { UnitDirectory } from '../units/unit-directory'
import { type DossierRow, roleAtStep } from './act'
import { type CheckedFile, checkFiles, missingComponents, storeFiles } from './attachments'
import { insertEvent, transitionRow } from './events'
import { handlingUnit, handOverRow } from './hand-over'
import { nextReceiptCode } from './receipt'
import { receivingUnit } from './reception'

export interface SubmitInput {
  procedure: PublishedVersion
  /** The resolving unit (đơn vị giải quyết) the applicant chose. */
  unitCode: string
  /**
   * Where a counter officer filed it, when that is not the procedure's usual receiving unit (reception regardless of
   * administrative boundary, Nghị định 118/2025/NĐ-CP); online dossiers are received at the usual one.
   */
  receivingUnitCode?: string
  applicant: Applicant
  formData: Record<string, unknown>
  /** How the applicant wants the result (the procedure's `resultDelivery`); the first method when absent. */
  delivery?: DeliveryInput
  /** The lời cam đoan the applicant agreed to, in its words: recorded with the submission event. */
  declaration?: string
  files: { componentKey: string; file: File }[]
  /** At the counter: components received on paper (bản chính, bản sao), which stand for a scan. */
  received?: Record<string, 'original' | 'copy'>
  /** At the counter: the fees collected (VND), which must be the dossier's total; recorded with the submission. */
  feesPaid?: number
  /**
   * Retries carrying the same key create one dossier. `request` is the submission as sent (the JSON text):
   * a replay must be that same request, files included; the same key with anything else is refused.
   */
  idempotency?: { key: string; request: string }
  principal?: Principal
  secret: string
  /** 2 online (default); 1 at the counter and 3 by post are entered by a receiving officer, who receives them at once. */
  channel?: Channel
  now?: Date
  /** Adjusts the fees with the plugins' hooks before, and queues their submit hooks in the same transaction. */
  plugins?: PluginHost
  units: UnitDirectory
  /** The units' offering settings (see `offeringAt`). */
  registry: ProcedureRegistry
  /** Counts the dossier once its transaction committed (a replay is not counted again). */
  metrics?: Pick<DossierCounters, 'submitted'>
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
  /** The resolving unit. */
  unit: { code: string; name: string }
  /** Where it is received; its electronic id and sequence make the receipt code. */
  receivingUnit: { code: string; name: string }
  fees: FeeLine[]
  /** How the applicant chose to receive the result; null when the procedure offers no choice. */
  delivery: DossierDelivery | null
  /** The procedure's case the form data selected (its processing time gives the expected appointment). */
  caseKey: string | null
}

const invalid = (vi: string, en: string, path: string, code: string) =>
  new DomainError('INVALID_DATA', { vi, en }, [{ code, path, message: { vi, en } }])

const NO_SUBMITTER = '00000000-0000-0000-0000-000000000000'

const keyReused = () =>
  new DomainError(
    'UNPROCESSABLE',
    {
      vi: 'Mã Idempotency-Key này đã được dùng cho một lần nộp khác. Nếu bạn đang nộp một hồ sơ mới, hãy dùng một mã mới.',
      en: 'This Idempotency-Key was already used with a different request. Use a new key for a new submission.',
    },
    [
      {
        code: 'idempotency.keyReused',
        path: '/headers/idempotency-key',
        message: { vi: 'Mã đã dùng cho yêu cầu khác', en: 'Key used for another request' },
      },
    ],
  )
// built once: drizzle would build this 25-column insert again for every submission (see builtOnce)
const insertDossier = builtOnce<typeof dossiers.$inferInsert, DossierRow>(
  (db, row) => db.insert(dossiers).values(row).returning(),
  getTableColumns(dossiers),
)

/**
 * Files a dossier online: the form checked by its version's compiled validator, attachments checked
 * against their components, then the receipt code, the dossier, its files and its first event in one
 * transaction. A replay of the same request with the same idempotency key from the same submitter (anonymous
 * ones share one scope, told apart by the request itself) returns the first dossier instead.
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
  const filedAt = input.receivingUnitCode ? await input.units.byCode(input.receivingUnitCode) : undefined
  if (input.receivingUnitCode && !filedAt)
    throw invalid(
      `Không có đơn vị mã ${input.receivingUnitCode}.`,
      `No unit ${input.receivingUnitCode}.`,
      '/receivingUnitCode',
      'unit.unknown',
    )
  const now = input.now ?? new Date()
  const receiving = await receivingUnit(input.units, def, unit, { filedAt, at: now })
  const unitIds = { unitId: unit.id, filedUnitId: unit.id, receivingUnitId: receiving.id }

  // dates are checked against today in Vietnam by the server's clock (a birth date cannot be tomorrow)
  const formIssues = procedure
    .validateForm(input.formData, vietnamDate(now))
    .map((i) => ({ ...i, path: `/formData${i.path}` }))
  if (formIssues.length) {
    // Well formed, but the calendar says no (a birth date tomorrow, a child born before its mother): 422.
    if (formIssues.every((i) => i.code === DATE_RULES_KEYWORD))
      throw new DomainError(
        'UNPROCESSABLE',
        {
          vi: 'Tờ khai có ngày không thể đúng. Vui lòng sửa các ngày được đánh dấu.',
          en: 'Some dates in the form cannot be right; please correct the marked dates.',
        },
        formIssues,
      )
    throw new DomainError(
      'INVALID_DATA',
      {
        vi: 'Tờ khai còn thông tin chưa hợp lệ. Vui lòng sửa các trường được đánh dấu.',
        en: 'Some form fields are not valid.',
      },
      formIssues,
    )
  }
  const delivery = await checkDeliveryChoice(def, input.delivery, input.units)
  const files: CheckedFile[] = await checkFiles(input.files, def.components)
  // what rules see besides the form: fixed here, with the fees (FORMAT.md, "Rules")
  const channel = input.channel ?? 2
  const constants = await constantsForFiling(db, def)
  const rules: RuleContext = {
    channel: ruleChannels[channel],
    today: vietnamDate(now),
    ...(constants ? { constants } : {}),
  }
  const received = channel === 2 ? undefined : input.received
  const unknownReceived = Object.keys(received ?? {}).filter((key) => !def.components.some((c) => c.key === key))
  if (unknownReceived.length)
    throw invalid(
      `Thủ tục không có thành phần hồ sơ ${unknownReceived.join(', ')}.`,
      `The procedure has no component ${unknownReceived.join(', ')}.`,
      `/received/${unknownReceived[0]}`,
      'component.unknown',
    )
  const onPaper = Object.keys(received ?? {}).map((componentKey) => ({ componentKey }))
  const missing = missingComponents(requiredComponents(def, input.formData, rules), [...files, ...onPaper])
  if (missing.length)
    throw new DomainError(
      'INVALID_DATA',
      { vi: 'Hồ sơ còn thiếu giấy tờ bắt buộc.', en: 'Required documents are missing.' },
      missing,
    )
  const procedureCase = selectCase(def, input.formData, rules)
  const firstStep = effectiveSteps(def, procedureCase?.key)[0]!

  const view = (
    row: {
      id: string
      receiptCode: string
      status: number
      submittedAt: Date
      dueAt: Date | null
      fees: FeeLine[]
      delivery: DossierDelivery | null
      caseKey: string | null
    },
    pin = lookupPin(input.secret, row.id),
  ): SubmittedDossier => ({
    receiptCode: row.receiptCode,
    pin,
    status: row.status,
    statusName: dossierStatuses[row.status as keyof typeof dossierStatuses],
    submittedAt: row.submittedAt,
    dueAt: row.dueAt,
    procedure: { code: def.code, name: def.name, version: procedure.version },
    unit: { code: unit.code, name: unit.name },
    receivingUnit: { code: receiving.code, name: receiving.name },
    fees: row.fees,
    delivery: row.delivery,
    caseKey: row.caseKey,
  })
  const submittedBy = principal?.userId ?? null
  const idempotency = input.idempotency && {
    key: input.idempotency.key,
    fingerprint: sha256(
      [input.idempotency.request, ...files.map((f) => `${f.componentKey}\t${f.fileName}\t${f.sha256}`)].join('\n'),
    ),
  }
  const findExisting = async (tx: Db) => {
    if (!idempotency) return undefined
    const [row] = await tx
      .select({
        id: dossiers.id,
        receiptCode: dossiers.receiptCode,
        status: dossiers.status,
        submittedAt: dossiers.submittedAt,
        dueAt: dossiers.dueAt,
        fees: dossiers.fees,
        delivery: dossiers.delivery,
        caseKey: dossiers.caseKey,
        fingerprint: dossiers.idempotencyFingerprint,
      })
      .from(dossiers)
      .where(
        and(
          sql`coalesce(${dossiers.submittedBy}, ${NO_SUBMITTER}::uuid) = ${submittedBy ?? NO_SUBMITTER}::uuid`,
          eq(dossiers.idempotencyKey, idempotency.key),
        ),
      )
    if (row && row.fingerprint !== idempotency.fingerprint) throw keyReused()
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
          {
            calendar: await input.units.calendarOf(unit.id),
            now,
            formData: input.formData,
            channel: ruleChannels[channel],
            ...(constants ? { constants } : {}),
          },
        )
      : undefined
  const searchText = foldVietnamese(`${input.applicant.fullName} ${input.applicant.idNumber ?? ''}`)

  // a replay answers at once, without asking the plugins again
  const replay = await findExisting(db)
  if (replay) return { dossier: view(replay), replayed: true }
  // after the replay: a retry of a dossier filed just before the unit stopped offering it still gets that dossier
  const offering = await offeringAt(
    procedure,
    unit,
    { registry: input.registry, units: input.units, db, ...(input.plugins ? { plugins: input.plugins } : {}) },
    input.now ?? new Date(),
  )
  if (!offering.offered) throw invalid(offering.message.vi, offering.message.en, '/unitCode', offering.code)
  // plugins' fee hooks run before the transaction: a slow one must never hold it open
  const ruleFees = computeFees(def, input.formData, rules)
  const adjusted = input.plugins
    ? await input.plugins.adjustFees(db, {
        unitId: unit.id,
        unitCode: unit.code,
        procedureCode: def.code,
        formData: input.formData,
        fees: ruleFees,
        ...(def.plugins ? { uses: def.plugins } : {}),
      })
    : ruleFees
  // the postal fee is the post's price for the delivery chosen, not a fee of the procedure the plugins adjust
  const fees = [...adjusted, ...deliveryFees(def, delivery)]
  const total = fees.reduce((sum, line) => sum + line.amount, 0)
  if (input.feesPaid !== undefined && channel !== 2 && input.feesPaid !== total)
    throw invalid(
      `Số tiền đã thu (${input.feesPaid.toLocaleString('vi-VN')} đồng) khác tổng phí, lệ phí của hồ sơ (${total.toLocaleString('vi-VN')} đồng). Kiểm tra lại số tiền.`,
      `The amount collected (${input.feesPaid} VND) is not the dossier's fees (${total} VND).`,
      '/feesPaid/amount',
      'fees.paidMismatch',
    )
  const counter = {
    ...(received && Object.keys(received).length ? { received } : {}),
    ...(input.feesPaid !== undefined && channel !== 2 ? { feesPaid: input.feesPaid } : {}),
  }

  try {
    if (channel === 1) assertCounterOpen(await input.units.unitCalendarOf(receiving.id), receiving.name, now)
    const received = await receipt(now)
    const state = received?.next ?? submitted
    // where it waits first (the counter that receives), and who has it once received at the counter
    const firstUnit = (await handlingUnit(input.units, def, submitted, unitIds))!
    const currentUnit = await handlingUnit(input.units, def, state, unitIds)
    const result = await withTransaction(db, async (t) => {
      const existing = await findExisting(t)
      if (existing) return { dossier: view(existing), replayed: true }
      const id = randomUUID()
      const receiptCode = await nextReceiptCode(t, receiving, now)
      const pin = lookupPin(input.secret, id)
      const [row] = await insertDossier(t, {
        id,
        receiptCode,
        lookupPinHash: sha256(pin),
        procedureVersionId: procedure.id,
        ...unitIds,
        currentUnitId: currentUnit?.id ?? null,
        channel,
        ...state,
        currentRole: roleAtStep(def, state),
        applicant: input.applicant,
        applicantUserId: channel === 2 ? submittedBy : null,
        formData: input.formData,
        fees,
        constants,
        delivery,
        submittedAt: now,
        idempotencyKey: idempotency?.key ?? null,
        idempotencyFingerprint: idempotency?.fingerprint ?? null,
        searchText: `${searchText} ${receiptCode.toLowerCase()}`,
        submittedBy,
      })
      const filed = row!
      await storeFiles(t, id, files, 'application', submittedBy)
      const submitEvent: typeof dossierEvents.$inferInsert = {
        dossierId: id,
        seq: 1,
        at: now,
        actorUserId: submittedBy,
        actorRole: received ? 'receiving_officer' : principal ? 'citizen' : null,
        action: 'submit',
        toStep: firstStep.key,
        toStatus: 1,
        data: {
          channel,
          fees,
          version: procedure.version,
          ...(delivery ? { delivery } : {}),
          ...(input.declaration ? { declaration: input.declaration } : {}),
          ...counter,
        },
      }
      const officer = { userId: submittedBy, role: 'receiving_officer' }
      const events = [submitEvent, ...(received ? [transitionRow(id, 2, now, officer, received.event)] : [])]
      // received at the counter straight into another unit's step: the centre hands it over at once
      const handed =
        currentUnit && currentUnit.id !== firstUnit.id
          ? [
              await handOverRow(
                t,
                { id, step: state.currentStep, status: state.status },
                3,
                now,
                officer,
                firstUnit,
                currentUnit,
              ),
            ]
          : []
      for (const event of [...events, ...handed]) await insertEvent(t, event)
      for (const event of events)
        await input.plugins?.queueHooks(t, {
          unitId: unit.id,
          dossierId: id,
          snapshot: dossierSnapshot(filed, unit, procedure),
          formData: filed.formData,
          change: dossierChange(event),
          uses: def.plugins,
        })
      return { dossier: view(filed, pin), replayed: false }
    })
    if (!result.replayed) input.metrics?.submitted(channel)
    return result
  } catch (error) {
    // a concurrent retry with the same key committed first: answer with its dossier
    if (pgError(error)?.constraint === 'dossiers_idempotency') {
      const existing = await findExisting(db)
      if (existing) return { dossier: view(existing), replayed: true }
    }
    throw error
  }
}

/**
 * The version of the dossier an earlier request with this idempotency key filed, when it is of `procedureCode`: a
 * retry that arrives after the procedure left force (midnight of its last day) replays that dossier instead of
 * being refused.
 */
export async function versionOfRetry(
  db: Db,
  registry: ProcedureRegistry,
  retry: { key: string; submittedBy: string | null; procedureCode: string },
): Promise<PublishedVersion | undefined> {
  const [row] = await db
    .select({ versionId: dossiers.procedureVersionId })
    .from(dossiers)
    .where(
      and(
        sql`coalesce(${dossiers.submittedBy}, ${NO_SUBMITTER}::uuid) = ${retry.submittedBy ?? NO_SUBMITTER}::uuid`,
        eq(dossiers.idempotencyKey, retry.key),
      ),
    )
  const version = row && (await registry.byId(row.versionId))
  return version?.code === retry.procedureCode ? version : undefined
}

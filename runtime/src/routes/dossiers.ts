import { DomainError, dossierStatuses, effectiveSteps } from '@motcua/core'
import { type Applicant, attachments, users } from '@motcua/db'
import { eq } from 'drizzle-orm'
import { Hono } from 'hono'
import type { AppEnv } from '../app'
import { checkLookupPin } from '../auth/pin-check'
import { internalConsultationEvents } from '../consultations/events'
import { caseChangeOf, caseChangeReason } from '../dossiers/decisions-view'
import { dueIsProvisional } from '../dossiers/desk-view'
import { notFoundDossier } from '../dossiers/errors'
import { eventsOf } from '../dossiers/events'
import { handLabel, handUnits } from '../dossiers/hand-over'
import { loadDossier } from '../dossiers/load-dossier'
import { ratingOf } from '../dossiers/rating'
import { receiptFacts } from '../dossiers/receipt-facts'
import { applicantDeclaration, filingProperties, readSubmission } from '../dossiers/submission-input'
import { submitDossier, versionOfRetry } from '../dossiers/submit'
import type { BatchedLimit } from '../http/batched-limit'
import { jsonBody } from '../http/body'
import { jsonLimits } from '../http/clean-input'
import type { Operation } from '../http/openapi'
import { clientAddress, limitByAddress } from '../http/rate-limit'
import { proxyRequestId } from '../http/request-id'
import { tooManyAttempts } from '../http/shared-rate-limit'
import { notInForce } from '../procedures/errors'
import type { DeliveryInput } from '../results/delivery-choice'
import { citizenResultRefusal } from '../results/result-service'

export const submissionBody = jsonBody<{
  procedureCode: string
  unitCode: string
  applicant?: Applicant
  formData: Record<string, unknown>
  delivery?: DeliveryInput
  declaration?: boolean
}>(
  {
    type: 'object',
    properties: filingProperties,
    required: ['procedureCode', 'unitCode', 'formData'],
    additionalProperties: false,
  },
  jsonLimits.form,
)

// online there is no signed paper: the applicant ticks the tờ khai's lời cam đoan instead
const notDeclared = () =>
  new DomainError(
    'UNPROCESSABLE',
    {
      vi: 'Vui lòng đánh dấu lời cam đoan trước khi nộp hồ sơ.',
      en: 'Tick the declaration that the information is true before submitting.',
    },
    [
      {
        code: 'declaration.required',
        path: '/declaration',
        message: { vi: applicantDeclaration, en: 'The declaration must be ticked (true)' },
      },
    ],
  )

// a PIN in a URL ends up in proxy logs, browser history and Referer headers
const pinInUrl = () =>
  new DomainError(
    'INVALID_DATA',
    {
      vi: 'Không gửi mã tra cứu (PIN) trên địa chỉ. Hãy gửi trong tiêu đề X-Lookup-Pin.',
      en: 'Never put the PIN in the URL: send it in the X-Lookup-Pin header.',
    },
    [{ code: 'pin.inUrl', path: '/query/pin', message: { vi: 'Không gửi PIN trên địa chỉ', en: 'No PIN in the URL' } }],
  )

const actionNames: Record<string, { vi: string; en: string }> = {
  submit: { vi: 'Nộp hồ sơ', en: 'Submitted' },
  supplementSubmitted: { vi: 'Công dân nộp bổ sung giấy tờ', en: 'Supplement sent' },
  resultAttached: { vi: 'Đính kèm kết quả giải quyết', en: 'Result attached' },
  resultDataEntered: { vi: 'Nhập thông tin kết quả giải quyết', en: 'Result data entered' },
  resultDocumentGenerated: { vi: 'Lập văn bản kết quả giải quyết', en: 'Result document generated' },
  rated: { vi: 'Công dân đánh giá mức độ hài lòng', en: 'Satisfaction rated' },
  ratingChanged: { vi: 'Công dân sửa đánh giá mức độ hài lòng', en: 'Satisfaction rating changed' },
  calendarChange: {
    vi: 'Tính lại hạn giải quyết theo lịch làm việc',
    en: 'Due date recomputed for the working calendar',
  },
}
const actionName = (action: string, data: unknown) => {
  const hand = handUnits({ action, data })
  if (hand) return handLabel(hand.action, hand.toUnit.name)
  const moved = action === 'reorganise' ? (data as { toUnit?: { name?: unknown } } | null)?.toUnit?.name : undefined
  if (typeof moved === 'string')
    return {
      vi: `Chuyển sang ${moved} giải quyết do sắp xếp đơn vị hành chính`,
      en: `Moved to ${moved}, which took over after an administrative reorganisation`,
    }
  const label = (data as { label?: unknown } | null)?.label
  return actionNames[action] ?? (typeof label === 'string' ? { vi: label, en: action } : { vi: action, en: action })
}

// an officer's choice of case moved the due date: the new date and why, in both languages
const dueChange = (data: unknown) => {
  const change = caseChangeOf(data)
  return change?.newDueAt ? { dueChange: { dueAt: change.newDueAt, reason: caseChangeReason(change) } } : {}
}

/**
 * Citizens: submit, track by receipt code (details with the PIN), their own dossiers and form drafts. `limits` count
 * per client address the public lookups and anonymous filings (no `submit`: not limited).
 */
export const dossiersRoutes = (secret: string, limits: { track: BatchedLimit; submit?: BatchedLimit }) => {
  return new Hono<AppEnv>()
    .post('/api/dossiers', async (c) => {
      const principal = c.var.principal
      const wait = principal ? undefined : await limits.submit?.count(clientAddress(c), c.var.clock().getTime())
      if (wait)
        throw tooManyAttempts(c, wait, {
          vi: 'Địa chỉ mạng này đã nộp quá nhiều hồ sơ trong một phút.',
          en: 'Too many submissions from this address.',
        })
      const { body, request, files } = await readSubmission(c, submissionBody)
      if (body.declaration !== true) throw notDeclared()
      const sentKey = c.req.header('idempotency-key')
      if (sentKey !== undefined && !/^[\w.:-]{1,200}$/.test(sentKey)) {
        throw new DomainError('INVALID_DATA', {
          vi: 'Idempotency-Key không hợp lệ.',
          en: 'Idempotency-Key must be 1–200 letters, digits, . _ : -',
        })
      }
      // nginx passes a submission on to another process when the first fails, with the same X-Request-Id: the
      // first may have filed it already, and the retry must then answer that dossier rather than file a second
      const proxyId = sentKey === undefined ? proxyRequestId(c) : undefined
      const key = sentKey ?? (proxyId && `proxy:${proxyId}`)
      const { procedureCode } = body
      const procedure =
        (await c.var.registry.current(procedureCode, c.var.clock())) ??
        (key
          ? await versionOfRetry(c.var.database.db, c.var.registry, {
              key,
              submittedBy: principal?.userId ?? null,
              procedureCode,
            })
          : undefined)
      if (!procedure) throw await notInForce(c.var.registry, procedureCode, c.var.clock(), 'submission')
      let applicant = body.applicant
      if (!applicant && principal) {
        const [user] = await c.var.database.db.select().from(users).where(eq(users.id, principal.userId))
        applicant = {
          fullName: user!.fullName,
          ...(user!.idNumber ? { idNumber: user!.idNumber } : {}),
          ...(user!.phone ? { phone: user!.phone } : {}),
          ...(user!.email ? { email: user!.email } : {}),
        }
      }
      if (!applicant) {
        throw new DomainError(
          'INVALID_DATA',
          { vi: 'Vui lòng nhập thông tin người nộp hồ sơ.', en: 'Applicant details are required.' },
          [
            {
              code: 'required',
              path: '/applicant',
              message: { vi: 'Vui lòng nhập thông tin người nộp', en: 'Applicant required' },
            },
          ],
        )
      }
      const { dossier, replayed } = await submitDossier(c.var.database.db, {
        procedure,
        unitCode: body.unitCode,
        applicant,
        formData: body.formData,
        ...(body.delivery ? { delivery: body.delivery } : {}),
        declaration: applicantDeclaration,
        files,
        secret,
        now: c.var.clock(),
        plugins: c.var.plugins,
        units: c.var.units,
        registry: c.var.registry,
        metrics: c.var.metrics.dossiers,
        ...(key ? { idempotency: { key, request } } : {}),
        ...(principal ? { principal } : {}),
      })
      if (replayed) c.header('Idempotent-Replayed', 'true')
      const unit = await c.var.units.byCode(dossier.unit.code)
      const facts = unit ? await receiptFacts(c.var, { procedure, unitId: unit.id, dossier, applicant }) : {}
      return c.json({ ...dossier, ...facts }, replayed ? 200 : 201)
    })
    .get('/api/track/:receiptCode', limitByAddress(limits.track), async (c) => {
      if (c.req.query('pin') !== undefined) throw pinInUrl()
      const code = c.req.param('receiptCode')
      const found = await loadDossier(c.var, code)
      if (!found) throw notFoundDossier(code)
      const withDetails = c.req.header('x-lookup-pin') !== undefined
      if (withDetails) await checkLookupPin(c, code, found.dossier.lookupPinHash)
      const { dossier: d, unit, procedure } = found
      const steps = effectiveSteps(procedure.definition, d.caseKey)
      const events = await eventsOf(c.var.database.db, d.id)
      // the opinions other units give while the dossier is being processed are internal (status 4 shows)
      const timeline = events
        .filter((e) => !internalConsultationEvents.has(e.action))
        .map((e) => ({
          at: e.at,
          action: e.action,
          actionName: actionName(e.action, e.data),
          status: e.toStatus,
          statusName: dossierStatuses[e.toStatus as keyof typeof dossierStatuses],
          step: steps.find((s) => s.key === e.toStep)?.name ?? null,
          ...dueChange(e.data),
          ...(withDetails ? { note: e.note, data: e.data } : {}),
        }))
      // where the code and PIN were texted: with the PIN only (even masked, a phone number is personal data)
      const facts = await receiptFacts(c.var, {
        procedure,
        unitId: d.unitId,
        dossier: d,
        ...(withDetails ? { applicant: d.applicant } : {}),
      })
      const handling = d.currentUnitId ? await c.var.units.byId(d.currentUnitId) : undefined
      const publicPart = {
        receiptCode: d.receiptCode,
        procedure: { code: procedure.code, name: procedure.definition.name },
        unit: { code: unit.code, name: unit.name },
        // the unit working on it now: another unit during a liên thông step; null once it has ended
        handlingUnit: handling ? { code: handling.code, name: handling.name } : null,
        channel: d.channel,
        status: d.status,
        statusName: dossierStatuses[d.status as keyof typeof dossierStatuses],
        submittedAt: d.submittedAt,
        receivedAt: d.receivedAt,
        dueAt: d.dueAt,
        expectedDueAt: facts.expectedDueAt,
        payment: facts.payment,
        // a deadline in a year without the Government's decision yet may still move with it
        dueProvisional: dueIsProvisional(await c.var.units.unitCalendarOf(d.unitId), d),
        doneAt: d.doneAt,
        returnedAt: d.returnedAt,
        timeline,
      }
      if (!withDetails) return c.json(publicPart)
      const files = await c.var.database.db
        .select({
          id: attachments.id,
          componentKey: attachments.componentKey,
          fileName: attachments.fileName,
          mediaType: attachments.mediaType,
          size: attachments.size,
          kind: attachments.kind,
        })
        .from(attachments)
        .where(eq(attachments.dossierId, d.id))
      const resultDownload = citizenResultRefusal(procedure, d) === null
      return c.json({
        ...publicPart,
        applicant: d.applicant,
        formData: d.formData,
        delivery: d.delivery,
        fees: d.fees,
        receiptSentTo: facts.receiptSentTo,
        resultDownload,
        rating: await ratingOf(c.var.database.db, d.id),
        attachments: resultDownload ? files : files.filter((f) => f.kind !== 'result'),
      })
    })
}

export const dossiersDocs: Operation[] = [
  {
    method: 'post',
    path: '/api/dossiers',
    tag: 'dossiers',
    summary: 'Submit a dossier online: receipt code, lookup PIN, status 1 (Mới đăng ký)',
    access: 'public',
    body: submissionBody,
    multipart: {
      type: 'object',
      required: ['dossier'],
      properties: { dossier: { type: 'string', description: 'the JSON body as text' } },
      additionalProperties: {
        type: 'string',
        format: 'binary',
        description: 'files, named attachments.<component key>',
      },
    },
    headers: [
      {
        name: 'Idempotency-Key',
        description:
          'retries of the same request with the same key create one dossier (answered 200 with Idempotent-Replayed: true); the key with a different request is refused (422)',
      },
    ],
    responses: {
      201: 'filed',
      200: 'a replay of the same Idempotency-Key',
      400: 'invalid form, files or codes',
      422: 'the Idempotency-Key was used with a different request, or form dates the calendar refuses (x-dateRules: a birth date after today, a child born before a parent), each issue at its /formData path',
      413: 'too large',
      415: 'neither JSON nor multipart',
      429: 'too many anonymous submissions from this address (SUBMIT_RATE_LIMIT per minute)',
    },
  },
  {
    method: 'get',
    path: '/api/track/:receiptCode',
    tag: 'dossiers',
    summary: 'Public tracking: status and timeline; with the PIN, the applicant’s details',
    access: 'public',
    headers: [{ name: 'X-Lookup-Pin', description: 'the PIN printed on the receipt' }],
    responses: {
      200: 'status and timeline',
      400: 'a PIN in the query string (never accepted there)',
      403: 'wrong PIN',
      404: 'no such dossier',
      429: 'too many lookups, or too many wrong PINs for this code or address',
    },
  },
]

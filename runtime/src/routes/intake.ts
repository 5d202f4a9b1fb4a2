import type { Applicant } from '@motcua/db'
import { Hono } from 'hono'
import type { AppEnv } from '../app'
import { forbidden, requirePrincipal, requireRole } from '../auth/middleware'
import { actsFor } from '../dossiers/act'
import { receivingUnit } from '../dossiers/reception'
import { applicantDeclaration, filingProperties, readSubmission } from '../dossiers/submission-input'
import { submitDossier } from '../dossiers/submit'
import { jsonBody } from '../http/body'
import { jsonLimits } from '../http/clean-input'
import type { Operation } from '../http/openapi'
import { notInForce } from '../procedures/errors'
import type { DeliveryInput } from '../results/delivery-choice'

const intakeBody = jsonBody<{
  procedureCode: string
  unitCode: string
  receivingUnitCode?: string
  channel: 1 | 3
  applicant: Applicant
  formData: Record<string, unknown>
  delivery?: DeliveryInput
  declaration?: boolean
  received?: Record<string, 'original' | 'copy'>
  feesPaid?: { amount: number }
}>(
  {
    type: 'object',
    properties: {
      ...filingProperties,
      channel: { enum: [1, 3], description: '1 at the counter, 3 by the public postal service' },
      receivingUnitCode: {
        type: 'string',
        minLength: 1,
        maxLength: 50,
        description:
          'the unit whose counter receives it, when not the procedure’s usual one (reception regardless of administrative boundary, Nghị định 118/2025/NĐ-CP); unitCode is the resolving unit',
      },
      received: {
        type: 'object',
        maxProperties: 50,
        propertyNames: { pattern: '^[a-z][a-z0-9_]{0,63}$' },
        additionalProperties: { enum: ['original', 'copy'] },
        description:
          'components received on paper at the counter (bản chính or bản sao), by component key; a required one received so needs no scan',
      },
      feesPaid: {
        type: 'object',
        properties: { amount: { type: 'integer', minimum: 0, maximum: 1_000_000_000_000 } },
        required: ['amount'],
        additionalProperties: false,
        description:
          'the fees collected at the counter (VND); must equal the dossier’s fees, recorded with the submission',
      },
    },
    required: ['procedureCode', 'unitCode', 'channel', 'applicant', 'formData'],
    additionalProperties: false,
  },
  jsonLimits.form,
)

/**
 * Counter and postal intake: a receiving officer enters a paper dossier on the applicant's behalf; it is
 * received at once (the clock starts) and the receipt (Mẫu 01) can be printed.
 */
export const intakeRoutes = (secret: string) =>
  new Hono<AppEnv>().post('/api/desk/intake', requireRole('receiving_officer'), async (c) => {
    const { body, files } = await readSubmission(c, intakeBody)
    const principal = requirePrincipal(c)
    const { db } = c.var.database
    const procedure = await c.var.registry.current(body.procedureCode, c.var.clock())
    if (!procedure) throw await notInForce(c.var.registry, body.procedureCode, c.var.clock(), 'submission')
    // the officer receives for their own counter: the procedure's usual receiving unit, or where they filed it
    const resolving = await c.var.units.byCode(body.unitCode)
    const filedAt = body.receivingUnitCode ? await c.var.units.byCode(body.receivingUnitCode) : undefined
    if (resolving && (filedAt || !body.receivingUnitCode)) {
      const receiving = await receivingUnit(c.var.units, procedure.definition, resolving, {
        filedAt,
        at: c.var.clock(),
      })
      if (!actsFor(principal, receiving.id, ['receiving_officer'])) throw forbidden()
    }
    const { dossier } = await submitDossier(db, {
      procedure,
      unitCode: body.unitCode,
      ...(body.receivingUnitCode ? { receivingUnitCode: body.receivingUnitCode } : {}),
      applicant: body.applicant,
      formData: body.formData,
      ...(body.delivery ? { delivery: body.delivery } : {}),
      ...(body.declaration ? { declaration: applicantDeclaration } : {}),
      ...(body.received ? { received: body.received } : {}),
      ...(body.feesPaid ? { feesPaid: body.feesPaid.amount } : {}),
      files,
      secret,
      principal,
      channel: body.channel,
      now: c.var.clock(),
      plugins: c.var.plugins,
      units: c.var.units,
      registry: c.var.registry,
      metrics: c.var.metrics.dossiers,
    })
    return c.json(dossier, 201)
  })

export const intakeDocs: Operation[] = [
  {
    method: 'post',
    path: '/api/desk/intake',
    tag: 'desk',
    summary: 'Enter a paper dossier at the counter (channel 1) or from the post (channel 3): received at once',
    access: ['receiving_officer'],
    body: intakeBody,
    multipart: {
      type: 'object',
      required: ['dossier'],
      properties: { dossier: { type: 'string' } },
      additionalProperties: { type: 'string', format: 'binary' },
    },
    responses: {
      201: '{receiptCode, pin, status, dueAt, fees}',
      400: 'invalid (a required component neither attached nor received on paper; feesPaid not the fees’ total)',
      403: 'not a receiving officer of the unit that receives it (receivingUnitCode, else the procedure’s usual one)',
    },
  },
]

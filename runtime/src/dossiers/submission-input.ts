import { DomainError } from '@motcua/core'
import type { Context } from 'hono'
import type { AppEnv } from '../app'
import type { JsonBody } from '../http/body'
import { isMediaType, requireMediaType } from '../http/media-type'
import { readMultipart } from '../http/multipart'
import { deliverySchema } from '../results/delivery-choice'

/** Who files a dossier, as a submission or a counter intake gives it. */
const applicantSchema = {
  type: 'object',
  properties: {
    fullName: { type: 'string', minLength: 1, maxLength: 200 },
    idNumber: { type: 'string', pattern: '^(\\d{9}|\\d{12})$' },
    phone: { type: 'string', format: 'vn-phone' },
    email: { type: 'string', format: 'email', maxLength: 200 },
    address: { type: 'string', maxLength: 500 },
  },
  required: ['fullName'],
  additionalProperties: false,
}

/**
 * The lời cam đoan every tờ khai ends with, which the applicant ticks before submitting online; recorded with the
 * submission (its first event) in these words.
 */
export const applicantDeclaration =
  'Tôi xin cam đoan những thông tin khai trên là đúng sự thật và chịu trách nhiệm trước pháp luật về lời khai của mình.'

/** What every filing names: the procedure, the receiving unit, who files and the form (online and at the counter). */
export const filingProperties = {
  procedureCode: { type: 'string', minLength: 1, maxLength: 50 },
  unitCode: { type: 'string', minLength: 1, maxLength: 50 },
  applicant: applicantSchema,
  formData: { type: 'object' },
  delivery: deliverySchema,
  declaration: {
    type: 'boolean',
    description: `the applicant's cam đoan ("${applicantDeclaration}"): must be true online; at the counter the signed paper form carries it`,
  },
}

/** Reads a submission as JSON, or as multipart: a `dossier` JSON field plus files named `attachments.<component key>`. */
export async function readSubmission<T>(
  c: Context<AppEnv>,
  schema: JsonBody<T>,
): Promise<{ body: T; request: string; files: { componentKey: string; file: File }[] }> {
  requireMediaType(c, ['application/json', 'multipart/form-data'])
  if (isMediaType(c.req.header('content-type'), ['application/json'])) {
    const request = await c.req.text()
    return { body: schema.parse(request), request, files: [] }
  }
  const { fields, files } = await readMultipart(c)
  const dossierField = fields.dossier
  if (dossierField === undefined) {
    throw new DomainError(
      'INVALID_DATA',
      { vi: 'Thiếu phần thông tin hồ sơ (trường "dossier").', en: 'The "dossier" JSON field is missing.' },
      [{ code: 'required', path: '/dossier', message: { vi: 'Thiếu thông tin hồ sơ', en: 'Missing dossier JSON' } }],
    )
  }
  return { body: schema.parse(dossierField), request: dossierField, files }
}

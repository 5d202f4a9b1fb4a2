import { DomainError } from '@motcua/core'
import { Hono } from 'hono'
import type { AppEnv } from '../app'
import { checkLookupPin } from '../auth/pin-check'
import { notFoundDossier } from '../dossiers/errors'
import { loadDossier } from '../dossiers/load-dossier'
import { type RatingInput, rateDossier } from '../dossiers/rating'
import { jsonBody } from '../http/body'
import type { Operation } from '../http/openapi'

// types and sizes only: a level or criterion that is not on the form is a 422 naming it (the values' check)
const ratingBody = jsonBody<RatingInput & { pin?: string }>({
  type: 'object',
  properties: {
    pin: {
      type: 'string',
      maxLength: 20,
      description: 'the PIN printed on the receipt; not needed by its signed-in owner',
    },
    level: { type: 'string', maxLength: 40, description: 'verySatisfied, satisfied or dissatisfied' },
    criteria: {
      type: 'object',
      maxProperties: 20,
      additionalProperties: { type: 'string', maxLength: 40 },
      description: 'optional: time, contacts, attitude, publicity, online, each with a level',
    },
    comment: { type: 'string', maxLength: 4000, description: 'optional, at most 1,000 characters once trimmed' },
  },
  required: ['level'],
  additionalProperties: false,
})

/** The applicant rates an ended dossier: with the PIN in the body, or as the signed-in citizen who filed it. */
export const ratingsRoutes = new Hono<AppEnv>().put('/api/track/:receiptCode/rating', async (c) => {
  if (c.req.query('pin') !== undefined)
    throw new DomainError('INVALID_DATA', {
      vi: 'Không gửi mã tra cứu (PIN) trên địa chỉ.',
      en: 'Never put the PIN in the URL.',
    })
  const code = c.req.param('receiptCode')
  const body = await ratingBody.read(c)
  const found = await loadDossier(c.var, code)
  if (!found) throw notFoundDossier(code)
  const { dossier } = found
  const principal = c.var.principal
  const owner = principal !== undefined && dossier.applicantUserId === principal.userId
  if (!owner) await checkLookupPin(c, code, dossier.lookupPinHash, body.pin ?? '')
  const { pin: _pin, ...input } = body
  const { rating, created } = await rateDossier(
    c.var.database.db,
    dossier,
    input,
    { userId: owner ? principal.userId : null, role: 'citizen' },
    c.var.clock(),
  )
  return c.json(rating, created ? 201 : 200)
})

export const ratingsDocs: Operation[] = [
  {
    method: 'put',
    path: '/api/track/:receiptCode/rating',
    tag: 'dossiers',
    summary:
      'The applicant rates an ended dossier (Rất hài lòng / Hài lòng / Không hài lòng, optional criteria and comment); may change it for 7 days',
    access: 'public',
    body: ratingBody,
    responses: {
      201: 'rated',
      200: 'the rating changed',
      400: 'malformed body, or a PIN in the query string',
      403: 'wrong PIN (and not the signed-in owner)',
      404: 'no such dossier',
      409: 'the dossier has not ended, or the rating is past its change window',
      422: 'an unknown level or criterion, or a comment too long',
      429: 'too many wrong PINs for this code or address',
    },
  },
]

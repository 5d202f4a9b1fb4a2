import { DomainError } from '@motcua/core'
import { Hono } from 'hono'
import type { AppEnv } from '../app'
import { requirePrincipal, requireRole } from '../auth/middleware'
import { checkLookupPin } from '../auth/pin-check'
import { DESK_ROLES, OFFICER_ROLES } from '../auth/role-groups'
import { fileResponse } from '../dossiers/attachments'
import { notFoundDossier } from '../dossiers/errors'
import { loadDossier } from '../dossiers/load-dossier'
import { loadOfficerDossier } from '../dossiers/officer-access'
import { jsonBody } from '../http/body'
import { jsonLimits } from '../http/clean-input'
import type { Operation } from '../http/openapi'
import { resultHtml } from '../results/result-html'
import {
  citizenResultRefusal,
  enterResultData,
  fillDocument,
  generateResultDocument,
  latestResult,
} from '../results/result-service'
import { printableHeaders } from '../slips'

const resultDataBody = jsonBody<{ expectedVersion: number; data: Record<string, unknown> }>(
  {
    type: 'object',
    properties: { expectedVersion: { type: 'integer', minimum: 1 }, data: { type: 'object' } },
    required: ['expectedVersion', 'data'],
    additionalProperties: false,
  },
  jsonLimits.form,
)

const generateBody = jsonBody<{ expectedVersion: number }>({
  type: 'object',
  properties: { expectedVersion: { type: 'integer', minimum: 1 } },
  required: ['expectedVersion'],
  additionalProperties: false,
})

const noDocument = () =>
  new DomainError('NOT_FOUND', {
    vi: 'Chưa có văn bản kết quả nào được lập cho hồ sơ này.',
    en: 'No result document has been generated for this dossier.',
  })

/**
 * The result: officers enter its data and generate its document (printable HTML, PDF stored with the dossier);
 * the applicant downloads the electronic result through tracking with the PIN, once it is ready.
 */
export const resultRoutes = new Hono<AppEnv>()
  .put('/api/desk/dossiers/:receiptCode/result-data', requireRole(...OFFICER_ROLES), async (c) => {
    const loaded = await loadOfficerDossier(c)
    const { expectedVersion, data } = await resultDataBody.read(c)
    const updated = await enterResultData(c.var.database.db, {
      loaded,
      data,
      expectedVersion,
      principal: requirePrincipal(c),
      now: c.var.clock(),
    })
    return c.json({ receiptCode: updated.receiptCode, version: updated.version, resultData: updated.resultData })
  })
  .post('/api/desk/dossiers/:receiptCode/result-document', requireRole(...OFFICER_ROLES), async (c) => {
    const loaded = await loadOfficerDossier(c)
    const { expectedVersion } = await generateBody.read(c)
    const file = await generateResultDocument(c.var.database.db, {
      loaded,
      expectedVersion,
      principal: requirePrincipal(c),
      units: c.var.units,
      now: c.var.clock(),
    })
    return c.json({ receiptCode: loaded.dossier.receiptCode, ...file }, 201)
  })
  .get('/api/desk/dossiers/:receiptCode/result-document', requireRole(...DESK_ROLES), async (c) => {
    const loaded = await loadOfficerDossier(c)
    const filled = await fillDocument(loaded, c.var.units, c.var.clock())
    return c.html(resultHtml(filled), 200, printableHeaders)
  })
  .get('/api/desk/dossiers/:receiptCode/result-document/pdf', requireRole(...DESK_ROLES), async (c) => {
    const { dossier } = await loadOfficerDossier(c)
    const file = await latestResult(c.var.database.db, dossier.id, true)
    if (!file) throw noDocument()
    return fileResponse(file)
  })
  .get('/api/track/:receiptCode/result', async (c) => {
    const code = c.req.param('receiptCode')
    const found = await loadDossier(c.var, code)
    if (!found) throw notFoundDossier(code)
    await checkLookupPin(c, code, found.dossier.lookupPinHash)
    const refusal = citizenResultRefusal(found.procedure, found.dossier)
    if (refusal) throw new DomainError('CONFLICT', refusal)
    const file = await latestResult(c.var.database.db, found.dossier.id)
    if (!file)
      throw new DomainError('NOT_FOUND', {
        vi: 'Chưa có bản điện tử của kết quả. Vui lòng liên hệ Bộ phận Một cửa.',
        en: 'No electronic result has been issued yet.',
      })
    return fileResponse(file)
  })

export const resultDocs: Operation[] = [
  {
    method: 'put',
    path: '/api/desk/dossiers/:receiptCode/result-data',
    tag: 'desk',
    summary: 'Enter the result data (the definition’s resultData schema: the number and date of the paper issued)',
    access: [...OFFICER_ROLES],
    body: resultDataBody,
    responses: {
      200: '{receiptCode, version, resultData}',
      400: 'invalid data, each issue at /data/<field>',
      403: 'not an officer of the dossier’s unit',
      409: 'stale expectedVersion, not received, ended, or no resultData in the procedure',
    },
  },
  {
    method: 'post',
    path: '/api/desk/dossiers/:receiptCode/result-document',
    tag: 'desk',
    summary: 'Generate the result document (PDF with a Vietnamese font) from the template and store it as the result',
    access: [...OFFICER_ROLES],
    body: generateBody,
    responses: {
      201: '{id, fileName, sha256, size, version}',
      403: 'not an officer of the dossier’s unit',
      404: 'the procedure has no result document',
      409: 'stale expectedVersion, result data missing, not received or ended',
    },
  },
  {
    method: 'get',
    path: '/api/desk/dossiers/:receiptCode/result-document',
    tag: 'desk',
    summary: 'The result document as a printable A4 page (HTML) from the dossier’s current data',
    access: [...DESK_ROLES],
    responses: { 200: 'text/html', 403: 'not your unit', 404: 'no template' },
  },
  {
    method: 'get',
    path: '/api/desk/dossiers/:receiptCode/result-document/pdf',
    tag: 'desk',
    summary: 'The last generated result document (PDF)',
    access: [...DESK_ROLES],
    responses: { 200: 'application/pdf', 403: 'not your unit', 404: 'none generated yet' },
  },
  {
    method: 'get',
    path: '/api/track/:receiptCode/result',
    tag: 'dossiers',
    summary:
      'Download the electronic result (PIN in X-Lookup-Pin), once the result is ready (status 9) or returned (10), for a procedure that delivers online',
    access: 'public',
    headers: [{ name: 'X-Lookup-Pin', description: 'the PIN on the receipt' }],
    responses: {
      200: 'the result file',
      403: 'wrong PIN',
      404: 'no such dossier, or no electronic result issued yet',
      409: 'not ready yet, or the procedure does not deliver online',
      429: 'too many wrong PINs for this code or address',
    },
  },
]

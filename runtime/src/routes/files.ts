import { DomainError } from '@motcua/core'
import { withTransaction } from '@motcua/db'
import { type Context, Hono } from 'hono'
import type { AppEnv } from '../app'
import { requirePrincipal, requireRole } from '../auth/middleware'
import { checkLookupPin } from '../auth/pin-check'
import { DESK_ROLES, OFFICER_ROLES } from '../auth/role-groups'
import { actsFor, appendEvent } from '../dossiers/act'
import { checkFiles, downloadAttachment as download, storeFiles } from '../dossiers/attachments'
import { notFoundDossier } from '../dossiers/errors'
import { loadDossier } from '../dossiers/load-dossier'
import { loadOfficerDossier } from '../dossiers/officer-access'
import { readMultipart } from '../http/multipart'
import type { Operation } from '../http/openapi'
import { citizenResultRefusal } from '../results/result-service'

const RESULT_COMPONENT = {
  key: 'ket_qua',
  name: 'Kết quả giải quyết',
  required: false,
  accept: ['application/pdf', 'image/jpeg', 'image/png'],
  maxSizeMB: 20,
}

async function filesOf(
  c: Context<AppEnv>,
): Promise<{ files: { componentKey: string; file: File }[]; note: string | null }> {
  const { fields, files } = await readMultipart(c)
  if (files.length === 0)
    throw new DomainError('INVALID_DATA', { vi: 'Vui lòng chọn ít nhất một tệp.', en: 'Attach at least one file.' }, [
      { code: 'required', path: '/attachments', message: { vi: 'Chưa có tệp', en: 'No file' } },
    ])
  return { files, note: fields.note?.trim().slice(0, 1000) || null }
}

/** The dossier behind a receipt code, when the PIN printed on its receipt is given (checked before anything else). */
async function dossierByPin(c: Context<AppEnv>) {
  const code = c.req.param('receiptCode')!
  const found = await loadDossier(c.var, code)
  if (!found) throw notFoundDossier(code)
  await checkLookupPin(c, code, found.dossier.lookupPinHash)
  return found
}

/**
 * Files after submission: the citizen answers a supplement request (with the PIN), officers attach the
 * result, and each side downloads what it may see (a citizen: the result and its own files).
 */
export const filesRoutes = new Hono<AppEnv>()
  .post('/api/track/:receiptCode/supplement', async (c) => {
    const { dossier, procedure } = await dossierByPin(c)
    if (dossier.status !== 5)
      throw new DomainError('CONFLICT', {
        vi: 'Hồ sơ không ở trạng thái yêu cầu bổ sung.',
        en: 'No supplement was requested.',
      })
    const { files, note } = await filesOf(c)
    const checked = await checkFiles(files, procedure.definition.components)
    await withTransaction(c.var.database.db, async (tx) => {
      await storeFiles(tx, dossier.id, checked, 'supplement', c.var.principal?.userId ?? null)
      await appendEvent(tx, dossier, {
        action: 'supplementSubmitted',
        actor: { userId: c.var.principal?.userId ?? null, role: 'citizen' },
        note,
        data: { files: checked.map((f) => ({ componentKey: f.componentKey, fileName: f.fileName })) },
        at: c.var.clock(),
      })
    })
    return c.json({ receiptCode: dossier.receiptCode, files: checked.length }, 201)
  })
  .get('/api/track/:receiptCode/files/:id', async (c) => {
    const { dossier, procedure } = await dossierByPin(c)
    // the result only once it is ready, and only where it is delivered electronically
    const kinds = citizenResultRefusal(procedure, dossier)
      ? ['application', 'supplement']
      : ['application', 'supplement', 'result']
    return download(c.var.database.db, dossier.id, c.req.param('id'), kinds)
  })
  .post('/api/desk/dossiers/:receiptCode/results', requireRole(...OFFICER_ROLES), async (c) => {
    const { dossier } = await loadOfficerDossier(c)
    const principal = requirePrincipal(c)
    if (!actsFor(principal, dossier.unitId, OFFICER_ROLES))
      throw new DomainError('FORBIDDEN', {
        vi: 'Chỉ cán bộ của đơn vị giải quyết mới đính kèm kết quả.',
        en: 'Only the unit’s officers attach results.',
      })
    if (dossier.currentStep === null)
      throw new DomainError('CONFLICT', { vi: 'Hồ sơ đã kết thúc.', en: 'The dossier has ended.' })
    const { files } = await filesOf(c)
    const checked = await checkFiles(
      files.map((f) => ({ ...f, componentKey: RESULT_COMPONENT.key })),
      [RESULT_COMPONENT],
    )
    await withTransaction(c.var.database.db, async (tx) => {
      await storeFiles(tx, dossier.id, checked, 'result', principal.userId)
      await appendEvent(tx, dossier, {
        action: 'resultAttached',
        actor: {
          userId: principal.userId,
          role: principal.grants.find((g) => g.unitId === dossier.unitId)?.role ?? null,
        },
        data: { files: checked.map((f) => f.fileName) },
        at: c.var.clock(),
      })
    })
    return c.json({ receiptCode: dossier.receiptCode, files: checked.length }, 201)
  })
  .get('/api/desk/dossiers/:receiptCode/files/:id', requireRole(...DESK_ROLES), async (c) => {
    const { dossier } = await loadOfficerDossier(c)
    // ?inline=1: a PDF or image shown in the desk's preview (same origin) rather than saved
    return download(
      c.var.database.db,
      dossier.id,
      c.req.param('id'),
      ['application', 'supplement', 'result'],
      c.req.query('inline') === '1',
    )
  })

export const filesDocs: Operation[] = [
  {
    method: 'post',
    path: '/api/track/:receiptCode/supplement',
    tag: 'dossiers',
    summary:
      'Answer a supplement request with the missing documents (PIN in X-Lookup-Pin; files named attachments.<component key>; an optional `note` field)',
    access: 'public',
    headers: [{ name: 'X-Lookup-Pin', description: 'the PIN on the receipt' }],
    multipart: {
      type: 'object',
      properties: { note: { type: 'string', maxLength: 1000 } },
      additionalProperties: { type: 'string', format: 'binary' },
    },
    responses: {
      201: 'received; the officer takes it',
      400: 'invalid files',
      403: 'wrong PIN',
      409: 'no supplement requested',
      415: 'not multipart',
      429: 'too many wrong PINs for this code or address',
    },
  },
  {
    method: 'get',
    path: '/api/track/:receiptCode/files/:id',
    tag: 'dossiers',
    summary: 'Download a file of the dossier, such as the result of a toàn trình procedure (PIN in X-Lookup-Pin)',
    access: 'public',
    headers: [{ name: 'X-Lookup-Pin', description: 'the PIN on the receipt' }],
    responses: {
      200: 'the file',
      403: 'wrong PIN (whatever the file id)',
      404: 'no such file (only once the PIN is right)',
      429: 'too many wrong PINs for this code or address',
    },
  },
  {
    method: 'post',
    path: '/api/desk/dossiers/:receiptCode/results',
    tag: 'desk',
    summary: 'Attach the result (PDF or image) so the applicant can receive it online',
    access: [...OFFICER_ROLES],
    multipart: { type: 'object', additionalProperties: { type: 'string', format: 'binary' } },
    responses: { 201: 'attached', 403: 'not your unit', 409: 'the dossier has ended' },
  },
  {
    method: 'get',
    path: '/api/desk/dossiers/:receiptCode/files/:id',
    tag: 'desk',
    summary: 'Download a file of the dossier; `?inline=1` shows a PDF or image in the page instead (preview)',
    access: [...DESK_ROLES],
    responses: { 200: 'the file', 404: 'no such file' },
  },
]

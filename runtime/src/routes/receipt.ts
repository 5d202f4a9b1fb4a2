import { DomainError } from '@motcua/core'
import { Hono } from 'hono'
import type { AppEnv } from '../app'
import { lookupPin } from '../auth/instance-secret'
import { checkLookupPin } from '../auth/pin-check'
import { notFoundDossier } from '../dossiers/errors'
import { loadDossier } from '../dossiers/load-dossier'
import { receiptFacts } from '../dossiers/receipt-facts'
import { slipInputOf } from '../dossiers/slip-input'
import type { BatchedLimit } from '../http/batched-limit'
import type { Operation } from '../http/openapi'
import { limitByAddress } from '../http/rate-limit'
import { receiptEventOf, receiptPdf } from '../slips/receipt-pdf'

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

/**
 * The citizen's copy of the receipt (Mẫu 01) as a PDF: for whoever holds the receipt code and its PIN
 * (`X-Lookup-Pin`, checked and counted like every PIN), or for the signed-in citizen who filed the dossier.
 */
export const receiptRoutes = (secret: string, limit: BatchedLimit): Hono<AppEnv> =>
  new Hono<AppEnv>().get('/api/dossiers/:receiptCode/receipt.pdf', limitByAddress(limit), async (c) => {
    if (c.req.query('pin') !== undefined) throw pinInUrl()
    const code = c.req.param('receiptCode')
    const found = await loadDossier(c.var, code)
    if (!found) throw notFoundDossier(code)
    const { dossier } = found
    const owner = c.var.principal !== undefined && dossier.submittedBy === c.var.principal.userId
    if (!owner || c.req.header('x-lookup-pin') !== undefined) await checkLookupPin(c, code, dossier.lookupPinHash)
    const input = await slipInputOf(c.var, found, {
      atCounter: true,
      receipt: true,
      origin: new URL(c.req.url).origin,
      pin: lookupPin(secret, dossier.id),
      officerName: null,
      now: c.var.clock(),
    })
    const event = receiptEventOf(input.events)
    if (!event)
      throw new DomainError('CONFLICT', {
        vi: 'Hồ sơ chưa có lần nộp hay tiếp nhận nào để lập giấy tiếp nhận.',
        en: 'The dossier has no submission or reception to document.',
      })
    const { expectedDueAt } = await receiptFacts(c.var, {
      procedure: found.procedure,
      unitId: dossier.unitId,
      dossier,
    })
    const bytes = await receiptPdf(input, event, expectedDueAt)
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="giay-tiep-nhan-${code.replace(/[^\w.-]/g, '_')}.pdf"`,
      // personal data: never kept by a shared cache or the browser's disk cache
      'cache-control': 'no-store',
    })
  })

export const receiptDocs: Operation[] = [
  {
    method: 'get',
    path: '/api/dossiers/:receiptCode/receipt.pdf',
    tag: 'dossiers',
    summary:
      'The citizen’s receipt (Giấy tiếp nhận hồ sơ và hẹn trả kết quả, Mẫu 01) as a PDF, with the PIN or for the signed-in citizen who filed it',
    access: 'public',
    headers: [
      { name: 'X-Lookup-Pin', description: 'the PIN printed on the receipt (not needed by the signed-in owner)' },
    ],
    responses: {
      200: 'application/pdf',
      400: 'a PIN in the query string (never accepted there)',
      403: 'wrong or missing PIN',
      404: 'no such dossier',
      409: 'nothing to document yet',
      429: 'too many requests, or too many wrong PINs for this code or address',
    },
  },
]

import { DomainError } from '@motcua/core'
import { Hono } from 'hono'
import type { AppEnv } from '../app'
import { lookupPin } from '../auth/instance-secret'
import { requirePrincipal, requireRole } from '../auth/middleware'
import { DESK_ROLES } from '../auth/role-groups'
import { loadOfficerDossier } from '../dossiers/officer-access'
import { slipInputOf } from '../dossiers/slip-input'
import type { Operation } from '../http/openapi'
import { formSetOf, formSets, isSlipForm, printableHeaders, renderSlip, slipKindIn } from '../slips'

/** The printable slips (Mẫu 01–06 or 01–07 by the set in force for the dossier), from the dossier and its log. */
export const slipRoutes = (secret: string) =>
  new Hono<AppEnv>().get('/api/desk/dossiers/:receiptCode/slips/:form', requireRole(...DESK_ROLES), async (c) => {
    const form = c.req.param('form')
    if (!isSlipForm(form)) {
      throw new DomainError('NOT_FOUND', {
        vi: `Không có mẫu phiếu "${form}". Các mẫu: 01–07, hoặc receipt, supplement-request, refusal, apology, stop-notice, control-slip.`,
        en: `No slip form "${form}" (01–07, or a kind: receipt, supplement-request, refusal, apology, stop-notice, control-slip).`,
      })
    }
    const found = await loadOfficerDossier(c)
    const kind = slipKindIn(form, formSetOf(found.dossier))
    const receipt = kind === 'receipt'
    // the counter that received the dossier issues the receipt and the refusal (the provincial centre for a
    // department's dossier); the other slips are the resolving unit's
    const input = await slipInputOf(c.var, found, {
      atCounter: receipt || kind === 'refusal',
      receipt,
      origin: new URL(c.req.url).origin,
      pin: receipt ? lookupPin(secret, found.dossier.id) : null,
      officerName: requirePrincipal(c).fullName,
      now: c.var.clock(),
    })
    const html = await renderSlip(form, input)
    return c.html(html, 200, printableHeaders)
  })

export const slipDocs: Operation[] = [
  {
    method: 'get',
    path: '/api/desk/dossiers/:receiptCode/slips/:form',
    tag: 'desk',
    summary: `A printable slip (A4 HTML) by the set of forms in force on the dossier's reception date (submission date if never received): ${formSets
      .map(
        (set) =>
          `from ${set.from}, ${set.circular}: ${Object.entries(set.numbers)
            .map(([kind, number]) => `${number} ${kind}`)
            .join(', ')}`,
      )
      .join('; ')}. :form is a number of that set or a kind`,
    access: [...DESK_ROLES],
    responses: {
      200: 'text/html, ready to print',
      403: 'not your unit',
      404: 'no such dossier, or no such form in the set in force for it (the register is the unit’s: /api/desk/units/:unitCode/register)',
      409: 'the dossier has no event this slip documents',
    },
  },
]

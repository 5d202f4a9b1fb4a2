import { DomainError, effectiveSteps } from '@motcua/core'
import { attachments } from '@motcua/db'
import { eq } from 'drizzle-orm'
import { Hono } from 'hono'
import type { AppEnv } from '../app'
import { lookupPin } from '../auth/instance-secret'
import { requirePrincipal, requireRole } from '../auth/middleware'
import { DESK_ROLES } from '../auth/role-groups'
import { eventLog } from '../dossiers/events'
import { loadOfficerDossier } from '../dossiers/officer-access'
import { registerEntry } from '../dossiers/register-lines'
import type { Operation } from '../http/openapi'
import { formSetOf, formSets, isSlipForm, printableHeaders, renderSlip, type SlipEvent, slipKindIn } from '../slips'

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
    const { dossier, unit: resolving, procedure } = await loadOfficerDossier(c)
    const { db } = c.var.database
    const kind = slipKindIn(form, formSetOf(dossier))
    // the counter that received the dossier issues the receipt and the refusal (the provincial centre for a
    // department's dossier); the other slips are the resolving unit's
    const atCounter = kind === 'receipt' || kind === 'refusal'
    const unit = atCounter
      ? ((await c.var.units.byId(dossier.receivingUnitId ?? dossier.unitId)) ?? resolving)
      : resolving
    const parent = unit.parentId ? await c.var.units.byId(unit.parentId) : undefined
    const rows = await eventLog(db, dossier.id)
    const files = await db
      .select({ componentKey: attachments.componentKey, fileName: attachments.fileName })
      .from(attachments)
      .where(eq(attachments.dossierId, dossier.id))
    const def = procedure.definition
    const stepName = (key: string | null) =>
      key ? (effectiveSteps(def, dossier.caseKey).find((s) => s.key === key)?.name ?? key) : null
    const events: SlipEvent[] = rows.map(({ event: e, actorName }) => {
      const data = (e.data ?? {}) as Record<string, unknown>
      return {
        seq: e.seq,
        at: e.at,
        action: e.action,
        actionLabel: typeof data.label === 'string' ? data.label : e.action === 'submit' ? 'Nộp hồ sơ' : e.action,
        actorName,
        actorRole: e.actorRole,
        fromStep: e.fromStep,
        toStep: e.toStep,
        fromStepName: stepName(e.fromStep),
        toStepName: stepName(e.toStep),
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        note: e.note,
        stepDueAt: e.stepDueAt,
        data,
      }
    })
    const receipt = kind === 'receipt'
    const html = await renderSlip(form, {
      dossier: { ...dossier, channel: dossier.channel as 1 | 2 | 3 },
      procedure: {
        code: def.code,
        name: def.name,
        processingTimeText: def.processingTime.text ?? null,
        components: def.components,
      },
      attachments: files,
      unit: { code: unit.code, name: unit.name, electronicId: unit.electronicId, parentName: parent?.name ?? null },
      events,
      trackUrl: `${new URL(c.req.url).origin}/tra-cuu/${encodeURIComponent(dossier.receiptCode)}`,
      register: receipt ? await registerEntry(db, dossier) : null,
      pin: receipt ? lookupPin(secret, dossier.id) : null,
      officerName: requirePrincipal(c).fullName,
      now: c.var.clock(),
    })
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

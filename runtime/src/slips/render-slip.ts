import { DomainError, type Message } from '@motcua/core'
import { apologySlip } from './apology'
import { controlSlip } from './control-slip'
import { slipDocument } from './document'
import { type FormSet, formSetOf, type SlipKind, slipKindIn } from './form-sets'
import { receiptSlip } from './receipt'
import { refusalSlip } from './refusal'
import { stopNotice } from './stop-notice'
import { supplementRequestSlip } from './supplement-request'
import type { SlipEvent, SlipInput } from './types'

type DossierSlip = Exclude<SlipKind, 'register'>

/**
 * Whether an event is one the form documents. Matched on the action type, or on the status it led to when the
 * log names the action by a procedure's own key.
 */
const documents: Record<DossierSlip, (e: SlipEvent) => boolean> = {
  receipt: (e) => e.action === 'receive' || e.action === 'intake',
  'supplement-request': (e) => e.action === 'requestSupplement' || (e.toStatus === 5 && e.fromStatus !== 5),
  refusal: (e) => e.action === 'refuse' || e.toStatus === 3,
  apology: (e) => e.action === 'extend' || (e.data?.newDueAt !== undefined && e.data?.oldDueAt !== undefined),
  'stop-notice': (e) => e.action === 'stop' || e.toStatus === 8,
  'control-slip': () => true,
}

const missing: Record<DossierSlip, Message> = {
  receipt: {
    vi: 'Hồ sơ chưa được tiếp nhận nên chưa có Giấy tiếp nhận hồ sơ và hẹn trả kết quả.',
    en: 'The dossier has not been received: there is no receipt to print.',
  },
  'supplement-request': {
    vi: 'Hồ sơ chưa từng được yêu cầu bổ sung, hoàn thiện.',
    en: 'No supplement was ever requested for this dossier.',
  },
  refusal: { vi: 'Hồ sơ không bị từ chối tiếp nhận.', en: 'The dossier was never refused.' },
  apology: { vi: 'Hồ sơ chưa được hẹn lại ngày trả kết quả.', en: 'The dossier was never given a new return date.' },
  'stop-notice': { vi: 'Hồ sơ không bị dừng giải quyết.', en: 'Processing of this dossier was never stopped.' },
  'control-slip': { vi: 'Hồ sơ chưa có quá trình giải quyết để in.', en: 'The dossier has no event log to print.' },
}

function kindOf(form: string, set: FormSet): DossierSlip {
  const kind = slipKindIn(form, set)
  if (kind === 'register')
    throw new DomainError('NOT_FOUND', {
      vi: `Mẫu ${form} là Sổ theo dõi hồ sơ của đơn vị, không phải phiếu của một hồ sơ: in sổ tại /api/desk/units/{mã đơn vị}/register.`,
      en: `Form ${form} is the unit's register, not a dossier's slip: print it at /api/desk/units/{unitCode}/register.`,
    })
  if (!kind) {
    const numbers = Object.values(set.numbers).join(', ')
    throw new DomainError('NOT_FOUND', {
      vi: `Không có mẫu phiếu "${form}" theo ${set.circular} (các mẫu: ${numbers}).`,
      en: `No slip form "${form}" under ${set.circular} (forms: ${numbers}).`,
    })
  }
  return kind
}

/**
 * A printable slip as a complete HTML document (A4, Vietnamese), by the set of forms in force on the dossier's
 * reception date (`formSetOf`): `form` is a number of that set ('05' is the control slip of a 2024 dossier, the
 * stop notice of a 2026 one) or a kind ('control-slip'). Built from the last event the form documents; throws
 * DomainError NOT_FOUND for a form the set has not, CONFLICT when there is no such event (e.g. a refusal slip
 * for a dossier that was never refused).
 * @example const html = await renderSlip('01', { dossier, procedure, attachments, unit, events, trackUrl, pin, officerName, now })
 */
export async function renderSlip(form: string, input: SlipInput): Promise<string> {
  const set = formSetOf(input.dossier)
  const kind = kindOf(form, set)
  const event = input.events.findLast(documents[kind])
  if (!event) throw new DomainError('CONFLICT', missing[kind])
  const title = `${set.titles[kind]} - ${input.dossier.receiptCode}`
  switch (kind) {
    case 'receipt':
      return slipDocument(title, await receiptSlip(input, event))
    case 'supplement-request':
      return slipDocument(title, supplementRequestSlip(input, event))
    case 'refusal':
      return slipDocument(title, refusalSlip(input, event))
    case 'apology':
      return slipDocument(title, apologySlip(input, event, set))
    case 'stop-notice':
      return slipDocument(title, stopNotice(input, event, set))
    case 'control-slip':
      return slipDocument(title, controlSlip(input))
  }
}

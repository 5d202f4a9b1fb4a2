import { DomainError, type Message } from '@motcua/core'
import { apologySlip } from './apology'
import { controlSlip } from './control-slip'
import { slipDocument } from './document'
import { receiptSlip } from './receipt'
import { refusalSlip } from './refusal'
import { stopNotice } from './stop-notice'
import { supplementRequestSlip } from './supplement-request'
import type { SlipEvent, SlipForm, SlipInput } from './types'

/** The forms' titles (Appendix I, Circular 03/2025/TT-VPCP). */
export const slipTitles: Record<SlipForm, Message> = {
  '01': { vi: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', en: 'Receipt and appointment slip' },
  '02': { vi: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', en: 'Supplement request' },
  '03': { vi: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ', en: 'Refusal slip' },
  '04': { vi: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả', en: 'Apology with a new return date' },
  '05': { vi: 'Thông báo dừng giải quyết hồ sơ', en: 'Stop notice' },
  '06': { vi: 'Phiếu kiểm soát quá trình giải quyết hồ sơ', en: 'Process control slip' },
}

/**
 * Whether an event is one the form documents. Matched on the action type, or on the status it led to when the
 * log names the action by a procedure's own key.
 */
const documents: Record<SlipForm, (e: SlipEvent) => boolean> = {
  '01': (e) => e.action === 'receive' || e.action === 'intake',
  '02': (e) => e.action === 'requestSupplement' || (e.toStatus === 5 && e.fromStatus !== 5),
  '03': (e) => e.action === 'refuse' || e.toStatus === 3,
  '04': (e) => e.action === 'extend' || (e.data?.newDueAt !== undefined && e.data?.oldDueAt !== undefined),
  '05': (e) => e.action === 'stop' || e.toStatus === 8,
  '06': () => true,
}

const missing: Record<SlipForm, Message> = {
  '01': {
    vi: 'Hồ sơ chưa được tiếp nhận nên chưa có Giấy tiếp nhận hồ sơ và hẹn trả kết quả.',
    en: 'The dossier has not been received: there is no receipt to print.',
  },
  '02': {
    vi: 'Hồ sơ chưa từng được yêu cầu bổ sung, hoàn thiện.',
    en: 'No supplement was ever requested for this dossier.',
  },
  '03': { vi: 'Hồ sơ không bị từ chối tiếp nhận.', en: 'The dossier was never refused.' },
  '04': { vi: 'Hồ sơ chưa được hẹn lại ngày trả kết quả.', en: 'The dossier was never given a new return date.' },
  '05': { vi: 'Hồ sơ không bị dừng giải quyết.', en: 'Processing of this dossier was never stopped.' },
  '06': { vi: 'Hồ sơ chưa có quá trình giải quyết để in.', en: 'The dossier has no event log to print.' },
}

/** Whether a text names a slip form ('01' … '06'), e.g. a route parameter. */
export const isSlipForm = (value: unknown): value is SlipForm =>
  typeof value === 'string' && Object.hasOwn(slipTitles, value)

/**
 * A printable slip as a complete HTML document (A4, Vietnamese). Built from the last event the form documents;
 * throws DomainError CONFLICT when there is none (e.g. Mẫu 03 for a dossier that was never refused).
 * @example const html = await renderSlip('01', { dossier, procedure, attachments, unit, events, trackUrl, pin, officerName, now })
 */
export async function renderSlip(form: SlipForm, input: SlipInput): Promise<string> {
  if (!isSlipForm(form))
    throw new DomainError('NOT_FOUND', { vi: 'Không có mẫu phiếu này.', en: `Unknown slip form "${String(form)}".` })
  const event = input.events.findLast(documents[form])
  if (!event) throw new DomainError('CONFLICT', missing[form])
  const title = `${slipTitles[form].vi} - ${input.dossier.receiptCode}`
  switch (form) {
    case '01':
      return slipDocument(title, await receiptSlip(input, event))
    case '02':
      return slipDocument(title, supplementRequestSlip(input, event))
    case '03':
      return slipDocument(title, refusalSlip(input, event))
    case '04':
      return slipDocument(title, apologySlip(input, event))
    case '05':
      return slipDocument(title, stopNotice(input, event))
    case '06':
      return slipDocument(title, controlSlip(input))
  }
}

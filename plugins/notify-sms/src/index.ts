import { definePlugin, RECEIPT_TOPIC } from '@motcua/plugin-sdk'
import type { Config } from './config'
import configSchema from './config.schema.json' with { type: 'json' }
import { sendSms } from './send'
import { PIN_SLOT, receiptSmsFor, type SmsMessage, smsFor } from './templates'

export type { Config } from './config'
export { type GatewayRequest, SmsGatewayError } from './send'
export { DEFAULT_TEMPLATES, PIN_SLOT, receiptSmsFor, type SmsMessage, shortVietnamTime, smsFor } from './templates'
export { internationalMobile, unaccented } from './vietnamese'

/** The outbox topic of every message this plugin produces. */
export const TOPIC = 'sms'

export default definePlugin<Config>({
  slug: 'notify-sms',
  name: { vi: 'Thông báo qua tin nhắn SMS', en: 'SMS notifications' },
  description: {
    vi: 'Nhắn tin SMS cho người nộp hồ sơ mỗi khi hồ sơ đổi trạng thái, qua cổng SMS (brandname) của tỉnh.',
    en: 'Texts the applicant each time their dossier changes status, through the province’s SMS gateway.',
  },
  configSchema,
  hooks: {
    onSubmit: ({ config }, dossier) => {
      const sms = smsFor(config, dossier)
      // the receipt code and PIN, so a citizen who did not write them down can still track the dossier
      const receipt = receiptSmsFor(config, dossier)
      return [
        ...(receipt ? [{ topic: RECEIPT_TOPIC, payload: receipt }] : []),
        ...(sms ? [{ topic: TOPIC, payload: sms }] : []),
      ]
    },
    afterAction: ({ config }, dossier, change) => {
      // an action that leaves the status as it was (a hand-over between officers) is not news to the applicant
      if (change.fromStatus === change.toStatus) return []
      const sms = smsFor(config, dossier)
      return sms ? [{ topic: TOPIC, payload: sms }] : []
    },
  },
  deliver: (message, ctx) => {
    const sms = message.payload as SmsMessage
    if (message.topic !== RECEIPT_TOPIC) return sendSms(message.id, sms, ctx)
    if (!ctx.lookupPin) throw new Error('the runtime gave no PIN for the receipt text')
    return sendSms(message.id, { ...sms, text: sms.text.replace(PIN_SLOT, ctx.lookupPin) }, ctx)
  },
  retry: { attempts: 6, backoffMs: 30_000 },
  sendsReceipt: 'sms',
})

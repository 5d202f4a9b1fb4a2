import { definePlugin } from '@motcua/plugin-sdk'
import type { Config } from './config'
import configSchema from './config.schema.json' with { type: 'json' }
import { sendSms } from './send'
import { type SmsMessage, smsFor } from './templates'

export type { Config } from './config'
export { type GatewayRequest, SmsGatewayError } from './send'
export { DEFAULT_TEMPLATES, type SmsMessage, shortVietnamTime, smsFor } from './templates'
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
      return sms ? [{ topic: TOPIC, payload: sms }] : []
    },
    afterAction: ({ config }, dossier, change) => {
      // an action that leaves the status as it was (a hand-over between officers) is not news to the applicant
      if (change.fromStatus === change.toStatus) return []
      const sms = smsFor(config, dossier)
      return sms ? [{ topic: TOPIC, payload: sms }] : []
    },
  },
  deliver: (message, ctx) => sendSms(message.id, message.payload as SmsMessage, ctx),
  retry: { attempts: 6, backoffMs: 30_000 },
})

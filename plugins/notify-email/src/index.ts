import { definePlugin, RECEIPT_TOPIC } from '@motcua/plugin-sdk'
import type { Config } from './config'
import configSchema from './config.schema.json' with { type: 'json' }
import { sendEmail } from './send'
import { type EmailMessage, emailFor, PIN_SLOT, receiptEmailFor } from './templates'

export type { Config } from './config'
export {
  DEFAULT_TEMPLATES,
  type EmailMessage,
  emailFor,
  PIN_SLOT,
  receiptEmailFor,
  trackingUrl,
  vietnamTime,
} from './templates'

/** The outbox topic of every message this plugin produces. */
export const TOPIC = 'email'

export default definePlugin<Config>({
  slug: 'notify-email',
  name: { vi: 'Thông báo qua thư điện tử', en: 'E-mail notifications' },
  description: {
    vi: 'Gửi thư điện tử cho người nộp hồ sơ mỗi khi hồ sơ đổi trạng thái, qua máy chủ SMTP của đơn vị.',
    en: 'E-mails the applicant each time their dossier changes status, through the unit’s SMTP server.',
  },
  configSchema,
  hooks: {
    onSubmit: ({ config }, dossier) => {
      const email = emailFor(config, dossier)
      // the receipt code and PIN, so a citizen who did not write them down can still track the dossier
      const receipt = receiptEmailFor(config, dossier)
      return [
        ...(receipt ? [{ topic: RECEIPT_TOPIC, payload: receipt }] : []),
        ...(email ? [{ topic: TOPIC, payload: email }] : []),
      ]
    },
    afterAction: ({ config }, dossier, change) => {
      // an action that leaves the status as it was (a hand-over between officers) is not news to the applicant
      if (change.fromStatus === change.toStatus) return []
      const email = emailFor(config, dossier, change)
      return email ? [{ topic: TOPIC, payload: email }] : []
    },
  },
  deliver: (message, ctx) => {
    const email = message.payload as EmailMessage
    if (message.topic !== RECEIPT_TOPIC) return sendEmail(email, ctx)
    if (!ctx.lookupPin) throw new Error('the runtime gave no PIN for the receipt e-mail')
    return sendEmail({ ...email, text: email.text.replace(PIN_SLOT, ctx.lookupPin) }, ctx)
  },
  deliveryTimeoutMs: 30_000,
  retry: { attempts: 10, backoffMs: 60_000 },
  sendsReceipt: 'email',
})

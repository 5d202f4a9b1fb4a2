import { definePlugin } from '@motcua/plugin-sdk'
import type { Config } from './config'
import configSchema from './config.schema.json' with { type: 'json' }

/** The outbox topic of the messages this plugin sends. */
export const TOPIC = 'dossier.status'

export default definePlugin<Config>({
  slug: '{{name}}',
  name: { vi: 'Tiện ích {{name}}', en: '{{name}} plugin' },
  description: {
    vi: 'Gửi trạng thái mới của hồ sơ tới một địa chỉ web mỗi khi cán bộ xử lý hồ sơ.',
    en: 'Posts a dossier’s new status to a web address each time an officer acts on it.',
  },
  // JSON Schema of the per-unit settings; `npm run plugins:types` regenerates its type (./config.ts).
  configSchema,
  hooks: {
    // Synchronous and pure: look at the dossier, return the messages to send; the outbox delivers them later.
    afterAction: (_ctx, dossier, change) => [
      {
        topic: TOPIC,
        payload: { receiptCode: dossier.receiptCode, status: change.toStatus, statusName: dossier.statusName },
      },
    ],
  },
  // The I/O, one message at a time: throw to have it retried with backoff.
  async deliver(message, { config, signal, fetch }) {
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (config.token) headers.authorization = `Bearer ${config.token}`
    const res = await fetch(config.url, { method: 'POST', headers, body: JSON.stringify(message.payload), signal })
    if (!res.ok) throw new Error(`HTTP ${res.status}`)
  },
})

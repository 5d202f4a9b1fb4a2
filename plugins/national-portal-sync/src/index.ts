import { definePlugin } from '@motcua/plugin-sdk'
import type { Config } from './config'
import configSchema from './config.schema.json' with { type: 'json' }
import { postToPortal } from './deliver'
import { submission, toNationalDossier } from './national-dossier'

export { type NationalPortalConfig, NationalPortalError, postToPortal } from './deliver'
export {
  type NationalDossier,
  type NationalFee,
  type NationalProgress,
  toNationalDossier,
  toNationalProgress,
} from './national-dossier'
export { toPortalTime } from './vietnam-time'

/** The outbox topic of every message this plugin produces. */
export const TOPIC = 'dossier.status'

export default definePlugin<Config>({
  slug: 'national-portal-sync',
  name: { vi: 'Đồng bộ Cổng Dịch vụ công quốc gia', en: 'National Public Service Portal sync' },
  description: {
    vi: 'Gửi mỗi thay đổi trạng thái hồ sơ lên Cổng Dịch vụ công quốc gia theo cấu trúc đồng bộ hồ sơ.',
    en: 'Sends every dossier status change to the National Public Service Portal in its dossier-sync shape.',
  },
  configSchema,
  hooks: {
    onSubmit: ({ config }, dossier) => [
      { topic: TOPIC, payload: toNationalDossier(dossier, submission(dossier), config) },
    ],
    afterAction: ({ config }, dossier, change) => [
      { topic: TOPIC, payload: toNationalDossier(dossier, change, config) },
    ],
  },
  deliver: (message, ctx) => postToPortal(message.payload, ctx),
})

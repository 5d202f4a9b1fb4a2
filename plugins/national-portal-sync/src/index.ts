import { definePlugin } from '@motcua/plugin-sdk'
import { type NationalPortalConfig, postToPortal } from './deliver'
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

export default definePlugin<NationalPortalConfig>({
  slug: 'national-portal-sync',
  name: { vi: 'Đồng bộ Cổng Dịch vụ công quốc gia', en: 'National Public Service Portal sync' },
  description: {
    vi: 'Gửi mỗi thay đổi trạng thái hồ sơ lên Cổng Dịch vụ công quốc gia theo cấu trúc đồng bộ hồ sơ.',
    en: 'Sends every dossier status change to the National Public Service Portal in its dossier-sync shape.',
  },
  configSchema: {
    type: 'object',
    properties: {
      url: {
        type: 'string',
        format: 'uri',
        pattern: '^https?://',
        description: 'Địa chỉ nhận đồng bộ hồ sơ (Cổng DVCQG hoặc trục tích hợp của tỉnh)',
      },
      token: {
        type: 'string',
        minLength: 1,
        writeOnly: true,
        description: 'Mã truy cập, gửi trong tiêu đề Authorization: Bearer',
      },
      maTinh: { type: 'string', pattern: '^[0-9]{2}$', description: 'Mã tỉnh, ví dụ 22 (Quảng Ninh)' },
      timeoutMs: {
        type: 'integer',
        minimum: 1000,
        maximum: 120000,
        description: 'Thời gian chờ tối đa mỗi lần gửi (mili giây)',
      },
    },
    required: ['url'],
    additionalProperties: false,
  },
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

import { definePlugin } from '@motcua/plugin-sdk'
import type { Config } from './config'
import configSchema from './config.schema.json' with { type: 'json' }
import { exceeded, PERMIT, type PermitForm } from './height-check'

/**
 * Hạ Long city's extra check on house construction permits: an officer cannot forward or approve a permit whose
 * declared height or number of floors exceeds the limit of the zone the plot is in (zones and limits are the
 * city's configuration). It reads only the plot and the building of the permit's form.
 */
export default definePlugin<Config, { [PERMIT]: PermitForm }>({
  slug: 'ha-long-construction-check',
  name: { vi: 'Kiểm tra chiều cao công trình (Hạ Long)', en: 'Building height check (Hạ Long)' },
  description: {
    vi: 'Không cho trình, phê duyệt giấy phép xây dựng nhà ở riêng lẻ khi chiều cao hoặc số tầng vượt giới hạn của khu vực lô đất (ví dụ vùng đệm Vịnh Hạ Long).',
    en: 'Stops forwarding or approving a house construction permit whose height or floors exceed the limit of the plot’s zone (e.g. the Hạ Long Bay buffer zone).',
  },
  configSchema,
  reads: { [PERMIT]: ['dia_diem', 'cong_trinh'] },
  hooks: {
    beforeAction({ config }, dossier, action) {
      const checked = config.checkAt ?? ['forward', 'approve']
      if (!checked.includes(action.type as 'forward' | 'approve')) return
      if (dossier.form?.procedure !== PERMIT) return
      const why = exceeded(config.zones, dossier.form.data)
      return why ? { refuse: why } : undefined
    },
  },
  formats: {
    'ha-long-so-thua': {
      pattern: '^[0-9]{1,5}[a-zA-Z]?$',
      message: {
        vi: 'Số thửa đất gồm 1–5 chữ số, có thể kèm một chữ cái (thửa tách), ví dụ 245 hoặc 245a',
        en: 'A plot number has 1–5 digits, optionally followed by a letter (a split plot), e.g. 245 or 245a',
      },
      example: '245',
    },
    'ha-long-so-to-ban-do': {
      pattern: '^[0-9]{1,3}$',
      message: {
        vi: 'Số tờ bản đồ địa chính gồm 1–3 chữ số, ví dụ 32',
        en: 'A cadastral map sheet number has 1–3 digits, e.g. 32',
      },
      example: '32',
    },
  },
})

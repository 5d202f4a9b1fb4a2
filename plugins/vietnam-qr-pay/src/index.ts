import { definePlugin } from '@motcua/plugin-sdk'
import type { Config } from './config'
import configSchema from './config.schema.json' with { type: 'json' }
import { paymentQr, paymentWebhook } from './routes'

export { buildVietQr, crc16, tlv, type VietQrInput } from './emv'
export { MAX_AMOUNT, parseAmount, purposeFor } from './payment-request'
export { paymentQr, paymentWebhook, type VietQrPayConfig } from './routes'
export { signBody, verifySignature } from './signature'

export default definePlugin<Config>({
  slug: 'vietnam-qr-pay',
  name: { vi: 'Thanh toán VietQR', en: 'VietQR payment' },
  description: {
    vi: 'Tạo mã VietQR để nộp phí, lệ phí của hồ sơ bằng chuyển khoản, và ghi nhận thanh toán khi ngân hàng báo về.',
    en: 'VietQR codes to pay a dossier’s fees by bank transfer, and the bank’s signed payment notification.',
  },
  configSchema,
  routes: [
    { method: 'get', path: '/dossiers/:receiptCode/qr', handle: paymentQr },
    { method: 'post', path: '/webhook', headers: ['x-signature'], handle: paymentWebhook },
  ],
})

import { definePlugin } from '@motcua/plugin-sdk'
import { paymentQr, paymentWebhook, type VietQrPayConfig } from './routes'

export { buildVietQr, crc16, tlv, type VietQrInput } from './emv'
export { MAX_AMOUNT, parseAmount, purposeFor } from './payment-request'
export { paymentQr, paymentWebhook, type VietQrPayConfig } from './routes'
export { signBody, verifySignature } from './signature'

export default definePlugin<VietQrPayConfig>({
  slug: 'vietnam-qr-pay',
  name: { vi: 'Thanh toán VietQR', en: 'VietQR payment' },
  description: {
    vi: 'Tạo mã VietQR để nộp phí, lệ phí của hồ sơ bằng chuyển khoản, và ghi nhận thanh toán khi ngân hàng báo về.',
    en: 'VietQR codes to pay a dossier’s fees by bank transfer, and the bank’s signed payment notification.',
  },
  configSchema: {
    type: 'object',
    properties: {
      bankBin: {
        type: 'string',
        pattern: '^[0-9]{6}$',
        description: 'Mã BIN ngân hàng nhận (Napas), 6 chữ số, ví dụ 970415',
      },
      accountNumber: { type: 'string', pattern: '^[0-9A-Za-z]{1,19}$', description: 'Số tài khoản nhận tiền' },
      accountName: { type: 'string', minLength: 1, maxLength: 100, description: 'Tên chủ tài khoản' },
      webhookSecret: {
        type: 'string',
        minLength: 16,
        writeOnly: true,
        description: 'Khóa bí mật dùng chung với ngân hàng/trung gian thanh toán để ký thông báo (HMAC-SHA256)',
      },
    },
    required: ['bankBin', 'accountNumber', 'accountName', 'webhookSecret'],
    additionalProperties: false,
  },
  routes: [
    { method: 'get', path: '/dossiers/:receiptCode/qr', handle: paymentQr },
    { method: 'post', path: '/webhook', headers: ['x-signature'], handle: paymentWebhook },
  ],
})

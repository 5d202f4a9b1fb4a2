import type { PluginRequest, PluginResponse, RouteCapabilities } from '@motcua/plugin-sdk'
import type { Config } from './config'
import { buildVietQr } from './emv'
import { MAX_AMOUNT, parseAmount, purposeFor } from './payment-request'
import { verifySignature } from './signature'

/** The plugin's configuration (generated from config.schema.json). */
export type VietQrPayConfig = Config

type Capabilities = RouteCapabilities<VietQrPayConfig>

// The same error shape as the rest of the API: { error: { code, message: { vi, en } } }.
const fail = (status: number, code: string, vi: string, en: string): PluginResponse => ({
  status,
  json: { error: { code, message: { vi, en } } },
})

const notFound = (receiptCode: string) =>
  fail(
    404,
    'NOT_FOUND',
    `Không tìm thấy hồ sơ ${receiptCode} hoặc hồ sơ này không thanh toán qua VietQR.`,
    `No dossier ${receiptCode}, or VietQR payment is not enabled for it.`,
  )

const badAmount = () =>
  fail(
    400,
    'INVALID_DATA',
    `Số tiền phải là số nguyên dương (đồng), không quá ${MAX_AMOUNT.toLocaleString('vi-VN')} đồng.`,
    `The amount must be a positive whole number of đồng, at most ${MAX_AMOUNT}.`,
  )

/** Header names arrive lower-cased from the runtime; accept any case anyway. */
const header = (request: PluginRequest, name: string) =>
  Object.entries(request.headers).find(([key]) => key.toLowerCase() === name)?.[1]

/** GET /dossiers/:receiptCode/qr?amount= — the VietQR payment request for a dossier's fee. */
export async function paymentQr(request: PluginRequest, runtime: Capabilities): Promise<PluginResponse> {
  const receiptCode = request.params.receiptCode ?? ''
  const found = receiptCode ? await runtime.findDossier(receiptCode) : undefined
  if (!found) return notFound(receiptCode)
  const { dossier, config } = found
  // Without ?amount= the QR asks for the fees computed at submission.
  const raw = request.query.amount || String(dossier.fees.reduce((sum, fee) => sum + fee.amount, 0))
  const amount = parseAmount(raw)
  if (amount === undefined) return badAmount()
  const purpose = purposeFor(dossier.receiptCode)
  const payload = buildVietQr({ bankBin: config.bankBin, accountNumber: config.accountNumber, amount, purpose })
  return {
    status: 200,
    json: {
      payload,
      amount,
      bankBin: config.bankBin,
      accountNumber: config.accountNumber,
      accountName: config.accountName,
      purpose,
    },
    headers: { 'cache-control': 'no-store' },
  }
}

interface PaymentNotice {
  receiptCode: string
  amount: number
  reference: string
}

function parseNotice(body: string): PaymentNotice | undefined {
  let value: unknown
  try {
    value = JSON.parse(body)
  } catch {
    return undefined
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined
  const { receiptCode, amount, reference } = value as Record<string, unknown>
  if (typeof receiptCode !== 'string' || !receiptCode.trim() || receiptCode.length > 64) return undefined
  if (typeof reference !== 'string' || !reference.trim() || reference.length > 128) return undefined
  const paid = parseAmount(amount)
  return paid === undefined ? undefined : { receiptCode: receiptCode.trim(), amount: paid, reference: reference.trim() }
}

/**
 * POST /webhook — the bank's (or intermediary's) notice that a transfer arrived, signed with
 * `X-Signature: hex(HMAC-SHA256(webhookSecret, rawBody))`. The secret belongs to the dossier's unit, so the
 * dossier is looked up before the signature can be checked.
 */
export async function paymentWebhook(request: PluginRequest, runtime: Capabilities): Promise<PluginResponse> {
  const signature = header(request, 'x-signature')
  if (!signature) return fail(401, 'UNAUTHENTICATED', 'Thiếu chữ ký X-Signature.', 'The X-Signature header is missing.')
  const notice = parseNotice(request.body)
  if (!notice)
    return fail(
      400,
      'INVALID_DATA',
      'Thông báo thanh toán không hợp lệ: cần receiptCode, amount (số nguyên dương) và reference.',
      'Invalid payment notice: receiptCode, amount (a positive integer) and reference are required.',
    )
  const found = await runtime.findDossier(notice.receiptCode)
  if (!found) return notFound(notice.receiptCode)
  if (!(await verifySignature(found.config.webhookSecret, request.body, signature))) {
    return fail(401, 'UNAUTHENTICATED', 'Chữ ký X-Signature không đúng.', 'The X-Signature does not match the body.')
  }
  await runtime.confirmPayment(found.dossier.receiptCode, { amount: notice.amount, reference: notice.reference })
  return { status: 200, json: { ok: true } }
}

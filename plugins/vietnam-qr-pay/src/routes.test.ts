import type { DossierSnapshot, PluginRequest, PluginRoute, RouteCapabilities } from '@motcua/plugin-sdk'
import { beforeEach, describe, expect, it } from 'vitest'
import { crc16 } from './emv'
import plugin from './index'
import type { VietQrPayConfig } from './routes'
import { signBody, verifySignature } from './signature'

const config: VietQrPayConfig = {
  bankBin: '970415',
  accountNumber: '0011001932418',
  accountName: 'UBND PHUONG DONG MAI',
  webhookSecret: 'khoa-bi-mat-rat-dai-0123456789',
}

const dossier: DossierSnapshot = {
  receiptCode: '000.01.21.H49-251128-0001',
  procedure: { code: '2.000635', name: 'Cấp bản sao trích lục hộ tịch', version: 1 },
  unit: { code: 'phuong-dong-mai', name: 'UBND phường Đông Mai', electronicId: '000.01.21.H49' },
  channel: 2,
  status: 6,
  statusName: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  currentStep: 'thu_phi',
  applicant: { fullName: 'Nguyễn Thị Lan' },
  submittedAt: '2025-11-28T01:00:00.000Z',
  receivedAt: '2025-11-28T01:30:00.000Z',
  dueAt: '2025-11-28T10:00:00.000Z',
  doneAt: null,
  returnedAt: null,
  fees: [
    { key: 'le_phi', name: 'Lệ phí cấp bản sao', amount: 8000 },
    { key: 'ban_sao', name: 'Bản sao thứ hai', amount: 8000 },
  ],
  form: null,
}

// A fake runtime: one known dossier, and a record of the payments it was asked to confirm.
const confirmed: { receiptCode: string; amount: number; reference: string }[] = []
const runtime: RouteCapabilities<VietQrPayConfig> = {
  findDossier: async (receiptCode) => (receiptCode === dossier.receiptCode ? { dossier, config } : undefined),
  confirmPayment: async (receiptCode, payment) => void confirmed.push({ receiptCode, ...payment }),
}
beforeEach(() => void (confirmed.length = 0))

const route = (method: 'get' | 'post', path: string) =>
  plugin.routes!.find((r) => r.method === method && r.path === path) as PluginRoute<VietQrPayConfig>
const request = (over: Partial<PluginRequest>): PluginRequest => ({
  method: 'GET',
  path: '/',
  params: {},
  query: {},
  headers: {},
  body: '',
  ...over,
})

describe('GET /dossiers/:receiptCode/qr', () => {
  const qr = route('get', '/dossiers/:receiptCode/qr')
  const ask = (receiptCode: string, query: Record<string, string> = {}) =>
    qr.handle(request({ path: `/dossiers/${receiptCode}/qr`, params: { receiptCode }, query }), runtime)

  it('answers the VietQR payload for the dossier and amount', async () => {
    const response = await ask(dossier.receiptCode, { amount: '8000' })
    expect(response.status).toBe(200)
    expect(response.json).toEqual({
      payload:
        '00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA5303704540480005802VN62290825000.01.21.H49-251128-000163044783',
      amount: 8000,
      bankBin: '970415',
      accountNumber: '0011001932418',
      accountName: 'UBND PHUONG DONG MAI',
      purpose: '000.01.21.H49-251128-0001',
    })
  })

  it('asks for the dossier’s fees when no amount is given', async () => {
    const response = await ask(dossier.receiptCode)
    const { payload, amount } = response.json as { payload: string; amount: number }
    expect(amount).toBe(16000)
    expect(payload).toContain('540516000')
    expect(crc16(payload.slice(0, -4))).toBe(payload.slice(-4))
  })

  it('answers 404 for an unknown dossier (or one whose unit has not enabled the plugin)', async () => {
    const response = await ask('000.01.21.H49-251128-9999', { amount: '8000' })
    expect(response.status).toBe(404)
    expect(response.json).toMatchObject({
      error: { code: 'NOT_FOUND', message: { vi: expect.stringContaining('Không tìm thấy hồ sơ') } },
    })
  })

  it.each(['0', '-8000', '8000.5', '8e3', 'tám nghìn', '500000001'])(
    'answers 400 in Vietnamese for amount=%s',
    async (amount) => {
      const response = await ask(dossier.receiptCode, { amount })
      expect(response.status).toBe(400)
      expect(response.json).toMatchObject({
        error: { code: 'INVALID_DATA', message: { vi: expect.stringMatching(/^Số tiền phải là số nguyên dương/) } },
      })
    },
  )

  it('accepts the largest amount, 500,000,000 đồng', async () => {
    expect((await ask(dossier.receiptCode, { amount: '500000000' })).status).toBe(200)
  })
})

describe('POST /webhook', () => {
  const webhook = route('post', '/webhook')
  const notice = JSON.stringify({ receiptCode: dossier.receiptCode, amount: 16000, reference: 'FT25332123456789' })
  const post = (body: string, headers: Record<string, string>) =>
    webhook.handle(request({ method: 'POST', path: '/webhook', headers, body }), runtime)

  it('confirms the payment when the signature is good', async () => {
    const response = await post(notice, { 'x-signature': await signBody(config.webhookSecret, notice) })
    expect(response).toEqual({ status: 200, json: { ok: true } })
    expect(confirmed).toEqual([{ receiptCode: dossier.receiptCode, amount: 16000, reference: 'FT25332123456789' }])
  })

  it('accepts the signature in upper case and under any header case', async () => {
    const signature = (await signBody(config.webhookSecret, notice)).toUpperCase()
    expect((await post(notice, { 'X-Signature': signature })).status).toBe(200)
  })

  it('answers 401 and confirms nothing when the signature is bad', async () => {
    const signedByOther = await signBody('another-secret-0123456789', notice)
    const tampered = notice.replace('16000', '160000')
    for (const [body, signature] of [
      [notice, signedByOther],
      [tampered, await signBody(config.webhookSecret, notice)],
      [notice, 'not-hex'],
      [notice, (await signBody(config.webhookSecret, notice)).slice(0, 62)],
    ] as const) {
      const response = await post(body, { 'x-signature': signature })
      expect(response.status).toBe(401)
      expect(response.json).toMatchObject({ error: { code: 'UNAUTHENTICATED' } })
    }
    expect(confirmed).toEqual([])
  })

  it('answers 401 when the signature is missing', async () => {
    const response = await post(notice, {})
    expect(response.status).toBe(401)
    expect(confirmed).toEqual([])
  })

  it('answers 404 for an unknown dossier', async () => {
    const body = JSON.stringify({ receiptCode: '000.01.21.H49-251128-9999', amount: 16000, reference: 'FT1' })
    const response = await post(body, { 'x-signature': await signBody(config.webhookSecret, body) })
    expect(response.status).toBe(404)
    expect(confirmed).toEqual([])
  })

  it.each([
    'not json',
    '[]',
    '{"receiptCode":"000.01.21.H49-251128-0001","amount":0,"reference":"FT1"}',
    '{"receiptCode":"000.01.21.H49-251128-0001","amount":16000}',
  ])('answers 400 for a malformed notice: %s', async (body) => {
    const response = await post(body, { 'x-signature': await signBody(config.webhookSecret, body) })
    expect(response.status).toBe(400)
    expect(confirmed).toEqual([])
  })

  it('lets the runtime’s refusal through (e.g. a dossier not waiting for payment)', async () => {
    const refusing: RouteCapabilities<VietQrPayConfig> = {
      ...runtime,
      confirmPayment: async () => Promise.reject(new Error('not waiting for a payment')),
    }
    const response = webhook.handle(
      request({
        method: 'POST',
        body: notice,
        headers: { 'x-signature': await signBody(config.webhookSecret, notice) },
      }),
      refusing,
    )
    await expect(response).rejects.toThrow('not waiting for a payment')
  })
})

describe('signatures', () => {
  it('is hex(HMAC-SHA256(secret, body)) (RFC 4231 test case 2)', async () => {
    expect(await signBody('Jefe', 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    )
    expect(
      await verifySignature(
        'Jefe',
        'what do ya want for nothing?',
        '5BDCC146BF60754E6A042426089575C75A003F089D2739839DEC58B964EC3843',
      ),
    ).toBe(true)
    expect(await verifySignature('Jefe', 'what do ya want for nothing?', undefined)).toBe(false)
  })
})

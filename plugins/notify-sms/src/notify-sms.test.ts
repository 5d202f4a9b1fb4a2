import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { startTestRuntime, type TestRuntime } from '@motcua/plugin-test-kit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { GatewayRequest } from './send'

// The plugin in a real runtime, enabled for one ward of Hạ Long: its applicants' texts reach a local gateway.
let refusals = 0
const received: { key: string | undefined; body: GatewayRequest }[] = []
const gateway: Server = createServer((req, res) => {
  let body = ''
  req.on('data', (chunk) => (body += chunk))
  req.on('end', () => {
    if (refusals-- > 0) return res.writeHead(502).end('bad gateway')
    received.push({ key: req.headers['x-api-key'] as string | undefined, body: JSON.parse(body) })
    res.writeHead(202).end('{"status":"queued"}')
  })
})

describe('notify-sms in a runtime', () => {
  let rt: TestRuntime
  beforeAll(async () => {
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve))
    rt = await startTestRuntime({
      plugins: [new URL('./index.ts', import.meta.url).href],
      procedures: ['dang-ky-khai-sinh'],
      at: '2026-12-01T08:00:00+07:00',
    })
    await rt.enable('notify-sms', {
      unit: '06649',
      config: {
        url: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/send`,
        apiKey: 'khoa-cong-sms',
        sender: 'HAKHANH',
      },
    })
  })
  afterAll(async () => {
    await rt?.close()
    gateway.closeAllConnections()
    await new Promise((resolve) => gateway.close(resolve))
  })

  it('texts the applicant’s mobile, unaccented, when the dossier is filed and received', async () => {
    const applicant = { fullName: 'Phạm Thu Trang', phone: '0912 345 678' }
    const { receiptCode } = await rt.submit({ procedure: 'dang-ky-khai-sinh', unit: '06649', applicant })
    await rt.act(receiptCode, 'tiep_nhan')
    await rt.runOutbox()
    // the receipt (code and PIN) has its own test below
    received.splice(
      received.findIndex((r) => r.body.text.startsWith('Ma ho so')),
      1,
    )
    expect(received.map((r) => r.key)).toEqual(['khoa-cong-sms', 'khoa-cong-sms'])
    expect(received.map((r) => r.body)).toEqual([
      expect.objectContaining({ to: '84912345678', from: 'HAKHANH', unicode: false }),
      expect.objectContaining({ to: '84912345678', from: 'HAKHANH', unicode: false }),
    ])
    const [filed, receivedText] = received.map((r) => r.body.text)
    expect(filed).toBe(`Ho so ${receiptCode} da duoc gui toi Phuong Ha Khanh, dang cho tiep nhan.`)
    expect(receivedText).toMatch(
      new RegExp(
        `^Ho so ${receiptCode.replace(/\./g, '\\.')} da duoc Phuong Ha Khanh tiep nhan\\. Hen tra: \\d\\d:\\d\\d \\d\\d/\\d\\d/2026\\.$`,
      ),
    )
    expect(receivedText!.length).toBeLessThanOrEqual(160)
  })

  it('texts the receipt code and PIN on submission, the PIN in no outbox row before or after', async () => {
    received.length = 0
    const submitted = await rt.submit({
      procedure: 'dang-ky-khai-sinh',
      unit: '06649',
      applicant: { fullName: 'Đỗ Minh Châu', phone: '0987 654 321' },
    })
    const { receiptCode, pin, receiptSentTo } = submitted as typeof submitted & {
      pin: string
      receiptSentTo: unknown
    }
    expect(pin).toMatch(/^\d{8}$/)
    // the receipt page says where they went
    expect(receiptSentTo).toEqual({ sms: '0987…21' })
    const stored = async () => JSON.stringify(await rt.outbox({ plugin: 'notify-sms' }))
    await rt.runOutbox()
    const text = received.map((r) => r.body.text).find((t) => t.startsWith('Ma ho so'))
    expect(text).toBe(
      `Ma ho so ${receiptCode}, ma tra cuu (PIN) ${pin}. Giu kin ma PIN; tra cuu ho so tai Cong dich vu cong.`,
    )
    expect(received.find((r) => r.body.text === text)?.body.to).toBe('84987654321')
    const rows = await rt.outbox({ plugin: 'notify-sms', topic: 'dossier.receipt', state: 'delivered' })
    expect(rows.filter((r) => r.receiptCode === receiptCode)).toHaveLength(1)
    expect(await stored()).not.toContain(pin)
    expect(await stored()).toContain('########')
  })

  it('retries a refused text with the plugin’s policy, under the same reference', async () => {
    received.length = 0
    refusals = 1
    const { receiptCode } = await rt.submit({
      procedure: 'dang-ky-khai-sinh',
      unit: '06649',
      applicant: { fullName: 'Lê Văn Hùng', phone: '+84 386 123 456' },
    })
    await rt.runOutbox()
    // the first text of the dossier, its receipt, was the one refused
    const [pending] = await rt.outbox({ plugin: 'notify-sms', topic: 'dossier.receipt', state: 'pending' })
    expect(pending).toMatchObject({ receiptCode, attempts: 1, lastError: expect.stringContaining('HTTP 502') })
    received.length = 0
    rt.clock.advance({ seconds: 30 }) // the plugin's first backoff
    await rt.runOutbox()
    expect(received).toEqual([
      {
        key: 'khoa-cong-sms',
        body: expect.objectContaining({ to: '84386123456', reference: `motcua-${pending!.id}` }),
      },
    ])
  })

  it('texts nobody without a mobile number, nor at a commune where it is not enabled', async () => {
    received.length = 0
    await rt.submit({
      procedure: 'dang-ky-khai-sinh',
      unit: '06649',
      applicant: { fullName: 'Đỗ Minh', phone: '0203 3835 123' },
    })
    await rt.submit({
      procedure: 'dang-ky-khai-sinh',
      unit: '06652',
      applicant: { fullName: 'Vũ Lan', phone: '0987654321' },
    })
    await rt.runOutbox()
    expect(received).toEqual([])
  })
})

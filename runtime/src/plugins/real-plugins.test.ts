import { createHmac } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { testDrivers } from '@motcua/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { libraryProcedure, openTestRuntime, sampleSubmission, signIn, type TestRuntime } from '../testing'
import { createOutboxWorker } from './outbox-worker'

// The plugins of plugins/, loaded as the runtime loads them; the payment and portal ones driven through its HTTP API.
const business = libraryProcedure('dang-ky-thanh-lap-ho-kinh-doanh')
const SECRET = 'bi-mat-webhook-cua-phuong-0123456789'
const portal: unknown[] = []
const server: Server = createServer((req, res) => {
  let body = ''
  req.on('data', (chunk) => (body += chunk))
  req.on('end', () => {
    portal.push({ auth: req.headers.authorization, body: JSON.parse(body) })
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"error_code":0}')
  })
})

describe.each(testDrivers())('the shipped plugins on $name', ({ open }) => {
  let runtime: TestRuntime
  let admin: string
  let officer: string
  let code: string
  const call = (
    token: string | null,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    runtime.app.request(path, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        'content-type': 'application/json',
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    })
  const version = async () =>
    ((await (await call(officer, 'GET', `/api/desk/dossiers/${code}`)).json()) as { version: number; status: number })
      .version

  beforeAll(async () => {
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    portal.length = 0
    runtime = await openTestRuntime(open)
    admin = await signIn(runtime, 'admin')
    officer = await signIn(runtime, 'tiepnhan.193')
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dongbo`
    expect(
      (
        await call(admin, 'PUT', '/api/admin/units/22/plugins/national-portal-sync', {
          enabled: true,
          config: { url, token: 'tok-123', maTinh: '22' },
        })
      ).status,
    ).toBe(200)
    expect(
      (
        await call(admin, 'PUT', '/api/admin/units/193/plugins/vietnam-qr-pay', {
          enabled: true,
          config: {
            bankBin: '970415',
            accountNumber: '0011001932418',
            accountName: 'UBND TP HA LONG',
            webhookSecret: SECRET,
          },
        })
      ).status,
    ).toBe(200)
    const res = await runtime.app.request(
      '/api/dossiers',
      sampleSubmission(business, '193', { fullName: 'Ngô Văn Hải', idNumber: '022088001111' }),
    )
    code = ((await res.json()) as { receiptCode: string }).receiptCode
  })
  afterAll(() => runtime?.close())

  it('lists the plugins for administrators, with everything each contributes', async () => {
    const plugins = (await (await call(admin, 'GET', '/api/admin/plugins')).json()) as {
      slug: string
      secrets: string[]
      routes: { method: string; path: string }[]
      retry: unknown
      reads: unknown
    }[]
    expect(plugins.map((p) => p.slug)).toEqual(
      expect.arrayContaining([
        'ha-long-construction-check',
        'national-portal-sync',
        'notify-email',
        'notify-sms',
        'vietnam-qr-pay',
      ]),
    )
    const pay = plugins.find((p) => p.slug === 'vietnam-qr-pay')!
    expect(pay.secrets).toEqual(['webhookSecret'])
    expect(pay.routes).toContainEqual(
      expect.objectContaining({ path: expect.stringMatching(/^\/api\/plugins\/vietnam-qr-pay\//) }),
    )
    expect(pay.retry).toEqual({ attempts: 8, backoffMs: 5000 })
    expect(plugins.find((p) => p.slug === 'ha-long-construction-check')!.reads).toEqual({
      'QN-GPXD-01': ['dia_diem', 'cong_trinh'],
    })
  })

  it('never returns a secret setting, and keeps it when an administrator saves the others', async () => {
    const settings = async (unit: string) => {
      const res = await call(admin, 'GET', `/api/admin/units/${unit}/plugins`)
      const text = await res.text()
      expect(text).not.toContain(SECRET)
      expect(text).not.toContain('tok-123')
      // the two plugins this file drives, of all those shipped
      return (JSON.parse(text) as { slug: string; own: unknown[]; inForce: unknown[] }[]).filter((p) =>
        ['national-portal-sync', 'vietnam-qr-pay'].includes(p.slug),
      )
    }
    expect(await settings('193')).toEqual([
      expect.objectContaining({ slug: 'ha-long-construction-check', own: null, inForce: null }),
      expect.objectContaining({
        slug: 'national-portal-sync',
        secrets: ['token'],
        own: [],
        inForce: [
          expect.objectContaining({
            procedureCode: '',
            enabled: true,
            enabledFrom: { unitCode: '22', unitName: 'Tỉnh Quảng Ninh', procedureCode: '' },
            config: { url: expect.any(String), maTinh: '22' },
            secretsSet: ['token'],
            runs: true,
          }),
        ],
      }),
      expect.objectContaining({
        slug: 'vietnam-qr-pay',
        secrets: ['webhookSecret'],
        own: [
          {
            procedureCode: '',
            procedureName: null,
            enabled: true,
            config: { bankBin: '970415', accountNumber: '0011001932418', accountName: 'UBND TP HA LONG' },
            secretsSet: ['webhookSecret'],
          },
        ],
        inForce: [expect.objectContaining({ secretsSet: ['webhookSecret'], runs: true })],
      }),
    ])
    // changing the account name without re-typing the secret keeps it (the webhook below is signed with it)
    const renamed = { bankBin: '970415', accountNumber: '0011001932418', accountName: 'UBND THANH PHO HA LONG' }
    const saved = await call(admin, 'PUT', '/api/admin/units/193/plugins/vietnam-qr-pay', {
      enabled: true,
      config: renamed,
    })
    expect(saved.status).toBe(200)
    expect((await settings('193'))[1]!.own).toEqual([
      { procedureCode: '', procedureName: null, enabled: true, config: renamed, secretsSet: ['webhookSecret'] },
    ])
    const national = (await settings('22'))[0]!.own[0] as { config: { url: string } }
    const resaved = await call(admin, 'PUT', '/api/admin/units/22/plugins/national-portal-sync', {
      enabled: true,
      config: { ...national.config, timeoutMs: 5000 },
    })
    expect(resaved.status).toBe(200)
    // where no secret is stored yet, leaving it out is a missing required setting
    const unset = await call(admin, 'PUT', '/api/admin/units/194/plugins/vietnam-qr-pay', {
      enabled: true,
      config: renamed,
    })
    expect(unset.status).toBe(400)
    expect(await unset.json()).toMatchObject({
      error: { issues: [{ code: 'required', path: '/config/webhookSecret' }] },
    })
  })

  it('asks for the fee with a VietQR code and takes the bank’s signed confirmation', async () => {
    expect(
      (
        await call(officer, 'POST', `/api/desk/dossiers/${code}/actions/yeu_cau_nop_phi`, {
          expectedVersion: await version(),
          amount: 100_000,
        })
      ).status,
    ).toBe(200)
    const qr = (await (
      await call(null, 'GET', `/api/plugins/vietnam-qr-pay/dossiers/${code}/qr?amount=100000`)
    ).json()) as { payload: string; purpose: string }
    expect(qr.payload).toMatch(/^000201010212.*A000000727.*970415.*0011001932418.*5406100000.*5802VN.*6304[0-9A-F]{4}$/)
    const notice = JSON.stringify({ receiptCode: code, amount: 100_000, reference: 'FT25128ABC' })
    const forged = await call(null, 'POST', '/api/plugins/vietnam-qr-pay/webhook', notice, {
      'x-signature': createHmac('sha256', 'sai-bi-mat').update(notice).digest('hex'),
    })
    expect(forged.status).toBe(401)
    const paid = await call(null, 'POST', '/api/plugins/vietnam-qr-pay/webhook', notice, {
      'x-signature': createHmac('sha256', SECRET).update(notice).digest('hex'),
    })
    expect(paid.status).toBe(200)
    const desk = (await (await call(officer, 'GET', `/api/desk/dossiers/${code}`)).json()) as {
      status: number
      events: { action: string; actorRole: string; note: string }[]
    }
    expect(desk.status).toBe(1)
    expect(desk.events.at(-1)).toMatchObject({
      action: 'confirmPayment',
      actorRole: 'system',
      note: expect.stringContaining('FT25128ABC'),
    })
  })

  it('sends every status change to the national portal through the outbox', async () => {
    await call(officer, 'POST', `/api/desk/dossiers/${code}/actions/tiep_nhan`, { expectedVersion: await version() })
    await createOutboxWorker(runtime.database, runtime.plugins).runOnce()
    const sent = portal
      .map((p) => p as { auth: string; body: { MaHoSo: string; TrangThaiHoSo: string } })
      .filter((p) => p.body.MaHoSo === code)
    expect(sent.map((p) => p.body.TrangThaiHoSo)).toEqual(['1', '6', '1', '2']) // 2 Được tiếp nhận
    expect(sent.every((p) => p.auth === 'Bearer tok-123')).toBe(true)
  })
})

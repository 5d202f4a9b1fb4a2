import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import { type AddressInfo, connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { createScratchDatabase } from '@motcua/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RuntimeProcess, repoRoot, startRuntimeProcess, stopRuntimeProcess } from '../support/runtime-process'

// The server log of a whole scenario, from the real process `npm start` runs: request ids, routes, codes and timings
// are there; the applicant's data, the PIN, the password, the token and the session cookie are not. The SMS plugin
// is on: its hook and its deliveries (receipt with the PIN, status) are logged with the id of the request that filed
// the dossier, which the gateway gets too.
const PASSWORD = 'mat-khau-rieng-42'
const API_KEY = 'khoa-api-cong-sms-77'
const person = {
  fullName: 'Vũ Thị Hạnh Nguyên',
  idNumber: '034187009876',
  phone: '0987123456',
  email: 'hanh.nguyen@example.vn',
}
const sample = JSON.parse(readFileSync(join(repoRoot, 'procedures/dang-ky-khai-sinh/sample.json'), 'utf8'))
const formData = {
  ...sample,
  nguoi_yeu_cau: {
    ...sample.nguoi_yeu_cau,
    ho_ten: person.fullName,
    so_dinh_danh: person.idNumber,
    so_dien_thoai: person.phone,
    email: person.email,
  },
}
const pdf = new File([new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')], 'giay.pdf')

function submission(dossier: unknown): FormData {
  const form = new FormData()
  form.set('dossier', JSON.stringify({ declaration: true, ...(dossier as object) }))
  form.append('attachments.giay_chung_sinh', pdf)
  return form
}

/** Sends raw bytes (fetch refuses to send a NUL in a header) and resolves with the raw answer. */
function rawRequest(url: string, request: string): Promise<string> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(request))
    let answer = ''
    socket.on('data', (chunk) => {
      answer += chunk
    })
    socket.on('close', () => resolve(answer))
    socket.on('error', reject)
  })
}

/** The SMS gateway: takes every message, keeping the request id it was sent with. */
function smsGateway() {
  const received: { requestId: string | undefined }[] = []
  const server = createServer((req, res) => {
    received.push({ requestId: req.headers['x-request-id'] as string | undefined })
    req.resume()
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"queued"}')
  })
  return { server, received }
}

const drivers = [
  { name: 'pglite', url: undefined as string | undefined },
  ...(process.env.DATABASE_URL ? [{ name: 'postgres', url: process.env.DATABASE_URL }] : []),
]

describe.each(drivers)('the server log on $name', ({ url }) => {
  let runtime: RuntimeProcess
  let dataDir: string
  let drop = async () => {}
  const secrets: Record<string, string> = {
    ...person,
    internationalPhone: `84${person.phone.slice(1)}`,
    password: PASSWORD,
    apiKey: API_KEY,
  }
  const requestIds: string[] = []
  const gateway = smsGateway()

  beforeAll(async () => {
    await new Promise<void>((resolve) => gateway.server.listen(0, '127.0.0.1', resolve))
    dataDir = mkdtempSync(join(tmpdir(), 'motcua-log-'))
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, DEMO_PASSWORD: PASSWORD, DATABASE_URL: '' }
    if (url) {
      const scratch = await createScratchDatabase(url)
      drop = scratch.drop
      Object.assign(env, { DATABASE_URL: scratch.url, SEED_DEMO: '1' })
    }
    runtime = await startRuntimeProcess({ ...env, OUTBOX_INTERVAL_MS: '100' })
  }, 120_000)
  afterAll(async () => {
    if (runtime && runtime.child.exitCode === null) await stopRuntimeProcess(runtime)
    await drop()
    rmSync(dataDir, { recursive: true, force: true })
    await new Promise<void>((resolve) => gateway.server.close(() => resolve()))
  })

  it('holds no personal data, PIN, password, token or cookie after a full scenario with bad input', async () => {
    const api = async (path: string, init: RequestInit = {}) => {
      const res = await fetch(`${runtime.url}${path}`, init)
      requestIds.push(res.headers.get('x-request-id') ?? '')
      return res
    }
    const json = { 'content-type': 'application/json' }
    const signedIn = await fetch(`${runtime.url}/api/auth/login`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ username: 'admin', password: PASSWORD }),
    })
    const admin = ((await signedIn.json()) as { token: string }).token
    secrets.adminToken = admin
    const gatewayUrl = `http://127.0.0.1:${(gateway.server.address() as AddressInfo).port}/v1/sms`
    const enabled = await fetch(`${runtime.url}/api/admin/units/193/plugins/notify-sms`, {
      method: 'PUT',
      headers: { ...json, authorization: `Bearer ${admin}` },
      body: JSON.stringify({ enabled: true, config: { url: gatewayUrl, apiKey: API_KEY, sender: 'UBND-QNINH' } }),
    })
    expect(enabled.status).toBe(200)
    const dossier = { procedureCode: '1.001193', unitCode: '06649', applicant: person, formData }
    const submitted = await api('/api/dossiers', { method: 'POST', body: submission(dossier) })
    expect(submitted.status).toBe(201)
    const { receiptCode, pin } = (await submitted.json()) as { receiptCode: string; pin: string }
    Object.assign(secrets, { receiptCode, pin })
    expect((await api(`/api/track/${receiptCode}`, { headers: { 'x-lookup-pin': pin } })).status).toBe(200)

    const login = await api('/api/auth/login', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ username: 'tiepnhan.06649', password: PASSWORD }),
    })
    expect(login.status).toBe(200)
    const { token, csrfToken } = (await login.json()) as { token: string; csrfToken: string }
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!
    Object.assign(secrets, { token, csrfToken, cookie: cookie.split('=')[1]! })
    const desk = await api(`/api/desk/dossiers/${receiptCode}`, { headers: { cookie } })
    const { version } = (await desk.json()) as { version: number }
    const received = await api(`/api/desk/dossiers/${receiptCode}/actions/tiep_nhan`, {
      method: 'POST',
      headers: { ...json, cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ expectedVersion: version, note: `Đã gọi ${person.phone}` }),
    })
    expect(received.status).toBe(200)

    // bad input, each carrying personal data: refused with a 4xx, never logged
    const bad = [
      await api('/api/dossiers', {
        method: 'POST',
        body: submission({ ...dossier, applicant: { ...person, fullName: `${person.fullName}\u0000` } }),
      }),
      await api('/api/dossiers', {
        method: 'POST',
        headers: json,
        body: `{"applicant":{"phone":"${person.phone}","idNumber":"${person.idNumber}"`,
      }),
      await api('/api/dossiers', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: person.idNumber }),
      await api(`/api/track/${receiptCode}`, { headers: { 'x-lookup-pin': '00000000' } }),
      await api(`/api/track/${receiptCode}?pin=${pin}`),
      await api(`/api/desk/dossiers?q=${encodeURIComponent(person.fullName)}%00`, { headers: { cookie } }),
      await api('/api/auth/me', { headers: { authorization: `Bearer ${token}x` } }),
      await api('/api/auth/login', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ username: 'tiepnhan.06649', password: `${PASSWORD}x` }),
      }),
    ]
    for (const res of bad) {
      expect(res.status).toBeGreaterThanOrEqual(400)
      expect(res.status).toBeLessThan(500)
    }
    const raw = await rawRequest(
      runtime.url,
      `GET /api/track/${receiptCode} HTTP/1.1\r\nHost: x\r\nX-Lookup-Pin: ${pin}\u0000\r\n\r\n`,
    )
    expect(raw).toMatch(/^HTTP\/1\.1 400 /)
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toMatchObject({ error: { code: 'INVALID_DATA' } })

    // the receipt (with the PIN) and the status SMS of the submission, the status SMS of the action
    const filing = requestIds[0]!
    for (let waited = 0; gateway.received.length < 3 && waited < 300; waited++) await sleep(100)
    expect(gateway.received.filter((r) => r.requestId === filing)).toHaveLength(2)
    expect(gateway.received.filter((r) => r.requestId === requestIds[4])).toHaveLength(1)

    expect(await stopRuntimeProcess(runtime)).toBe(0)
    const log = runtime.output()
    for (const [what, value] of Object.entries(secrets)) expect(log, what).not.toContain(value)
    expect(log).not.toMatch(/unhandled error|\bat .+\.[jt]s:\d+/)
    // what it does hold: one line per request with its id, the route pattern, the status and the duration
    const lines = log
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    const tracked = lines.find((l) => l.requestId === requestIds[1])
    expect(tracked).toMatchObject({ msg: 'request', method: 'GET', route: '/api/track/:receiptCode', status: 200 })
    expect(tracked!.ms).toEqual(expect.any(Number))
    // the submission's plugin hook and its deliveries, each line with the submission's id
    const filed = lines.filter((l) => l.requestId === filing && l.plugin === 'notify-sms')
    expect(filed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ msg: 'outbox hook run', topic: 'hook.onSubmit', messages: 2 }),
        expect.objectContaining({ msg: 'outbox delivered', topic: 'dossier.receipt' }),
        expect.objectContaining({ msg: 'outbox delivered', topic: 'sms' }),
      ]),
    )
  }, 60_000)
})

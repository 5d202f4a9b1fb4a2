import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type NationalPortalConfig, NationalPortalError, postToPortal } from './deliver'
import plugin from './index'

interface Received {
  method: string
  url: string
  headers: IncomingMessage['headers']
  body: string
}

const TOKEN = 'bi-mat-cua-tinh-0123456789'
const received: Received[] = []
// what the test portal does with the next request: answer with a status and body, or never answer
let answer: { status: number; body: string } | 'hang' = { status: 200, body: '{"error_code":0}' }

const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
  let body = ''
  req.setEncoding('utf8')
  req.on('data', (chunk: string) => (body += chunk))
  req.on('end', () => {
    received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body })
    if (answer === 'hang') return
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body)
  })
})

let base = ''
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
})
beforeEach(() => {
  received.length = 0
  answer = { status: 200, body: '{"error_code":0}' }
})

const context = (config: Partial<NationalPortalConfig> = {}, signal = new AbortController().signal) => ({
  config: { url: `${base}/api/DongBoHoSoMC`, ...config },
  signal,
  fetch,
  attempt: 1,
})
const payload = { MaHoSo: '000.01.21.H49-251128-0001', TrangThaiHoSo: '4', ChuHoSo: 'Nguyễn Thị Lan' }

describe('deliver', () => {
  it('POSTs the payload as JSON with the bearer token', async () => {
    await plugin.deliver!({ id: 1, topic: 'dossier.status', payload }, context({ token: TOKEN }))
    expect(received).toHaveLength(1)
    const [request] = received as [Received]
    expect(request.method).toBe('POST')
    expect(request.url).toBe('/api/DongBoHoSoMC')
    expect(request.headers['content-type']).toMatch(/^application\/json/)
    expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(JSON.parse(request.body)).toEqual(payload) // UTF-8 Vietnamese intact
  })

  it('sends no Authorization header without a token', async () => {
    await postToPortal(payload, context())
    expect(received[0]?.headers.authorization).toBeUndefined()
  })

  it('throws on a non-2xx answer with the status and a short excerpt, never the token', async () => {
    answer = { status: 502, body: `{"error":"upstream down","echo":"Bearer ${TOKEN}","padding":"${'x'.repeat(500)}"}` }
    const error = await postToPortal(payload, context({ token: TOKEN })).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NationalPortalError)
    const { status, message } = error as NationalPortalError
    expect(status).toBe(502)
    expect(message).toContain('HTTP 502')
    expect(message).toContain('upstream down')
    expect(message).not.toContain(TOKEN)
    expect(message.length).toBeLessThan(300)
  })

  it('treats a 4xx like any other failure (the outbox retries it)', async () => {
    answer = { status: 400, body: 'MaTTHC không hợp lệ' }
    await expect(postToPortal(payload, context())).rejects.toThrow(/HTTP 400: MaTTHC không hợp lệ/)
  })

  it('gives up when the runtime aborts it', async () => {
    answer = 'hang'
    const controller = new AbortController()
    const delivery = postToPortal(payload, context({}, controller.signal))
    setTimeout(() => controller.abort(new Error('delivery timed out')), 50)
    await expect(delivery).rejects.toThrow()
    expect(received).toHaveLength(1)
  })

  it('gives up after its own timeoutMs', async () => {
    answer = 'hang'
    const started = Date.now()
    await expect(postToPortal(payload, context({ timeoutMs: 1000 }))).rejects.toThrow()
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('rejects when nobody listens', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    await expect(
      postToPortal(payload, { ...context(), config: { url: `http://127.0.0.1:${port}/` } }),
    ).rejects.toThrow()
  })
})

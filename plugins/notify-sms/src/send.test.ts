import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import plugin from './index'

const KEY = 'khoa-api-0123456789'
const received: { url: string; headers: IncomingMessage['headers']; body: string }[] = []
let answer: { status: number; body: string } | 'hang' = { status: 200, body: '{"status":"queued"}' }

// a gateway that takes the documented JSON body
const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
  let body = ''
  req.setEncoding('utf8')
  req.on('data', (chunk: string) => (body += chunk))
  req.on('end', () => {
    received.push({ url: req.url ?? '', headers: req.headers, body })
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
  answer = { status: 200, body: '{"status":"queued"}' }
})

const sms = { to: '84912345678', text: 'Ho so 000.01.21.H49-261201-0001 da duoc tiep nhan.', unicode: false }
const context = (signal = new AbortController().signal) => ({
  config: { url: `${base}/v1/sms`, apiKey: KEY, sender: 'UBND-QNINH' },
  signal,
  fetch,
  attempt: 1,
})

describe('deliver', () => {
  it('passes the request id on as X-Request-Id, to match the gateway’s record with the runtime log', async () => {
    await plugin.deliver!({ id: 45, topic: 'sms', payload: sms }, { ...context(), requestId: 'req-0123456789' })
    expect(received[0]!.headers['x-request-id']).toBe('req-0123456789')
  })

  it('POSTs the documented JSON body with the API key header', async () => {
    await plugin.deliver!({ id: 42, topic: 'sms', payload: sms }, context())
    expect(received).toHaveLength(1)
    const [request] = received
    expect(request!.url).toBe('/v1/sms')
    expect(request!.headers['x-api-key']).toBe(KEY)
    expect(request!.headers['content-type']).toMatch(/^application\/json/)
    expect(request!.headers['x-request-id'], 'no request, no correlation id').toBeUndefined()
    expect(JSON.parse(request!.body)).toEqual({
      to: '84912345678',
      from: 'UBND-QNINH',
      text: 'Ho so 000.01.21.H49-261201-0001 da duoc tiep nhan.',
      unicode: false,
      reference: 'motcua-42',
    })
  })

  it('throws on a refusal, without the key or the phone number in the error', async () => {
    answer = { status: 401, body: `{"error":"bad key ${KEY} for 84912345678 / 0912345678"}` }
    const failure = plugin.deliver!({ id: 43, topic: 'sms', payload: sms }, context())
    await expect(failure).rejects.toThrow(/HTTP 401/)
    const message = ((await failure.catch((e: Error) => e)) as Error).message
    expect(message).not.toContain(KEY)
    expect(message).not.toContain('912345678')
  })

  it('stops when the outbox aborts it', async () => {
    answer = 'hang'
    const controller = new AbortController()
    const delivery = plugin.deliver!({ id: 44, topic: 'sms', payload: sms }, context(controller.signal))
    await new Promise((resolve) => setTimeout(resolve, 100))
    controller.abort()
    await expect(delivery).rejects.toThrow()
  })
})

import { Hono } from 'hono'
import { afterEach, describe, expect, it } from 'vitest'
import type { AppEnv } from '../app'
import { captureLog } from '../log'
import { accessLog } from './access-log'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

function appFor(trustProxy: boolean) {
  const app = new Hono<AppEnv>()
  app.use(accessLog(true, trustProxy))
  app.get('/api/track/:code', (c) => c.json({ requestId: c.get('requestId') }))
  return app
}

describe('the request id', () => {
  let captured: ReturnType<typeof captureLog> | undefined
  afterEach(() => captured?.stop())

  const request = async (trustProxy: boolean, headers: Record<string, string> = {}) => {
    captured = captureLog()
    const res = await appFor(trustProxy).request('/api/track/H49-0001', { headers })
    captured.stop()
    const id = res.headers.get('x-request-id')
    // the handlers see the same id (they give it to the plugin host, and to their own log lines)
    expect(((await res.json()) as { requestId: string }).requestId).toBe(id)
    return { id, lines: captured.lines }
  }

  it("is a trusted proxy's X-Request-Id: answered, seen by the handlers and on the access line", async () => {
    const nginx = '3f1c2a9be07d4c55a1f0d2e6b8c97a10'
    const { id, lines } = await request(true, { 'x-request-id': nginx })
    expect(id).toBe(nginx)
    expect(lines).toEqual([
      expect.objectContaining({ msg: 'request', requestId: nginx, route: '/api/track/:code', status: 200 }),
    ])
  })

  it('is a new one when the proxy is not trusted', async () => {
    const { id, lines } = await request(false, { 'x-request-id': '3f1c2a9be07d4c55a1f0d2e6b8c97a10' })
    expect(id).toMatch(UUID)
    expect(lines.map((l) => l.requestId)).toEqual([id])
  })

  it.each([
    ['too short', 'abc'],
    ['a tab and JSON', 'req-12345678\t{"level":"error","msg":"forged"}'],
    ['quotes and spaces', 'req-12345678" "admin'],
    ['too long', 'x'.repeat(129)],
  ])('is a new one when a trusted id has %s (no log injection)', async (_, forged) => {
    const { id, lines } = await request(true, { 'x-request-id': forged })
    expect(id).toMatch(UUID)
    expect(lines.map((l) => l.requestId)).toEqual([id])
  })
})

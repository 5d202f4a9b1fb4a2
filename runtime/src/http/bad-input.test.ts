import { testDrivers } from '@motcua/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { operations } from '../app'
import { openTestRuntime, signIn, type TestRuntime } from '../testing'

// Whatever arrives, every route answers with a 4xx and the error shape, never a 500 or a stack trace.
const bodies: [string, string, string][] = [
  ['truncated JSON', 'application/json', '{"procedureCode": '],
  ['a JSON array', 'application/json', '[1,2,3]'],
  ['a JSON string', 'application/json', '"xin chào"'],
  [
    'wrong types everywhere',
    'application/json',
    '{"expectedVersion":"một","definition":7,"formData":null,"enabled":"có","username":[],"password":{}}',
  ],
  ['a prototype trick', 'application/json', '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{}}}'],
  ['text/plain', 'text/plain', 'hello'],
  [
    'a broken multipart',
    'multipart/form-data; boundary=xyz',
    '--xyz\r\nContent-Disposition: form-data; name="dossier"\r\n\r\n{bad',
  ],
]
const params: Record<string, string> = {
  receiptCode: '000.01.21.H49-251128-0001',
  code: '1.001193',
  id: "'; drop table dossiers; --",
  version: '-1',
  actionKey: '../../x',
  unitCode: '06649',
  slug: 'khong-co',
  procedureCode: '%00',
}

describe.each(testDrivers())('bad input on $name', ({ open }) => {
  let runtime: TestRuntime
  let admin: string
  beforeAll(async () => {
    runtime = await openTestRuntime(open)
    admin = await signIn(runtime, 'admin')
  })
  afterAll(() => runtime?.close())

  // login has its own battery; logout takes no body
  const writes = operations.filter(
    (o) => o.method !== 'get' && !['/api/auth/login', '/api/auth/logout'].includes(o.path),
  )
  it.each(writes.map((o) => [`${o.method.toUpperCase()} ${o.path}`, o] as const))(
    '%s answers every malformed body with a 4xx error',
    async (_name, op) => {
      const path = op.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? 'x'))
      for (const [what, type, body] of bodies) {
        const res = await runtime.app.request(path, {
          method: op.method.toUpperCase(),
          headers: { authorization: `Bearer ${admin}`, 'content-type': type },
          body,
        })
        const text = await res.text()
        expect(res.status, `${what}: ${text}`).toBeGreaterThanOrEqual(400)
        expect(res.status, `${what}: ${text}`).toBeLessThan(500)
        expect(JSON.parse(text), what).toMatchObject({
          error: { code: expect.any(String), message: { vi: expect.any(String), en: expect.any(String) } },
        })
        expect(text).not.toMatch(/at .+\.ts:\d+/)
      }
    },
  )

  it('answers odd path parameters on every read with a 4xx', async () => {
    for (const op of operations.filter((o) => o.method === 'get' && o.path.includes(':'))) {
      const path = op.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? 'x'))
      const res = await runtime.app.request(path, { headers: { authorization: `Bearer ${admin}` } })
      expect(res.status, `${op.path}: ${await res.clone().text()}`).toBeLessThan(500)
    }
  })
})

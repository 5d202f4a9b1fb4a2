import {
  attachments,
  calendarChanges,
  calendarDays,
  calendarYears,
  dossierEvents,
  dossiers,
  formDrafts,
  pluginSettings,
  procedureDrafts,
  procedures,
  sessions,
} from '@motcua/db'
import { testDrivers } from '@motcua/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { operations } from '../app'
import { libraryProcedure, openTestRuntime, sampleSubmission, signIn, type TestRuntime } from '../testing'
import type { Operation } from './openapi'

// Whatever arrives, every documented route answers with a 4xx and the error shape, never a 500 or a stack trace,
// and stores nothing. Each request carries what the route needs to get as far as reading its input (a token of a
// role it admits, a real receipt code with its PIN, a real draft id), so the malformed part is really exercised.

interface BodyCase {
  what: string
  type: string
  body: string | FormData
  /** The issue or code that shows the body reached the reader. */
  expect: { status?: number; issue?: string }
}

const deepForm = `{"formData":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`
const jsonCases: BodyCase[] = [
  { what: 'truncated JSON', type: 'application/json', body: '{"procedureCode": ', expect: { status: 400 } },
  { what: 'a JSON array', type: 'application/json', body: '[1,2,3]', expect: {} },
  { what: 'a JSON string', type: 'application/json', body: '"xin chào"', expect: {} },
  {
    what: 'wrong types everywhere',
    type: 'application/json',
    body: '{"expectedVersion":"một","definition":7,"formData":null,"enabled":"có","username":[],"password":{}}',
    expect: {},
  },
  {
    what: 'a prototype trick',
    type: 'application/json',
    body: '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{}}}',
    expect: {},
  },
  {
    what: 'a NUL in a string',
    type: 'application/json; charset=utf-8',
    body: '{"formData":{"ho_ten":"Nguy\\u0000ễn"}}',
    expect: { status: 400, issue: 'string.invalidCharacter' },
  },
  {
    what: 'a NUL in a key',
    type: 'application/json',
    body: '{"formData":{"ho\\u0000ten":"An"}}',
    expect: { status: 400, issue: 'string.invalidCharacter' },
  },
  {
    what: 'a lone surrogate in a string',
    type: 'application/json',
    body: '{"reason":"l\\ud800ý do"}',
    expect: { status: 400, issue: 'string.invalidCharacter' },
  },
  { what: 'a form nested 10,000 deep', type: 'application/json', body: deepForm, expect: { issue: 'json.tooDeep' } },
]
const multipartWith = (name: string, value: string) => {
  const form = new FormData()
  form.set(name, value)
  return form
}
const multipartCases: BodyCase[] = [
  {
    what: 'a NUL in a multipart text field',
    type: '',
    body: multipartWith('note', 'Đã\u0000 bổ sung'),
    expect: { status: 400, issue: 'string.invalidCharacter' },
  },
  {
    what: 'a multipart dossier field with a NUL inside its JSON',
    type: '',
    body: multipartWith('dossier', '{"formData":{"ho_ten":"A\\u0000"}}'),
    expect: { status: 400 },
  },
]
const typeCases: BodyCase[] = [
  { what: 'text/plain', type: 'text/plain', body: 'hello', expect: { status: 415 } },
  {
    what: 'an urlencoded form',
    type: 'application/x-www-form-urlencoded',
    body: 'procedureCode=1.001193&unitCode=06649',
    expect: { status: 415 },
  },
  {
    what: 'a broken multipart',
    type: 'multipart/form-data; boundary=xyz',
    body: '--xyz\r\nContent-Disposition: form-data; name="dossier"\r\n\r\n{bad',
    expect: {},
  },
]

const brokenPathValues = ['%00', '%ED%A0%80', '%ZZ']
const oddPathValues = ["'; drop table dossiers; --", '-1', '../../x', '9'.repeat(40), 'é', ' ', '%']
const queryValues = ['abc', '1e400', '-1', '2026-13-45', 'x'.repeat(500), '%25', '%00', '%ZZ', '%ED%A0%80']
const brokenQueryValues = new Set(['%00', '%ZZ', '%ED%A0%80'])
const badHeaders: [string, string][] = [
  ['idempotency-key', 'khóa-1'],
  ['x-lookup-pin', '1234\u00015678'],
  ['x-lookup-pin', 'mã'],
  ['authorization', 'Bearer tôi'],
  ['x-csrf-token', 'a\u0002b'],
  ['cookie', 'motcua_session=é'],
]

const label = (op: Operation) => `${op.method.toUpperCase()} ${op.path}`

async function expectErrorShape(res: Response, what: string): Promise<{ code: string; issues?: { code: string }[] }> {
  const text = await res.text()
  expect(res.status, `${what}: ${text}`).toBeGreaterThanOrEqual(400)
  expect(res.status, `${what}: ${text}`).toBeLessThan(500)
  const body = JSON.parse(text) as { error: { code: string; issues?: { code: string; path: string }[] } }
  expect(body, what).toMatchObject({
    error: { code: expect.any(String), message: { vi: expect.any(String), en: expect.any(String) } },
  })
  expect(text, what).not.toMatch(/at .+\.[jt]s:\d+/)
  return body.error
}

describe.each(testDrivers())('bad input on $name', ({ open }) => {
  let runtime: TestRuntime
  let params: Record<string, string>
  let pin: string
  const tokens: Record<string, string> = {}
  const tables = [
    dossiers,
    dossierEvents,
    attachments,
    formDrafts,
    procedureDrafts,
    procedures,
    pluginSettings,
    sessions,
    calendarDays,
    calendarYears,
    calendarChanges,
  ]
  const counts = () => Promise.all(tables.map((t) => runtime.database.db.$count(t)))

  /** The headers that let a request through to its input: a token of a role the route admits, the PIN. */
  const pass = (op: Operation): Record<string, string> => {
    const headers: Record<string, string> = op.path.startsWith('/api/track/') ? { 'x-lookup-pin': pin } : {}
    // `app.request` calls in the same process, which counts as this machine
    if (op.access === 'public' || op.access === 'localOrToken') return headers
    const roles = op.access === 'signedIn' ? ['citizen'] : op.access
    const user = roles.includes('citizen')
      ? 'congdan'
      : roles.includes('province_admin')
        ? 'admin'
        : roles.includes('receiving_officer')
          ? 'tiepnhan.193'
          : roles.includes('specialist')
            ? 'chuyenvien.193'
            : 'lanhdao.193'
    return { ...headers, authorization: `Bearer ${tokens[user]}` }
  }
  const pathOf = (op: Operation, value?: string) =>
    op.path.replace(/:(\w+)/g, (_, name: string) => value ?? encodeURIComponent(params[name]!))
  const send = (op: Operation, init: { path?: string; headers?: Record<string, string>; body?: BodyCase } = {}) =>
    runtime.app.request(init.path ?? pathOf(op), {
      method: op.method.toUpperCase(),
      headers: {
        ...pass(op),
        ...(init.body?.type ? { 'content-type': init.body.type } : {}),
        ...init.headers,
      },
      ...(init.body ? { body: init.body.body } : {}),
    })

  beforeAll(async () => {
    runtime = await openTestRuntime(open, { submitLimitPerMinute: 0 })
    for (const user of ['admin', 'congdan', 'tiepnhan.193', 'chuyenvien.193', 'lanhdao.193'])
      tokens[user] = await signIn(runtime, user)
    // a dossier waiting for a supplement, so that the citizen's answer reads its body
    const business = libraryProcedure('dang-ky-thanh-lap-ho-kinh-doanh')
    const submitted = await runtime.app.request(
      '/api/dossiers',
      sampleSubmission(business, '193', { fullName: 'Đỗ Văn Kiên' }),
    )
    const { receiptCode, pin: printed } = (await submitted.json()) as { receiptCode: string; pin: string }
    pin = printed
    const act = async (user: string, action: string, inputs: Record<string, unknown> = {}) => {
      const desk = await runtime.app.request(`/api/desk/dossiers/${receiptCode}`, {
        headers: { authorization: `Bearer ${tokens[user]}` },
      })
      const { version } = (await desk.json()) as { version: number }
      const res = await runtime.app.request(`/api/desk/dossiers/${receiptCode}/actions/${action}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens[user]}`, 'content-type': 'application/json' },
        body: JSON.stringify({ expectedVersion: version, ...inputs }),
      })
      expect(res.status, await res.clone().text()).toBe(200)
    }
    await act('tiepnhan.193', 'tiep_nhan')
    await act('chuyenvien.193', 'yeu_cau_bo_sung', { missingItems: ['Bản sao hợp đồng thuê nhà'] })
    const draft = await runtime.app.request('/api/admin/drafts', {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ definition: { code: '9.000001', name: 'Thủ tục thử' } }),
    })
    expect(draft.status).toBe(201)
    const [slug] = runtime.plugins.plugins.keys()
    expect(slug, 'the shipped plugins are loaded').toBeDefined()
    params = {
      receiptCode,
      code: '1.001193',
      procedureCode: '1.001193',
      id: ((await draft.json()) as { id: string }).id,
      version: '1',
      actionKey: 'tiep_nhan',
      unitCode: '193',
      name: '2020-01-01-hoanh-bo',
      slug: slug!,
      form: '01',
      calendarCode: 'default',
      year: '2025',
      date: '2025-05-02',
      key: 'le_phi_khai_sinh_qua_han',
      consultationId: '00000000-0000-4000-8000-000000000000',
      fileId: '00000000-0000-4000-8000-000000000000',
    }
  })
  afterAll(() => runtime?.close())

  it('knows a value for every path parameter of the documented routes', () => {
    for (const op of operations)
      for (const [, name] of op.path.matchAll(/:(\w+)/g)) expect(params[name!], `${label(op)} :${name}`).toBeDefined()
  })

  const writes = operations.filter((o) => o.method !== 'get')
  it.each(writes.map((o) => [label(o), o] as const))(
    '%s reads every malformed body and answers it with a 4xx, storing nothing',
    async (_name, op) => {
      const before = await counts()
      const cases = [
        ...(op.body ? jsonCases : []),
        ...(op.multipart ? multipartCases : []),
        ...typeCases.map((c) =>
          // a broken multipart is a 400 where multipart is read, a 415 elsewhere
          c.type.startsWith('multipart/') ? { ...c, expect: op.multipart ? { status: 400 } : { status: 415 } } : c,
        ),
      ]
      for (const body of cases) {
        const res = await send(op, { body })
        const error = await expectErrorShape(res, body.what)
        if (body.expect.status) expect(res.status, body.what).toBe(body.expect.status)
        if (body.expect.issue)
          expect(
            error.issues?.map((i) => i.code),
            body.what,
          ).toContain(body.expect.issue)
      }
      expect(await counts()).toEqual(before)
    },
  )

  it('refuses text/plain and urlencoded submissions (a cross-site form) with 415 and files nothing', async () => {
    const before = await runtime.database.db.$count(dossiers)
    const dossier = JSON.stringify({
      procedureCode: '1.001193',
      unitCode: '06649',
      applicant: { fullName: 'Trần Văn Bảo' },
      formData: libraryProcedure('dang-ky-khai-sinh').sample,
      declaration: true,
    })
    for (const [type, body] of [
      ['text/plain', dossier],
      ['text/plain;charset=UTF-8', dossier],
      ['application/x-www-form-urlencoded', new URLSearchParams({ dossier }).toString()],
    ]) {
      const res = await runtime.app.request('/api/dossiers', {
        method: 'POST',
        headers: { 'content-type': type! },
        body,
      })
      expect(res.status, type).toBe(415)
      expect((await res.json()) as object).toMatchObject({ error: { code: 'UNSUPPORTED_MEDIA_TYPE' } })
    }
    expect(await runtime.database.db.$count(dossiers)).toBe(before)
  })

  it.each(operations.filter((o) => o.path.includes(':')).map((o) => [label(o), o] as const))(
    '%s answers a broken or odd path parameter with a 4xx',
    async (_name, op) => {
      for (const value of brokenPathValues) {
        const res = await send(op, { path: pathOf(op, value) })
        const error = await expectErrorShape(res, value)
        expect(res.status, value).toBe(400)
        expect(error.issues, value).toEqual([expect.objectContaining({ path: '/path' })])
      }
      for (const value of oddPathValues) {
        const res = await send(op, {
          path: pathOf(op, encodeURIComponent(value)),
          ...(op.method === 'get' ? {} : { body: jsonCases[0] }),
        })
        if (res.status >= 400) await expectErrorShape(res, value)
        expect(res.status, value).toBeLessThan(500)
      }
    },
  )

  it.each(operations.filter((o) => o.method === 'get').map((o) => [label(o), o] as const))(
    '%s answers odd query parameters with a 4xx, never a 500',
    async (_name, op) => {
      for (const name of [...(op.query ?? []).map((q) => q.name), 'khac']) {
        for (const value of queryValues) {
          const res = await send(op, { path: `${pathOf(op)}?${name}=${value}` })
          if (res.status >= 400 || brokenQueryValues.has(value)) {
            const error = await expectErrorShape(res, `${name}=${value}`)
            if (brokenQueryValues.has(value)) {
              expect(res.status, `${name}=${value}`).toBe(400)
              expect(error.issues, `${name}=${value}`).toContainEqual(
                expect.objectContaining({ path: `/query/${name}` }),
              )
            }
          }
        }
      }
      const malformedName = await send(op, { path: `${pathOf(op)}?%ZZ=1` })
      expect(malformedName.status).toBe(400)
    },
  )

  it('refuses the values the issue found on the desk queue and the units list', async () => {
    const queue = operations.find((o) => o.path === '/api/desk/dossiers' && o.method === 'get')!
    for (const query of ['status=abc', 'status=1e400', 'unit=%00', 'q=%00']) {
      const res = await send(queue, { path: `/api/desk/dossiers?${query}` })
      expect(res.status, query).toBe(400)
      expect((await expectErrorShape(res, query)).issues).toContainEqual(
        expect.objectContaining({ path: `/query/${query.split('=')[0]}` }),
      )
    }
    for (const query of ['at=2026-13-45', 'at=2026-02-30', 'at=0000-01-01', 'q=%00', 'parent=%00']) {
      const res = await runtime.app.request(`/api/units?${query}`)
      expect(res.status, query).toBe(400)
      expect((await expectErrorShape(res, query)).issues).toContainEqual(
        expect.objectContaining({ path: `/query/${query.split('=')[0]}` }),
      )
    }
  })

  it.each(operations.map((o) => [label(o), o] as const))(
    '%s refuses control or non-ASCII characters in the headers it reads',
    async (_name, op) => {
      for (const [name, value] of badHeaders) {
        const res = await send(op, { headers: { [name]: value } })
        const error = await expectErrorShape(res, `${name}: ${value}`)
        expect(res.status).toBe(400)
        expect(error.issues).toContainEqual(expect.objectContaining({ path: `/headers/${name}` }))
      }
    },
  )
})

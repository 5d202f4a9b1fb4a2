import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { vietnamDate } from '@motcua/core'
import { dossierEvents, dossiers, receiptSequences } from '@motcua/db'
import { testDrivers } from '@motcua/db/testing'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultProceduresDir } from '../procedures/library'
import { openTestRuntime, TEST_PASSWORD, type TestRuntime } from '../testing'

const sample = (folder: string) =>
  JSON.parse(readFileSync(join(defaultProceduresDir(), folder, 'sample.json'), 'utf8')) as Record<string, unknown>
const birth = () => sample('dang-ky-khai-sinh')
const pdf = (text = 'giay chung sinh') =>
  new TextEncoder().encode(`%PDF-1.4\n1 0 obj<</Title (${text})>>endobj\ntrailer<<>>\n%%EOF\n`)
const applicant = { fullName: 'Nguyễn Văn Hùng', idNumber: '022095001234', phone: '0912345678' }

interface Submitted {
  receiptCode: string
  pin: string
  status: number
  statusName: { vi: string }
  fees: { key: string; amount: number }[]
}
interface ErrorBody {
  error: {
    code: string
    message: { vi: string; en: string }
    issues?: { code: string; path: string; message: { vi: string } }[]
  }
}

describe.each(testDrivers())('citizens’ API on $name', ({ open }) => {
  let runtime: TestRuntime
  const request = async (path: string, init?: RequestInit): Promise<Response> => runtime.app.request(path, init)
  const multipart = (
    dossier: unknown,
    files: [string, Uint8Array | Blob, string][] = [['giay_chung_sinh', pdf(), 'giay-chung-sinh.pdf']],
    headers: Record<string, string> = {},
  ) => {
    const form = new FormData()
    form.set('dossier', JSON.stringify(dossier))
    for (const [key, content, name] of files) form.append(`attachments.${key}`, new File([content], name))
    return request('/api/dossiers', { method: 'POST', body: form, headers })
  }
  const birthDossier = (formData: Record<string, unknown> = birth(), overrides: Record<string, unknown> = {}) => ({
    procedureCode: '1.001193',
    unitCode: '06649',
    applicant,
    formData,
    declaration: true,
    ...overrides,
  })
  const counts = async () => [
    await runtime.database.db.$count(dossiers),
    await runtime.database.db.$count(receiptSequences),
  ]
  const token = async (username: string) => {
    const res = await request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: TEST_PASSWORD }),
    })
    return ((await res.json()) as { token: string }).token
  }

  beforeAll(async () => {
    // hundreds of anonymous submissions from one address: the per-address limit has its own suite
    runtime = await openTestRuntime(open, { submitLimitPerMinute: 0 })
  })
  afterAll(() => runtime?.close())

  it('lists and searches the library without diacritics, and shows a procedure’s public detail', async () => {
    const found = (await (await request('/api/procedures?q=dang ky khai sinh')).json()) as {
      code: string
      name: string
    }[]
    expect(found.map((p) => p.code)).toContain('1.001193')
    const commune = (await (await request('/api/procedures?unit=06649')).json()) as { level: string }[]
    expect(commune.length).toBeGreaterThan(0)
    expect(commune.every((p) => p.level === 'commune')).toBe(true)
    const detail = (await (await request('/api/procedures/1.001193')).json()) as Record<string, unknown>
    expect(detail).toMatchObject({
      code: '1.001193',
      name: 'Đăng ký khai sinh',
      version: 1,
      form: { schema: { type: 'object' } },
    })
    expect(detail).not.toHaveProperty('steps')
    expect((await request('/api/procedures/9.999999')).status).toBe(404)
  })

  it('files a birth registration with its attachment: receipt code, PIN, status 1 and the fees', async () => {
    const res = await multipart(birthDossier())
    expect(res.status).toBe(201)
    const body = (await res.json()) as Submitted
    expect(body.receiptCode).toMatch(/^000\.01\.21\.H49-\d{6}-\d{4}$/)
    expect(body.pin).toMatch(/^\d{8}$/)
    expect(body).toMatchObject({ status: 1, statusName: { vi: 'Mới đăng ký' } })
    expect(body.fees).toEqual([
      expect.objectContaining({ key: 'le_phi_dang_ky', amount: 0 }),
      expect.objectContaining({ key: 'phi_ban_sao', amount: 16_000 }),
    ])
  })

  it('records the lời cam đoan the applicant ticked with the submission', async () => {
    const { receiptCode } = (await (await multipart(birthDossier())).json()) as Submitted
    const [row] = await runtime.database.db.select().from(dossiers).where(eq(dossiers.receiptCode, receiptCode))
    const [event] = await runtime.database.db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, row!.id))
    expect(event).toMatchObject({
      action: 'submit',
      data: { declaration: expect.stringMatching(/^Tôi xin cam đoan những thông tin khai trên là đúng sự thật/) },
    })
  })

  it('tracks by receipt code: the status for anyone, personal data only with the PIN', async () => {
    const { receiptCode, pin } = (await (await multipart(birthDossier())).json()) as Submitted
    const open = await request(`/api/track/${receiptCode}`)
    expect(open.status).toBe(200)
    const text = await open.text()
    expect(JSON.parse(text)).toMatchObject({
      receiptCode,
      status: 1,
      procedure: { name: 'Đăng ký khai sinh' },
      timeline: [{ action: 'submit', status: 1 }],
    })
    expect(text).not.toContain('Nguyễn Văn Hùng')
    expect(text).not.toContain('022095001234')

    const detailed = (await (
      await request(`/api/track/${receiptCode}`, { headers: { 'x-lookup-pin': pin } })
    ).json()) as Record<string, unknown>
    expect(detailed).toMatchObject({
      applicant: { fullName: 'Nguyễn Văn Hùng' },
      attachments: [{ componentKey: 'giay_chung_sinh', fileName: 'giay-chung-sinh.pdf', mediaType: 'application/pdf' }],
    })
    const wrong = pin === '00000000' ? '00000001' : '00000000'
    expect((await request(`/api/track/${receiptCode}`, { headers: { 'x-lookup-pin': wrong } })).status).toBe(403)
    const unknown = await request('/api/track/000.01.21.H49-990101-9999')
    expect(unknown.status).toBe(404)
    expect(((await unknown.json()) as ErrorBody).error.message.vi).toMatch(/Không tìm thấy hồ sơ/)
  })

  describe('bad input gets a clear 4xx and stores nothing', () => {
    const cases: [string, () => Promise<Response>, number, string, string?][] = [
      [
        'a missing required document',
        () => multipart(birthDossier(), []),
        400,
        'component.missing',
        '/components/giay_chung_sinh',
      ],
      [
        'an HTML page named .pdf',
        () =>
          multipart(birthDossier(), [
            ['giay_chung_sinh', new TextEncoder().encode('<html><script>alert(1)</script></html>'), 'giay.pdf'],
          ]),
        400,
        'file.type',
        '/attachments/0',
      ],
      [
        'a file over the component’s 10 MB',
        () =>
          multipart(birthDossier(), [
            ['giay_chung_sinh', new Blob([pdf(), new Uint8Array(10 * 1024 * 1024)]), 'big.pdf'],
          ]),
        400,
        'file.tooLarge',
        '/attachments/0',
      ],
      [
        'a file for a component the procedure does not have',
        () =>
          multipart(birthDossier(), [
            ['giay_chung_sinh', pdf(), 'a.pdf'],
            ['khong_co', pdf(), 'b.pdf'],
          ]),
        400,
        'component.unknown',
        '/attachments/1',
      ],
      [
        'a wrong căn cước number',
        () =>
          multipart(
            birthDossier({
              ...birth(),
              nguoi_yeu_cau: { ...(birth().nguoi_yeu_cau as object), so_dinh_danh: '12345' },
            }),
          ),
        400,
        'format',
        '/formData/nguoi_yeu_cau/so_dinh_danh',
      ],
      [
        'a number where text belongs',
        () => multipart(birthDossier({ ...birth(), so_ban_sao: 'hai' })),
        400,
        'type',
        '/formData/so_ban_sao',
      ],
      [
        'no declaration (lời cam đoan) ticked',
        () => multipart(birthDossier(birth(), { declaration: undefined })),
        422,
        'declaration.required',
        '/declaration',
      ],
      [
        'the declaration refused',
        () => multipart(birthDossier(birth(), { declaration: false })),
        422,
        'declaration.required',
        '/declaration',
      ],
      [
        'an unknown procedure',
        () => multipart(birthDossier(birth(), { procedureCode: '9.999999' })),
        400,
        'procedure.unknown',
        '/procedureCode',
      ],
      [
        'an unknown unit',
        () => multipart(birthDossier(birth(), { unitCode: '99999' })),
        400,
        'unit.unknown',
        '/unitCode',
      ],
      [
        'a district for a commune procedure',
        () => multipart(birthDossier(birth(), { unitCode: '193' })),
        400,
        'unit.notOffering',
        '/unitCode',
      ],
      [
        'a body that is not JSON',
        () =>
          request('/api/dossiers', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: '{"procedureCode": ',
          }),
        400,
        'INVALID_DATA',
      ],
      [
        'a multipart body without the dossier field',
        () => {
          const f = new FormData()
          f.set('x', 'y')
          return request('/api/dossiers', { method: 'POST', body: f })
        },
        400,
        'required',
        '/dossier',
      ],
      [
        'an unknown top-level field',
        () => multipart({ ...birthDossier(), admin: true }),
        400,
        'additionalProperties',
        '/admin',
      ],
      [
        'a megabyte string',
        () =>
          request('/api/dossiers', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(birthDossier({ ...birth(), ghi_chu: 'x'.repeat(2 * 1024 * 1024) })),
          }),
        413,
        'PAYLOAD_TOO_LARGE',
      ],
      [
        'a form beyond 256 KB',
        () => multipart(birthDossier({ ...birth(), ghi_chu: 'x'.repeat(300 * 1024) })),
        413,
        'PAYLOAD_TOO_LARGE',
      ],
      [
        'a 100 KB name inside the form',
        () =>
          multipart(
            birthDossier({
              ...birth(),
              nguoi_yeu_cau: { ...(birth().nguoi_yeu_cau as object), ho_ten: 'A'.repeat(100_000) },
            }),
          ),
        400,
        'maxLength',
        '/formData/nguoi_yeu_cau/ho_ten',
      ],
      [
        'a NUL character in the applicant’s name',
        () => multipart(birthDossier(birth(), { applicant: { fullName: 'Nguyễn\u0000Văn' } })),
        400,
        'string.invalidCharacter',
        '/applicant/fullName',
      ],
      [
        'a lone surrogate in a form value',
        () => multipart(birthDossier({ ...birth(), ghi_chu: 'ab\ud800' })),
        400,
        'string.invalidCharacter',
        '/formData/ghi_chu',
      ],
      [
        'a NUL character in a form key',
        () =>
          request('/api/dossiers', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(birthDossier({ ...birth(), 'a\u0000b': 'x' })),
          }),
        400,
        'string.invalidCharacter',
        '/formData/a\u0000b',
      ],
      [
        'a form nested 10,000 deep',
        () =>
          request('/api/dossiers', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(birthDossier({})).replace(
              '"formData":{}',
              `"formData":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`,
            ),
          }),
        400,
        'json.tooDeep',
        `/formData${'/a'.repeat(31)}`,
      ],
      [
        'a NUL character in a file name',
        () => multipart(birthDossier(), [['giay_chung_sinh', pdf(), 'giay\u0000.pdf']]),
        400,
        'string.invalidCharacter',
        '/attachments.giay_chung_sinh',
      ],
      [
        'a text/plain body (a cross-site form)',
        () =>
          request('/api/dossiers', {
            method: 'POST',
            headers: { 'content-type': 'text/plain' },
            body: JSON.stringify(birthDossier()),
          }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      ],
      [
        'an urlencoded body (a cross-site form)',
        () =>
          request('/api/dossiers', {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ dossier: JSON.stringify(birthDossier()) }).toString(),
          }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      ],
      [
        'JSON declared in another charset',
        () =>
          request('/api/dossiers', {
            method: 'POST',
            headers: { 'content-type': 'application/json; charset=utf-16' },
            body: JSON.stringify(birthDossier()),
          }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      ],
      [
        'a bad Idempotency-Key',
        () => multipart(birthDossier(), undefined, { 'idempotency-key': 'x'.repeat(300) }),
        400,
        'INVALID_DATA',
      ],
    ]
    it.each(cases)('%s', async (_name, send, status, code, path) => {
      const before = await counts()
      const res = await send()
      expect(res.status).toBe(status)
      const body = (await res.json()) as ErrorBody
      expect(body.error.message.vi.length).toBeGreaterThan(5)
      if (path) expect(body.error.issues).toContainEqual(expect.objectContaining({ code, path }))
      else expect(body.error.code).toBe(code)
      expect(await counts()).toEqual(before)
    })
  })

  it('stores a file under a safe name whatever path it claims', async () => {
    const { receiptCode, pin } = (await (
      await multipart(birthDossier(), [['giay_chung_sinh', pdf(), '..\\..\\..\\etc/passwd.pdf']])
    ).json()) as Submitted
    const detail = (await (
      await request(`/api/track/${receiptCode}`, { headers: { 'x-lookup-pin': pin } })
    ).json()) as { attachments: { fileName: string }[] }
    expect(detail.attachments[0]!.fileName).toBe('passwd.pdf')
  })

  it('refuses a birth date after today (the server’s day in Vietnam) with 422 at its path, and files nothing', async () => {
    const [before] = await counts()
    const tomorrow = vietnamDate(new Date(Date.now() + 86_400_000))
    const child = { ...(birth().nguoi_duoc_khai_sinh as object), ngay_sinh: tomorrow }
    const res = await multipart(birthDossier({ ...birth(), nguoi_duoc_khai_sinh: child }))
    expect(res.status).toBe(422)
    const { error } = (await res.json()) as ErrorBody
    expect(error.code).toBe('UNPROCESSABLE')
    expect(error.issues).toEqual([
      {
        code: 'x-dateRules',
        path: '/formData/nguoi_duoc_khai_sinh/ngay_sinh',
        message: {
          vi: `Ngày sinh của con không thể sau hôm nay (${vietnamDate(new Date()).split('-').reverse().join('/')})`,
          en: expect.stringMatching(/^The child's date of birth cannot be after today/),
        },
        params: expect.objectContaining({ relation: 'notAfter' }),
      },
    ])
    expect((await counts())[0]).toBe(before)
  })

  it('refuses a child born before its mother, naming her birth date', async () => {
    const child = { ...(birth().nguoi_duoc_khai_sinh as object), ngay_sinh: '1980-01-01' }
    const mother = { ...(birth().me as object), ngay_sinh: '1990-03-12' }
    const res = await multipart(birthDossier({ ...birth(), nguoi_duoc_khai_sinh: child, me: mother }))
    expect(res.status).toBe(422)
    const { error } = (await res.json()) as ErrorBody
    expect(error.issues?.map((i) => [i.path, i.message.vi])).toContainEqual([
      '/formData/nguoi_duoc_khai_sinh/ngay_sinh',
      'Ngày sinh của con phải sau ngày sinh của mẹ (12/03/1990)',
    ])
  })

  it('creates exactly one dossier for 20 concurrent retries with one Idempotency-Key', async () => {
    const before = await runtime.database.db.$count(dossiers)
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        multipart(birthDossier(), undefined, { 'idempotency-key': 'retry-khai-sinh-1' }),
      ),
    )
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as Submitted[]
    expect(responses.map((r) => r.status).sort()).toEqual([...Array(19).fill(200), 201])
    expect(new Set(bodies.map((b) => b.receiptCode)).size).toBe(1)
    expect(new Set(bodies.map((b) => b.pin)).size).toBe(1)
    expect(await runtime.database.db.$count(dossiers)).toBe(before + 1)
  })

  it('never hands one anonymous applicant another’s dossier or PIN through a shared Idempotency-Key', async () => {
    const key = { 'idempotency-key': 'shared-by-chance' }
    const first = await multipart(birthDossier(), undefined, key)
    expect(first.status).toBe(201)
    const before = await runtime.database.db.$count(dossiers)
    const other = birthDossier(birth(), { applicant: { fullName: 'Trần Thị Lan', idNumber: '022195009876' } })
    const second = await multipart(other, undefined, key)
    expect(second.status).toBe(422)
    const body = (await second.json()) as ErrorBody & Partial<Submitted>
    expect(body.error.code).toBe('UNPROCESSABLE')
    expect(body.error.message.vi).toMatch(/dùng một mã mới/)
    expect(body.error.issues?.[0]?.path).toBe('/headers/idempotency-key')
    expect(JSON.stringify(body)).not.toMatch(/\d{8}|H49-/) // neither the first dossier's PIN nor its code
    expect(await runtime.database.db.$count(dossiers)).toBe(before)
  })

  it('replays only the very same request: the same key with another file is refused', async () => {
    const key = { 'idempotency-key': 'same-json-other-file' }
    const first = await multipart(birthDossier(), undefined, key)
    const replay = await multipart(birthDossier(), undefined, key)
    expect([first.status, replay.status]).toEqual([201, 200])
    const [a, b] = (await Promise.all([first.json(), replay.json()])) as Submitted[]
    expect(b).toMatchObject({ receiptCode: a!.receiptCode, pin: a!.pin, fees: a!.fees })
    const otherFile = await multipart(
      birthDossier(),
      [['giay_chung_sinh', pdf('ban khac'), 'giay-chung-sinh.pdf']],
      key,
    )
    expect(otherFile.status).toBe(422)
  })

  it('stores the fees fixed at submission with the dossier', async () => {
    const res = await multipart(birthDossier())
    const { receiptCode, fees } = (await res.json()) as Submitted
    const [stored] = await runtime.database.db
      .select({ fees: dossiers.fees })
      .from(dossiers)
      .where(eq(dossiers.receiptCode, receiptCode))
    expect(stored!.fees).toEqual(fees)
  })

  it('gives 200 concurrent submissions to one unit 200 distinct, gapless receipt codes', async () => {
    const unit = { procedureCode: '1.001193', unitCode: '06652', applicant, formData: birth(), declaration: true }
    const responses = await Promise.all(Array.from({ length: 200 }, () => multipart(unit)))
    expect(responses.every((r) => r.status === 201)).toBe(true)
    const sequences = ((await Promise.all(responses.map((r) => r.json()))) as Submitted[])
      .map((b) => Number(b.receiptCode.slice(-4)))
      .sort((a, b) => a - b)
    expect(sequences).toEqual(Array.from({ length: 200 }, (_, i) => i + 1))
  }, 120_000)

  it('gives a signed-in citizen their own details to pre-fill, and nobody else', async () => {
    const an = await token('congdan')
    const me = await request('/api/me', { headers: { authorization: `Bearer ${an}` } })
    expect(await me.json()).toEqual({
      fullName: 'Nguyễn Văn An (tài khoản demo)',
      idNumber: '022090001234',
      phone: '0912345678',
    })
    expect((await request('/api/me')).status).toBe(401)
    const officer = `Bearer ${await token('tiepnhan.06649')}`
    expect((await request('/api/me', { headers: { authorization: officer } })).status).toBe(403)
  })

  it('shows signed-in citizens their own dossiers only, and keeps their form drafts', async () => {
    const [an, binh] = [await token('congdan'), await token('congdan2')]
    const res = await multipart(
      { procedureCode: '1.001193', unitCode: '06649', formData: birth(), declaration: true },
      undefined,
      {
        authorization: `Bearer ${an}`,
      },
    )
    expect(res.status).toBe(201)
    const { receiptCode } = (await res.json()) as Submitted
    const mine = (await (await request('/api/me/dossiers', { headers: { authorization: `Bearer ${an}` } })).json()) as {
      receiptCode: string
    }[]
    expect(mine.map((d) => d.receiptCode)).toEqual([receiptCode])
    expect(await (await request('/api/me/dossiers', { headers: { authorization: `Bearer ${binh}` } })).json()).toEqual(
      [],
    )
    expect((await request('/api/me/dossiers')).status).toBe(401)
    expect(
      (await request('/api/me/dossiers', { headers: { authorization: `Bearer ${await token('tiepnhan.06649')}` } }))
        .status,
    ).toBe(403)

    const put = await request('/api/me/drafts/1.001193', {
      method: 'PUT',
      headers: { authorization: `Bearer ${an}`, 'content-type': 'application/json' },
      body: JSON.stringify({ formData: { so_ban_sao: 1 } }),
    })
    expect(put.status).toBe(200)
    expect(
      await (await request('/api/me/drafts/1.001193', { headers: { authorization: `Bearer ${an}` } })).json(),
    ).toMatchObject({ formData: { so_ban_sao: 1 } })
    expect((await request('/api/me/drafts/1.001193', { headers: { authorization: `Bearer ${binh}` } })).status).toBe(
      404,
    )
    await request('/api/me/drafts/1.001193', { method: 'DELETE', headers: { authorization: `Bearer ${an}` } })
    expect((await request('/api/me/drafts/1.001193', { headers: { authorization: `Bearer ${an}` } })).status).toBe(404)
  })

  it('keeps a signed-in citizen’s keys apart from anonymous ones', async () => {
    const key = { 'idempotency-key': 'per-submitter' }
    const signedIn = await token('congdan')
    const anonymous = await multipart(birthDossier(), undefined, key)
    const own = await multipart(birthDossier(), undefined, { ...key, authorization: `Bearer ${signedIn}` })
    expect([anonymous.status, own.status]).toEqual([201, 201])
    const [a, b] = (await Promise.all([anonymous.json(), own.json()])) as Submitted[]
    expect(a!.receiptCode).not.toBe(b!.receiptCode)
  })
})

import { gunzipSync } from 'node:zlib'
import { testDrivers } from '@motcua/db/testing'
import { type FormValidatorsFactory, precompiledFormValidators } from '@motcua/forms/standalone'
import type { RJSFSchema } from '@rjsf/utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publishVersion } from '../procedures/publish'
import { hasStarted } from '../procedures/registry'
import { libraryProcedure, openTestRuntime, type TestRuntime } from '../testing'

const birth = libraryProcedure('dang-ky-khai-sinh') // 1.001193
const code = birth.definition.code
const vn = (local: string) => new Date(`${local}+07:00`)

// what the portal does with the module: import it (an ES module, no eval) and hand it to @rjsf
const importModule = async (source: string) =>
  (
    (await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`)) as {
      default: FormValidatorsFactory
    }
  ).default

describe.each(testDrivers())('a published version’s precompiled form validators, on $name', ({ open }) => {
  let runtime: TestRuntime
  const now = vn('2025-01-10T09:00:00')
  beforeAll(async () => {
    runtime = await openTestRuntime(open, { clock: () => now })
  })
  afterAll(() => runtime?.close())
  const url = (procedure: string, version: number | string) =>
    `/api/procedures/${procedure}/versions/${version}/validator.js`

  it('serves the version in force as a JavaScript module that validates its form in Vietnamese', async () => {
    const detail = (await (await runtime.app.request(`/api/procedures/${code}`)).json()) as { version: number }
    const res = await runtime.app.request(url(code, detail.version))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    const schema = birth.definition.form.schema as RJSFSchema
    const validators = precompiledFormValidators(await importModule(await res.text()), schema)
    expect(validators('vi').validateFormData(birth.sample, schema).errors).toEqual([])
    const { errors } = validators('vi').validateFormData({}, schema)
    expect(errors.length).toBeGreaterThan(0)
    expect(errors[0]!.message).toBe('Vui lòng nhập thông tin bắt buộc này')
    expect(validators('en').validateFormData({}, schema).errors[0]!.message).toBe('Please fill in this required field')
  })

  it('is generated once and kept: gzipped when asked, 304 for the ETag the browser holds', async () => {
    const first = await runtime.app.request(url(code, 1), { headers: { 'accept-encoding': 'gzip' } })
    expect(first.headers.get('content-encoding')).toBe('gzip')
    const source = gunzipSync(Buffer.from(await first.arrayBuffer())).toString()
    expect(source).toMatch(/^\/\/ The form validators of procedure 1\.001193, version 1/)
    const again = await runtime.app.request(url(code, 1))
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'))
    expect(await again.text()).toBe(source)
    const cached = await runtime.app.request(url(code, 1), { headers: { 'if-none-match': first.headers.get('etag')! } })
    expect(cached.status).toBe(304)
  })

  it('answers 404 for an unknown procedure or version, and for a version not yet in force', async () => {
    for (const path of [url('9.999999', 1), url(code, 99), url(code, 'abc'), url(code, '1.0')]) {
      const res = await runtime.app.request(path)
      expect(res.status, path).toBe(404)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND')
    }
    // a version published today to take over on 01/06/2025: its form is not public before then
    const definition = { ...birth.definition, effective: { from: '2025-06-01' } }
    const { version } = await publishVersion(runtime.database.db, { definition, effectiveFrom: now })
    runtime.registry.invalidate()
    expect(hasStarted((await runtime.registry.versions(code))[0]!, now)).toBe(false)
    expect((await runtime.app.request(url(code, version))).status).toBe(404)
    expect((await runtime.app.request(url(code, 1))).status).toBe(200)
  })
})

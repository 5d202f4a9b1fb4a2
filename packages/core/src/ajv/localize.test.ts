import { describe, expect, it } from 'vitest'
import type { Issue } from '../errors'
import { createAjv } from './create-ajv'
import { escapePointerToken, localize, toIssues } from './localize'

const ajv = createAjv()

const dossierForm = ajv.compile({
  type: 'object',
  properties: {
    hoTen: { type: 'string', minLength: 1 },
    'a/b~c': { type: 'string' },
    nguoiKhai: {
      type: 'object',
      properties: { soCccd: { type: 'string', format: 'cccd' }, dienThoai: { type: 'string', format: 'vn-mobile' } },
      required: ['soCccd'],
      additionalProperties: false,
    },
    giayTo: { type: 'array', items: { type: 'string', minLength: 3 } },
  },
  required: ['hoTen', 'a/b~c'],
})

function failing(data: unknown) {
  expect(dossierForm(data)).toBe(false)
  return structuredClone(dossierForm.errors ?? [])
}

describe('localize', () => {
  it('rewrites each message in place, in Vietnamese by default', () => {
    const errors = failing({ hoTen: '' })
    localize(errors)
    expect(errors.map((error) => error.message)).toEqual([
      'Vui lòng nhập thông tin bắt buộc này',
      'Vui lòng nhập thông tin này, không được để trống',
    ])
  })

  it('rewrites in English on request', () => {
    const errors = failing({ hoTen: '', 'a/b~c': 'x' })
    localize(errors, 'en')
    expect(errors[0]?.message).toBe('Please fill in this field; it cannot be empty')
  })

  it('accepts no errors, as @rjsf localizers must', () => {
    expect(() => localize(null)).not.toThrow()
    expect(() => localize(undefined, 'en')).not.toThrow()
  })
})

describe('toIssues', () => {
  it('places a missing property at its own path, JSON-pointer escaped', () => {
    const issues = toIssues(failing({}))
    expect(issues).toEqual<Issue[]>([
      {
        code: 'required',
        path: '/hoTen',
        message: { vi: 'Vui lòng nhập thông tin bắt buộc này', en: 'Please fill in this required field' },
        params: { missingProperty: 'hoTen' },
      },
      {
        code: 'required',
        path: '/a~1b~0c',
        message: { vi: 'Vui lòng nhập thông tin bắt buộc này', en: 'Please fill in this required field' },
        params: { missingProperty: 'a/b~c' },
      },
    ])
  })

  it('keeps the instance path of nested and array errors, and points additional properties at themselves', () => {
    const issues = toIssues(
      failing({
        hoTen: 'A',
        'a/b~c': 'x',
        nguoiKhai: { soCccd: '123', dienThoai: '0912345678', ghiChu: 'x' },
        giayTo: ['ok!', 'x'],
      }),
    )
    expect(issues.map(({ code, path }) => ({ code, path }))).toEqual([
      { code: 'additionalProperties', path: '/nguoiKhai/ghiChu' },
      { code: 'format', path: '/nguoiKhai/soCccd' },
      { code: 'minLength', path: '/giayTo/1' },
    ])
    expect(issues[1]?.message.vi).toBe('Số căn cước gồm 12 chữ số; bạn đã nhập 3 chữ số')
    expect(issues[2]?.params).toEqual({ limit: 3 })
  })

  it('places dependentRequired-style and discriminator errors at the property concerned', () => {
    const base = { instancePath: '/nguoiKhai', schemaPath: '#' }
    const issues = toIssues([
      { ...base, keyword: 'dependencies', params: { property: 'a', missingProperty: 'b', depsCount: 1, deps: 'b' } },
      { ...base, keyword: 'unevaluatedProperties', params: { unevaluatedProperty: 'c' } },
      { ...base, keyword: 'discriminator', params: { error: 'mapping', tag: 'loai', tagValue: 'x' } },
    ])
    expect(issues.map((issue) => issue.path)).toEqual(['/nguoiKhai/b', '/nguoiKhai/c', '/nguoiKhai/loai'])
  })

  it('omits empty params and maps no errors to no issues', () => {
    const [issue] = toIssues([{ keyword: 'not', instancePath: '', schemaPath: '#/not', params: {} }])
    expect(issue).toEqual({ code: 'not', path: '', message: expect.any(Object) })
    expect(toIssues(null)).toEqual([])
    expect(toIssues(undefined)).toEqual([])
  })

  it('does not depend on whether the errors were localized first', () => {
    const errors = failing({})
    const before = toIssues(errors)
    localize(errors, 'en')
    expect(toIssues(errors)).toEqual(before)
  })
})

describe('escapePointerToken', () => {
  it('escapes ~ before /', () => {
    expect(escapePointerToken('~1/')).toBe('~01~1')
    expect(escapePointerToken('hoTen')).toBe('hoTen')
  })
})

import { describe, expect, it } from 'vitest'
import { headerIssues, jsonDocumentIssues, jsonLimits, pathIssues, queryIssues } from './clean-input'

const deep = (levels: number): unknown => JSON.parse(`${'['.repeat(levels)}1${']'.repeat(levels)}`)
const codes = (issues: { code: string; path: string }[]) => issues.map((i) => [i.code, i.path])

describe('JSON documents', () => {
  it('accepts what PostgreSQL stores: Vietnamese, emoji (paired surrogates), newlines, tabs', () => {
    expect(jsonDocumentIssues({ ho_ten: 'Nguyễn Thị Ánh 🌸', ghi_chu: 'dòng 1\ndòng\t2' }, jsonLimits.form)).toEqual([])
  })

  it('points at every NUL and unpaired surrogate, in values and in keys, by JSON pointer', () => {
    const document = { a: ['ok', 'x\u0000'], 'b/c~': { d: '\ud800' }, 'k\u0000': 1, e: 'y\udc00z' }
    expect(codes(jsonDocumentIssues(document, jsonLimits.form)).sort()).toEqual([
      ['string.invalidCharacter', '/a/1'],
      ['string.invalidCharacter', '/b~1c~0/d'],
      ['string.invalidCharacter', '/e'],
      ['string.invalidCharacter', '/k\u0000'],
    ])
  })

  it('refuses nesting beyond the bound at the first value too deep, without overflowing on 10,000 levels', () => {
    expect(jsonDocumentIssues(deep(32), jsonLimits.form)).toEqual([])
    expect(codes(jsonDocumentIssues(deep(33), jsonLimits.form))).toEqual([['json.tooDeep', `${'/0'.repeat(32)}`]])
    expect(codes(jsonDocumentIssues(deep(10_000), jsonLimits.form))).toEqual([['json.tooDeep', `${'/0'.repeat(32)}`]])
    expect(jsonDocumentIssues(deep(60), jsonLimits.definition)).toEqual([])
  })

  it('refuses more values than the bound, and says so in Vietnamese', () => {
    const issues = jsonDocumentIssues(
      Array.from({ length: 3_000 }, () => 1),
      jsonLimits.pluginConfig,
    )
    expect(codes(issues)).toEqual([['json.tooManyValues', '']])
    expect(issues[0]!.message.vi).toMatch(/Cấu hình tiện ích có quá nhiều mục \(tối đa 2000\)/)
  })
})

describe('URLs and headers', () => {
  it.each([
    ['/api/track/%00', 'a NUL'],
    ['/api/track/%ED%A0%80', 'the bytes of a lone surrogate'],
    ['/api/track/%ZZ', 'malformed percent-encoding'],
    ['/api/track/a%0Ab', 'a newline'],
  ])('refuses %s in the path (%s)', (path) => {
    expect(codes(pathIssues(path))).toEqual([['uri.invalidCharacter', '/path']])
  })

  it('accepts an ordinary path with encoded Vietnamese', () => {
    expect(pathIssues(`/api/units/${encodeURIComponent('Hà Khánh')}`)).toEqual([])
  })

  it('names each bad query parameter, and lets good ones and plus-encoded spaces through', () => {
    expect(queryIssues('q=nguyen+van&status=3&at=2026-01-02')).toEqual([])
    expect(codes(queryIssues('unit=%00&q=%ZZ&x=%ED%A0%80&ok=1&t=a%09b'))).toEqual([
      ['uri.invalidCharacter', '/query/unit'],
      ['uri.invalidCharacter', '/query/q'],
      ['uri.invalidCharacter', '/query/x'],
      ['uri.invalidCharacter', '/query/t'],
    ])
  })

  it('refuses non-ASCII or control characters in the headers the API reads, and ignores the others', () => {
    const headers: Record<string, string> = {
      'idempotency-key': 'khóa',
      'x-lookup-pin': '1234\u00015678',
      authorization: 'Bearer abc',
      'user-agent': 'Trình duyệt',
    }
    const issues = headerIssues((name) => headers[name])
    expect(codes(issues)).toEqual([
      ['header.invalidCharacter', '/headers/idempotency-key'],
      ['header.invalidCharacter', '/headers/x-lookup-pin'],
    ])
    expect(issues[1]!.message.vi).toMatch(/PIN/)
  })
})

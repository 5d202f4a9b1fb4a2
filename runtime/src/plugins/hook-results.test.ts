import { describe, expect, it } from 'vitest'
import {
  checkFees,
  checkLookupAnswer,
  checkMessages,
  checkRouteResponse,
  checkVerdict,
  jsonProblem,
} from './hook-results'

describe('what a plugin returns, checked before the runtime uses it', () => {
  it('takes only plain JSON that PostgreSQL can store as a payload', () => {
    const cycle: Record<string, unknown> = { a: 1 }
    cycle.self = cycle
    let deep: unknown = 'đáy'
    for (let i = 0; i < 70; i++) deep = [deep]
    expect(jsonProblem({ ten: 'Nguyễn Văn A', so: [1, 2.5, null, true] })).toBeUndefined()
    expect(jsonProblem({ n: 10n })).toBe('has a bigint at /n')
    expect(jsonProblem(cycle)).toBe('refers to itself at /self')
    expect(jsonProblem(deep)).toMatch(/^is nested more than 64 deep at \/0\/0/)
    expect(jsonProblem({ at: new Date(0) })).toBe('has Date at /at, not plain JSON')
    expect(jsonProblem({ ten: 'a\u0000b' })).toBe('has a NUL character or a lone surrogate at /ten')
    expect(jsonProblem({ x: '\uD800' })).toBe('has a NUL character or a lone surrogate at /x')
    expect(jsonProblem({ x: Number.NaN })).toBe('has a number that is not finite at /x')
    expect(jsonProblem({ x: 'a'.repeat(300_000) })).toMatch(/^is 300008 bytes of JSON, more than 262144$/)
  })

  it('takes messages as an array of { topic, payload }, or nothing', () => {
    expect(checkMessages(undefined)).toEqual({ ok: true, value: [] })
    expect(checkMessages([{ topic: 't', payload: { a: 1 } }, { topic: 'u' }])).toEqual({
      ok: true,
      value: [
        { topic: 't', payload: { a: 1 } },
        { topic: 'u', payload: null },
      ],
    })
    expect(checkMessages({ topic: 't' })).toEqual({
      ok: false,
      problem: 'returned an object, not an array of messages',
    })
    expect(checkMessages(['t'])).toMatchObject({
      ok: false,
      problem: 'returned string as message 0, not { topic, payload }',
    })
    expect(checkMessages([{ topic: '', payload: 1 }])).toMatchObject({ ok: false })
    expect(checkMessages([{ topic: 'hook.onSubmit', payload: 1 }])).toMatchObject({ ok: false })
    expect(checkMessages([{ topic: 't', payload: { n: 1n } }])).toEqual({
      ok: false,
      problem: 'returned message 0 whose payload has a bigint at /n',
    })
  })

  it('takes fees as whole, non-negative amounts of đồng', () => {
    const line = { key: 'le_phi', name: 'Lệ phí', amount: 50_000 }
    expect(checkFees([{ ...line, extra: 1 }])).toEqual({ ok: true, value: [line] })
    expect(checkFees(undefined)).toEqual({ ok: true, value: undefined })
    for (const amount of [-1, 1.5, 2 ** 60, '50000', 1n])
      expect(checkFees([{ ...line, amount }])).toMatchObject({ ok: false })
    expect(checkFees({})).toMatchObject({ ok: false })
  })

  it('takes a refusal only with both its Vietnamese and English message', () => {
    expect(checkVerdict(undefined)).toEqual({ ok: true, value: undefined })
    expect(checkVerdict({ refuse: { vi: 'Chưa nộp phí', en: 'Unpaid' } })).toEqual({
      ok: true,
      value: { refuse: { vi: 'Chưa nộp phí', en: 'Unpaid' } },
    })
    expect(checkVerdict({ refuse: 'Chưa nộp phí' })).toMatchObject({ ok: false })
    expect(checkVerdict(false)).toMatchObject({ ok: false })
  })

  it('takes a route’s answer with a real status, string headers and JSON or HTML', () => {
    expect(checkRouteResponse({ status: 200, json: { ok: true }, headers: { 'cache-control': 'no-store' } })).toEqual({
      ok: true,
      value: { status: 200, json: { ok: true }, headers: { 'cache-control': 'no-store' } },
    })
    expect(checkRouteResponse({ status: 201, html: '<p>Đã nhận</p>' })).toMatchObject({ ok: true })
    for (const bad of [
      { status: 99 },
      { status: 200.5 },
      { status: 200, headers: { 'x-a': 1 } },
      { status: 200, headers: { 'x-a': 'a\r\nset-cookie: x' } },
      { status: 200, headers: { 'set-cookie': 'phien=1' } },
      { status: 200, json: { n: 1n } },
      { status: 200, html: 1 },
      'ok',
    ])
      expect(checkRouteResponse(bad)).toMatchObject({ ok: false })
  })
})

describe('checkLookupAnswer', () => {
  const returns = ['ho_ten', 'ngay_sinh', 'nam_sinh', 'da_mat']
  it('takes undefined or null as nobody found, and an object of declared fields with plain values', () => {
    expect(checkLookupAnswer(undefined, returns)).toEqual({ ok: true, value: undefined })
    expect(checkLookupAnswer(null, returns)).toEqual({ ok: true, value: undefined })
    const person = { ho_ten: 'Lê Thị Hoa', ngay_sinh: null, nam_sinh: 1990, da_mat: false }
    expect(checkLookupAnswer(person, returns)).toEqual({ ok: true, value: person })
  })
  it.each([
    ['an array, not undefined or an object', ['ho_ten']],
    ['string, not', 'Lê Thị Hoa'],
    ['a field "hoTen" it does not declare', { hoTen: 'Lê Thị Hoa' }],
    ['ho_ten as an object', { ho_ten: { ten: 'Hoa' } }],
    ['nam_sinh as number', { nam_sinh: Number.NaN }],
    ['ho_ten as string', { ho_ten: 'x'.repeat(1001) }],
    ['not undefined or an object', new Date(0)],
  ])('refuses what it says “returned … %s”', (problem, value) => {
    const checked = checkLookupAnswer(value, returns)
    expect(checked.ok).toBe(false)
    expect(!checked.ok && checked.problem).toContain(problem)
  })
})

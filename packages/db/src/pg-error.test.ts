import { describe, expect, it } from 'vitest'
import { connectionErrorCode, isConnectionError, pgError } from './pg-error'

const wrapped = (cause: unknown) => Object.assign(new Error('Failed query: insert into … params: …'), { cause })
const coded = (code: string) => Object.assign(new Error('x'), { code })

describe('isConnectionError', () => {
  it.each([
    'CONNECTION_CLOSED',
    'CONNECTION_ENDED',
    'CONNECTION_DESTROYED',
    'CONNECT_TIMEOUT',
    'ECONNREFUSED',
    'ECONNRESET',
    'EPIPE',
    '08006',
    '08001',
    '57P01',
    '57P02',
    '57P03',
    '53300',
  ])('knows %s, bare or wrapped by drizzle', (code) => {
    expect(isConnectionError(coded(code))).toBe(true)
    expect(isConnectionError(wrapped(coded(code)))).toBe(true)
    expect(connectionErrorCode(wrapped(coded(code)))).toBe(code)
  })

  it("finds a refused connection inside Node's AggregateError of every address tried", () => {
    const refused = new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')], 'connect failed')
    expect(isConnectionError(wrapped(refused))).toBe(true)
    expect(connectionErrorCode(wrapped(refused))).toBe('ECONNREFUSED')
  })

  it.each([
    ['23505', 'unique_violation'],
    ['40001', 'serialization_failure'],
    ['22P02', 'invalid_text_representation'],
    ['57014', 'query_canceled'],
    ['42P01', 'undefined_table'],
  ])('leaves a query the database refused (%s %s) alone', (code) => {
    expect(isConnectionError(wrapped(coded(code)))).toBe(false)
  })

  it('is false for things that are not errors of the database', () => {
    for (const e of [undefined, null, 'ECONNREFUSED', new Error('ECONNREFUSED'), { code: 42 }])
      expect(isConnectionError(e)).toBe(false)
  })

  it('stops on a cause that points back at itself', () => {
    const a: { code: string; cause?: unknown } = { code: 'XX000' }
    a.cause = a
    expect(isConnectionError(a)).toBe(false)
  })
})

describe('pgError', () => {
  it('finds the SQLSTATE and constraint behind a wrapped error', () => {
    expect(pgError(wrapped({ code: '23505', constraint_name: 'dossiers_pkey' }))).toEqual({
      code: '23505',
      constraint: 'dossiers_pkey',
    })
  })
})

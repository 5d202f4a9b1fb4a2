import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { NOT_READY_RETRY_AFTER } from '../routes/health'
import { onError } from './errors'

const failingWith = (error: unknown) =>
  new Hono()
    .get('/', () => {
      throw error
    })
    .onError(onError)

describe('onError', () => {
  it('answers a lost database 503 with Retry-After and a message that says the request may not be recorded', async () => {
    const lost = Object.assign(new Error('Failed query: insert … params: Nguyễn Văn A'), {
      cause: Object.assign(new Error('write CONNECTION_CLOSED 127.0.0.1:5432'), { code: 'CONNECTION_CLOSED' }),
    })
    const res = await failingWith(lost).request('/')
    expect(res.status).toBe(503)
    expect(res.headers.get('retry-after')).toBe(String(NOT_READY_RETRY_AFTER))
    const body = (await res.json()) as { error: { code: string; message: { vi: string; en: string } } }
    expect(body.error.code).toBe('UNAVAILABLE')
    expect(body.error.message.vi).toContain('chưa được ghi nhận')
    expect(JSON.stringify(body)).not.toContain('Nguyễn')
  })

  it('answers a server shutting down (57P01) 503 as well', async () => {
    const res = await failingWith(Object.assign(new Error('terminating connection'), { code: '57P01' })).request('/')
    expect(res.status).toBe(503)
  })

  it('keeps any other unexpected error a 500 without Retry-After', async () => {
    const res = await failingWith(Object.assign(new Error('boom'), { code: '42P01' })).request('/')
    expect(res.status).toBe(500)
    expect(res.headers.get('retry-after')).toBeNull()
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('INTERNAL')
  })
})

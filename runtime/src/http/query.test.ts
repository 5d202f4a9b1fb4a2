import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { onError } from './errors'
import { queryParams } from './query'

const queue = queryParams<{ status?: number; due?: 'soon' | 'overdue'; limit: number }>({
  type: 'object',
  properties: {
    status: { type: 'integer', minimum: 1, maximum: 10 },
    due: { enum: ['soon', 'overdue'] },
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
  },
})
const app = new Hono().get('/q', (c) => c.json(queue.read(c))).onError(onError)

describe('query parameters', () => {
  it('coerces known parameters to their types, applies defaults and ignores unknown ones', async () => {
    const res = await app.request('/q?status=4&due=soon&_=17000')
    expect(await res.json()).toEqual({ status: 4, due: 'soon', limit: 50 })
  })

  it('treats an empty value as absent', async () => {
    expect(await (await app.request('/q?status=&limit=')).json()).toEqual({ limit: 50 })
  })

  it.each(['status=abc', 'status=1e400', 'status=0', 'status=4.5', 'due=later', 'limit=100000'])(
    'refuses %s with a 400 naming the parameter',
    async (query) => {
      const res = await app.request(`/q?${query}`)
      expect(res.status).toBe(400)
      const body = (await res.json()) as { error: { code: string; issues: { path: string }[] } }
      expect(body.error.code).toBe('INVALID_DATA')
      expect(body.error.issues[0]!.path).toBe(`/query/${query.split('=')[0]}`)
    },
  )
})

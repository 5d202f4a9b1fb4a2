import { sql } from 'drizzle-orm'
import { Hono } from 'hono'
import type { AppEnv } from '../app'
import type { Operation } from '../http/openapi'

export const health = new Hono<AppEnv>().get('/healthz', async (c) => {
  const { database } = c.var
  await database.db.execute(sql`select 1`)
  return c.json({ status: 'ok', database: database.driver, version: process.env.npm_package_version ?? '0.1.0' })
})

export const healthDocs: Operation[] = [
  {
    method: 'get',
    path: '/healthz',
    tag: 'system',
    summary: 'Liveness and which database is in use',
    access: 'public',
    responses: { 200: 'ok' },
  },
]

/**
 * The ceiling of the mixed benchmark (test/bench/mix.ts): a hono + @hono/node-server process that answers every
 * request at once with a small JSON, no database, so nginx in front of it shows what nginx and Node's HTTP alone
 * allow on this machine. Prints `bare: open http://127.0.0.1:<port>` once it serves.
 */
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'

const answer = { ok: true, name: 'Cấp bản sao Trích lục hộ tịch', items: [1, 2, 3] }
const app = new Hono().all('*', (c) => c.json(answer))
const server = serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: '127.0.0.1' }, (info) =>
  console.log(`bare: open http://127.0.0.1:${(info as AddressInfo).port}`),
)
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => server.close(() => process.exit(0)))

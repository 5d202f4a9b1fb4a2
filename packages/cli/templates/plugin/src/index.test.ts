import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { startTestRuntime, type TestRuntime } from '@motcua/plugin-test-kit'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { TOPIC } from './index'

// The receiving end: records what it is sent.
const received: unknown[] = []
const server = createServer((req, res) => {
  let body = ''
  req.on('data', (chunk) => (body += chunk))
  req.on('end', () => {
    received.push({ authorization: req.headers.authorization, body: JSON.parse(body) })
    res.writeHead(200).end()
  })
})

let rt: TestRuntime
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  rt = await startTestRuntime({
    plugins: [new URL('./index.ts', import.meta.url).href],
    procedures: ['dang-ky-khai-sinh'],
    at: '2026-12-01T08:00:00+07:00',
  })
})
afterAll(async () => {
  await rt?.close()
  server.close()
})

it('posts the new status when an officer receives a dossier of the commune it is enabled for', async () => {
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/status`
  await rt.enable('{{name}}', { unit: '06649', config: { url, token: 'bi-mat' } })
  const { receiptCode } = await rt.submit({ procedure: 'dang-ky-khai-sinh', unit: '06649' })
  await rt.act(receiptCode, 'tiep_nhan')
  await rt.runOutbox()
  expect(received).toEqual([
    { authorization: 'Bearer bi-mat', body: { receiptCode, status: 2, statusName: expect.any(String) } },
  ])
  expect(await rt.outbox({ plugin: '{{name}}', topic: TOPIC })).toMatchObject([{ receiptCode, state: 'delivered' }])
})

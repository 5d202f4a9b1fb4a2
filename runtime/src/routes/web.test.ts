import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import type { AppEnv } from '../app'
import { webRoutes } from './web'

function builtApp(parent: string, name: string) {
  const root = join(parent, name)
  mkdirSync(join(root, 'assets'), { recursive: true })
  writeFileSync(
    join(root, 'index.html'),
    `<!doctype html><html lang="vi"><body><div id="root" data-app="${name}"></div>${' '.repeat(600)}</body></html>`,
  )
  writeFileSync(join(root, 'assets', `${name}-abc123.js`), `console.log(${JSON.stringify('x'.repeat(2000))})`)
  return root
}

function builtPortal() {
  const parent = mkdtempSync(join(tmpdir(), 'motcua-web-'))
  const root = builtApp(parent, 'web')
  const studio = builtApp(parent, 'studio')
  const desk = builtApp(parent, 'desk')
  writeFileSync(join(root, 'robots.txt'), 'User-agent: *\n')
  writeFileSync(join(root, '..', 'secret.txt'), 'outside')
  const app = new Hono<AppEnv>()
  app.get('/api/procedures', (c) => c.json([]))
  app.route('/', webRoutes(studio, '/studio', { unsafeEval: true }))
  app.route('/', webRoutes(desk, '/desk', { unsafeEval: true }))
  app.route('/', webRoutes(root))
  app.notFound((c) => c.json({ error: { code: 'NOT_FOUND' } }, 404))
  return app
}

describe('serving the portal', () => {
  const app = builtPortal()

  it('serves index.html for client routes, never cached, with a CSP', async () => {
    for (const path of [
      '/',
      '/index.html',
      '/thu-tuc/1.001193',
      '/tra-cuu/000.00.21.H49-261128-0001',
      '/ho-so-cua-toi',
    ]) {
      const response = await app.request(path)
      expect(response.status, path).toBe(200)
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(response.headers.get('cache-control')).toBe('no-cache')
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'")
      expect(await response.text()).toContain('data-app="web"')
    }
  })

  it('lets the portal run only the scripts it loads: no eval, the forms import precompiled validators', async () => {
    const csp = (await app.request('/thu-tuc/1.001193')).headers.get('content-security-policy')!
    expect(csp).toContain("script-src 'self';")
    expect(csp).not.toContain('unsafe-eval')
    // the staff's apps still compile schemas in the page
    expect((await app.request('/studio')).headers.get('content-security-policy')).toContain("'unsafe-eval'")
    expect((await app.request('/desk')).headers.get('content-security-policy')).toContain("'unsafe-eval'")
  })

  it('caches hashed assets for a year, gzips them, and answers 304 to a known ETag', async () => {
    const response = await app.request('/assets/web-abc123.js', { headers: { 'accept-encoding': 'gzip, br' } })
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(response.headers.get('content-encoding')).toBe('gzip')
    expect(gunzipSync(Buffer.from(await response.arrayBuffer())).toString()).toContain('console.log')
    const again = await app.request('/assets/web-abc123.js', {
      headers: { 'if-none-match': response.headers.get('etag')! },
    })
    expect(again.status).toBe(304)
    expect((await app.request('/robots.txt')).headers.get('cache-control')).toBe('public, max-age=3600')
  })

  it('leaves the API and missing assets alone, and never leaves its folder', async () => {
    expect(await (await app.request('/api/procedures')).json()).toEqual([])
    const unknownApi = await app.request('/api/nope')
    expect(unknownApi.status).toBe(404)
    expect(await unknownApi.json()).toEqual({ error: { code: 'NOT_FOUND' } })
    expect((await app.request('/healthz')).status).toBe(404)
    expect((await app.request('/assets/gone-123.js')).status).toBe(404)
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const response = await app.request(path)
      expect(await response.text(), path).not.toContain('outside')
    }
  })

  it('serves the studio at /studio beside the portal, each with its own files', async () => {
    for (const path of ['/studio', '/studio/', '/studio/nhap/1234', '/studio/don-vi/06649']) {
      const response = await app.request(path)
      expect(response.status, path).toBe(200)
      expect(response.headers.get('content-security-policy'), path).toContain("default-src 'self'")
      expect(await response.text(), path).toContain('data-app="studio"')
    }
    expect(await (await app.request('/studios')).text()).toContain('data-app="web"')
    expect((await app.request('/studio/assets/studio-abc123.js')).status).toBe(200)
    expect((await app.request('/studio/assets/web-abc123.js')).status).toBe(404)
    expect((await app.request('/studio/api/procedures')).status).toBe(404)
  })

  it('serves the officers’ desk at /desk with its own files', async () => {
    for (const path of ['/desk', '/desk/ho-so/000.00.12.H49-250225-0001', '/desk/tiep-nhan'])
      expect(await (await app.request(path)).text(), path).toContain('data-app="desk"')
    expect((await app.request('/desk/assets/desk-abc123.js')).status).toBe(200)
    expect((await app.request('/desk/assets/studio-abc123.js')).status).toBe(404)
    expect(await (await app.request('/desktop')).text()).toContain('data-app="web"')
  })

  it('says how to build the portal when it is missing', async () => {
    const app = new Hono<AppEnv>().route('/', webRoutes(join(tmpdir(), 'motcua-no-such-web')))
    const response = await app.request('/thu-tuc/1.001193')
    expect(response.status).toBe(404)
    expect(await response.text()).toMatch(/npm run build/)
  })
})

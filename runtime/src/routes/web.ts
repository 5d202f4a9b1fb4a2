import { createHash } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { extname, join, normalize, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { type Context, Hono } from 'hono'
import type { AppEnv } from '../app'

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
}
const compressible = new Set(['.html', '.js', '.css', '.svg', '.json', '.txt', '.webmanifest'])

// The page may load only its own scripts and styles, and talk only to this origin. The portal runs no code it did not
// load: its forms import validators the server precompiled (`/api/procedures/:code/versions/:v/validator.js`).
const csp = (scriptSrc: string) =>
  `default-src 'self'; script-src ${scriptSrc}; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'`
const STRICT_CSP = csp("'self'")
// The studio and the desk still compile JSON Schemas in the page with ajv (a definition being edited, an action's
// inputs, a result's data), which needs 'unsafe-eval'; they are for signed-in staff only.
const EVAL_CSP = csp("'self' 'unsafe-eval'")

interface Asset {
  body: Uint8Array
  gzip?: Uint8Array
  type: string
  etag: string
}

/** The built portal next to the server bundle (`runtime/dist/web`). */
export function defaultWebRoot(): string {
  return fileURLToPath(new URL('./web', import.meta.url))
}

/** The built studio next to the server bundle (`runtime/dist/studio`, built from `studio/`). */
export function defaultStudioRoot(): string {
  return fileURLToPath(new URL('./studio', import.meta.url))
}

/** The built officers' desk next to the server bundle (`runtime/dist/desk`, built from `runtime/desk`). */
export function defaultDeskRoot(): string {
  return fileURLToPath(new URL('./desk', import.meta.url))
}

const isApi = (path: string) => path === '/api' || path.startsWith('/api/') || path === '/healthz' || path === '/readyz'

/**
 * Serves a web app (a Vite build) at `base`: its files, long-cached when their names are content-hashed
 * (`/assets/*`), and `index.html` for every other GET that is not the API, so client routes such as
 * `/thu-tuc/1.001193` load the app. Files are read and gzipped once, then kept in memory.
 * @example app.route('/', webRoutes()) // the citizen portal at `/`
 * @example app.route('/', webRoutes(defaultStudioRoot(), '/studio', { unsafeEval: true })) // the studio, before the portal
 */
export function webRoutes(root: string = defaultWebRoot(), base = '', options: { unsafeEval?: boolean } = {}) {
  const policy = options.unsafeEval ? EVAL_CSP : STRICT_CSP
  const cache = new Map<string, Asset>()
  const load = (relative: string): Asset | null => {
    const cached = cache.get(relative)
    if (cached) return cached
    const file = normalize(join(root, relative))
    let asset: Asset | null = null
    if (
      (file === root || file.startsWith(root.endsWith(sep) ? root : root + sep)) &&
      existsSync(file) &&
      statSync(file).isFile()
    ) {
      const body = new Uint8Array(readFileSync(file))
      const ext = extname(file).toLowerCase()
      asset = {
        body,
        type: types[ext] ?? 'application/octet-stream',
        etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
        ...(compressible.has(ext) && body.byteLength > 512
          ? { gzip: new Uint8Array(gzipSync(body, { level: 9 })) }
          : {}),
      }
    }
    // Only files are remembered: a miss (any URL a client makes up) costs a stat, never memory.
    if (asset) cache.set(relative, asset)
    return asset
  }
  const send = (c: Context<AppEnv>, asset: Asset, cacheControl: string, extra: Record<string, string> = {}) => {
    const headers: Record<string, string> = {
      'content-type': asset.type,
      'cache-control': cacheControl,
      etag: asset.etag,
      vary: 'accept-encoding',
      'x-content-type-options': 'nosniff',
      ...extra,
    }
    if (c.req.header('if-none-match') === asset.etag) return c.body(null, 304, headers)
    const gzip = asset.gzip && /\bgzip\b/.test(c.req.header('accept-encoding') ?? '')
    if (gzip) headers['content-encoding'] = 'gzip'
    const body = gzip ? asset.gzip! : asset.body
    return c.body(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer, 200, headers)
  }
  const serve = (c: Context<AppEnv>) => {
    const path = c.req.path.slice(base.length) || '/'
    if (isApi(path)) return c.notFound()
    let relative: string
    try {
      relative = decodeURIComponent(path)
    } catch {
      return c.notFound()
    }
    if (relative.includes('\0')) return c.notFound()
    const file = relative.endsWith('/') || relative === '/index.html' ? null : load(relative)
    if (file)
      return send(
        c,
        file,
        relative.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
      )
    // A missing hashed asset is a 404, not the app: a stale page must not get HTML as its script.
    if (relative.startsWith('/assets/')) return c.notFound()
    const index = load('/index.html')
    if (!index) {
      return c.text(`The web app at ${base || '/'} is not built: run \`npm run build -w @motcua/runtime\`.`, 404, {
        'cache-control': 'no-store',
      })
    }
    return send(c, index, 'no-cache', {
      'content-security-policy': policy,
      'referrer-policy': 'same-origin',
      'x-frame-options': 'DENY',
    })
  }
  return base ? new Hono<AppEnv>().get(base, serve).get(`${base}/*`, serve) : new Hono<AppEnv>().get('*', serve)
}

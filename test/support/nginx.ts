import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { repoRoot } from './runtime-process'

/** Debian's nginx (`apt-get install -y nginx`); CI installs it, elsewhere the tests that need it say so and skip. */
export const NGINX = '/usr/sbin/nginx'
export const hasNginx = existsSync(NGINX)
if (!hasNginx)
  console.warn(`\n!!! ${NGINX} is missing: the tests through nginx are SKIPPED (apt-get install -y nginx)\n`)

export interface RunningNginx {
  /** `http://127.0.0.1:<port>` */
  url: string
  /** The master process (its workers are its children). */
  pid: number
  /** Points the upstream at other processes (`host:port` each) and reloads nginx gracefully. */
  reload(upstreams: string[]): void
  /** nginx's error log so far (upstream failures and retries are logged there). */
  errorLog(): string
  stop(): Promise<void>
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/** deploy/nginx/motcua.conf with only its `# test:` lines replaced: the listening port and the upstream servers. */
export function siteConfig(port: number, upstreams: string[]): string {
  const lines = readFileSync(join(repoRoot, 'deploy', 'nginx', 'motcua.conf'), 'utf8').split('\n')
  const out: string[] = []
  let upstreamsWritten = false
  for (const line of lines) {
    const marker = /#\s*test:\s*(\w+)/.exec(line)?.[1]
    if (marker === 'listen') out.push(`    listen 127.0.0.1:${port};`)
    else if (marker === 'upstreams') {
      if (!upstreamsWritten)
        out.push(...upstreams.map((u) => line.replace(/server \S+/, `server ${u}`).replace(/\s*# test:.*$/, '')))
      upstreamsWritten = true
    } else out.push(line)
  }
  return out.join('\n')
}

/**
 * Runs Debian's nginx in the foreground from a scratch folder, serving the repository's site configuration on a
 * free port in front of `upstreams` (`127.0.0.1:port` each).
 * @example const nginx = await startNginx(['127.0.0.1:4001', '127.0.0.1:4002'])
 */
export async function startNginx(upstreams: string[]): Promise<RunningNginx> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-nginx-'))
  for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, sub))
  const port = await freePort()
  const site = join(dir, 'motcua.conf')
  const main = join(dir, 'nginx.conf')
  writeFileSync(site, siteConfig(port, upstreams))
  writeFileSync(
    main,
    [
      'daemon off;',
      process.getuid?.() === 0 ? 'user root;' : '',
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      'worker_processes 1;',
      'events { worker_connections 4096; }',
      'http {',
      `  access_log ${dir}/access.log;`,
      ...['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
        (sub) => `  ${sub === 'body' ? 'client_body' : sub}_temp_path ${dir}/${sub};`,
      ),
      `  include ${site};`,
      '}',
    ].join('\n'),
  )
  execFileSync(NGINX, ['-t', '-p', dir, '-c', main], { stdio: 'pipe' })
  const child: ChildProcess = spawn(NGINX, ['-p', dir, '-c', main], { stdio: 'ignore' })
  const url = `http://127.0.0.1:${port}`
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${readFileSync(join(dir, 'error.log'), 'utf8')}`)
    const up = await fetch(`${url}/__nginx_probe`).then(
      () => true,
      () => false,
    )
    if (up) break
    if (i > 100) throw new Error('nginx did not start')
    await new Promise((r) => setTimeout(r, 50))
  }
  return {
    url,
    pid: child.pid!,
    reload(next) {
      writeFileSync(site, siteConfig(port, next))
      execFileSync(NGINX, ['-p', dir, '-c', main, '-s', 'reload'], { stdio: 'pipe' })
    },
    errorLog: () => readFileSync(join(dir, 'error.log'), 'utf8'),
    stop: () =>
      new Promise((resolve) => {
        const done = () => {
          rmSync(dir, { recursive: true, force: true })
          resolve()
        }
        if (child.exitCode !== null) return done()
        child.on('exit', done)
        child.kill('SIGQUIT')
      }),
  }
}

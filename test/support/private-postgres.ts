import { execFile, spawnSync } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from './nginx'

/** Debian's PostgreSQL server binaries (`apt-get install -y postgresql`), the newest version installed. */
const binDir = (() => {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return undefined
  const version = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a))[0]
  return version ? join(root, version, 'bin') : undefined
})()

/** The server runs as the `postgres` OS user: PostgreSQL refuses to run as root, and the tests run as root in CI. */
const osUser = (() => {
  if (process.getuid?.() !== 0) return { ok: true, uid: undefined, gid: undefined }
  const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' })
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' })
  return id.status === 0
    ? { ok: true, uid: Number(id.stdout.trim()), gid: Number(gid.stdout.trim()) }
    : { ok: false, uid: undefined, gid: undefined }
})()

/** Whether a private PostgreSQL cluster can be made here (the server binaries and, as root, a `postgres` user). */
export const hasPrivatePostgres = Boolean(binDir) && osUser.ok
if (!hasPrivatePostgres)
  console.warn(
    '\n!!! PostgreSQL server binaries (/usr/lib/postgresql/<version>/bin) or the postgres OS user are missing: ' +
      'the tests that stop and start a PostgreSQL server are SKIPPED (apt-get install -y postgresql)\n',
  )

export interface PrivatePostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  url: string
  port: number
  /** Fast shutdown (`pg_ctl -m fast`): open sessions are terminated; resolves when the server is down. */
  stop(): Promise<void>
  /** Starts the stopped server on the same port and data; resolves when it accepts connections. */
  start(): Promise<void>
  /** `stop()` then `start()`, with `downMs` between them. */
  restart(downMs?: number): Promise<void>
  /** Immediate shutdown (`pg_ctl -m immediate`): like a crash; the next start runs crash recovery. */
  kill(): Promise<void>
  /** Stops the server if it runs and removes its data folder. */
  cleanup(): void
}

/**
 * A PostgreSQL cluster of its own, in a temporary folder on a free port, with trust authentication: for tests
 * that stop and start the server. Never restart the shared server that other test files use at the same time.
 * @example const pg = await startPrivatePostgres(); pg.stop(); pg.start(); pg.cleanup()
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  if (!binDir || !osUser.ok) throw new Error('no PostgreSQL server binaries here: check hasPrivatePostgres first')
  const dir = mkdtempSync(join(tmpdir(), 'motcua-pg-'))
  const data = join(dir, 'data')
  if (osUser.uid !== undefined) chownSync(dir, osUser.uid, osUser.gid!)
  chmodSync(dir, 0o700)
  const port = await freePort()
  const command = (program: string, args: string[]): [string, string[]] =>
    osUser.uid !== undefined
      ? ['runuser', ['-u', 'postgres', '--', join(binDir, program), ...args]]
      : [join(binDir, program), args]
  // asynchronous: the test's own clients and timers keep running while the server stops and starts
  const run = (program: string, args: string[]) =>
    new Promise<void>((resolve, reject) =>
      execFile(...command(program, args), { encoding: 'utf8' }, (error, stdout, stderr) =>
        error ? reject(new Error(`${program} failed: ${stderr}${stdout}`)) : resolve(),
      ),
    )
  await run('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '--encoding=UTF8',
    '--locale=C.UTF-8',
    '--no-sync',
  ])
  const options = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    `-c unix_socket_directories=${dir}`,
    '-c fsync=off',
    '-c max_connections=100',
  ].join(' ')
  let running = false
  const pgCtl = (...args: string[]) => run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), ...args])
  const start = async () => {
    await pgCtl('start', '-w', '-t', '30', '-o', options)
    running = true
  }
  const stopWith = async (mode: 'fast' | 'immediate') => {
    await pgCtl('stop', '-w', '-t', '30', '-m', mode)
    running = false
  }
  await start()
  // a test process that dies before its afterAll must not leave a server running
  const onExit = () => cleanup()
  process.once('exit', onExit)
  function cleanup() {
    process.removeListener('exit', onExit)
    if (running) {
      const [program, args] = command('pg_ctl', ['-D', data, 'stop', '-m', 'immediate'])
      spawnSync(program, args)
      running = false
    }
    rmSync(dir, { recursive: true, force: true })
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop: () => stopWith('fast'),
    kill: () => stopWith('immediate'),
    async restart(downMs = 1000) {
      await stopWith('fast')
      await new Promise((resolve) => setTimeout(resolve, downMs))
      await start()
    },
    cleanup,
  }
}

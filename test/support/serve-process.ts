import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { freePort } from './nginx'
import { repoRoot } from './runtime-process'

export interface ServeProcess {
  child: ChildProcess
  /** The first process's port; the others follow it. */
  port: number
  urls: string[]
  output: () => string
  /** Resolves once the output holds `text` (again: counting from `after` characters on). */
  waitFor(text: string, after?: number): Promise<void>
  /** The pid of worker `index`'s current process, from the supervisor's log. */
  workerPid(index: number): number
}

const portFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })

/** The JSON lines of a log. */
export const logLines = (output: string): Record<string, unknown>[] =>
  output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>]
      } catch {
        return []
      }
    })

/** `workers` free consecutive ports on 127.0.0.1, the first returned. */
async function freePorts(workers: number): Promise<number> {
  for (;;) {
    const first = await freePort()
    if (first + workers > 65535) continue
    let all = true
    for (let i = 1; i < workers && all; i++) all = await portFree(first + i)
    if (all) return first
  }
}

/** `npm run serve -- --workers N` on free ports, resolved once every process answers `/readyz` 200. */
export async function startServe(workers: number, env: NodeJS.ProcessEnv): Promise<ServeProcess> {
  const port = await freePorts(workers)
  const child = spawn(process.execPath, ['runtime/dist/serve.js', '--workers', String(workers)], {
    cwd: repoRoot,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const listeners = new Set<() => void>()
  const onData = (chunk: Buffer) => {
    output += chunk
    for (const listener of listeners) listener()
  }
  child.stdout!.on('data', onData)
  child.stderr!.on('data', onData)
  const waitFor = (text: string, after = 0) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (output.indexOf(text, after) >= 0) {
          listeners.delete(check)
          child.off('exit', exited)
          resolve()
        }
      }
      const exited = () => reject(new Error(`serve exited waiting for ${text}:\n${output}`))
      child.once('exit', exited)
      listeners.add(check)
      check()
    })
  await waitFor('"msg":"all workers ready"')
  return {
    child,
    port,
    urls: Array.from({ length: workers }, (_, i) => `http://127.0.0.1:${port + i}`),
    output: () => output,
    waitFor,
    workerPid(index) {
      const last = logLines(output)
        .filter((line) => line.msg === 'worker started' && line.worker === index)
        .at(-1)
      if (!last) throw new Error(`worker ${index} never started`)
      return last.workerPid as number
    },
  }
}

/** SIGTERM to the supervisor (it stops every process), then its exit code. */
export function stopServe({ child }: ServeProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode)
    child.once('exit', (code) => resolve(code))
    child.kill('SIGTERM')
  })
}

import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { join } from 'node:path'

export const repoRoot = join(import.meta.dirname, '..', '..')

export interface RuntimeProcess {
  child: ChildProcess
  url: string
  output: () => string
}

/** Builds the server, the citizen portal and the studio it serves, as `npm start` does (runtime's `build` script). */
export function buildRuntime(): void {
  const cwd = join(repoRoot, 'runtime')
  // vitest sets NODE_ENV=test, which would make Vite bundle React's development build: build what `npm start` serves
  const env = { ...process.env, NODE_ENV: 'production' }
  execFileSync('npm', ['run', 'build', '-w', 'plugins', '--if-present'], { cwd: repoRoot, env, stdio: 'ignore' })
  execFileSync('npx', ['tsup'], { cwd, env, stdio: 'ignore' })
  for (const app of ['web', 'desk', '../studio'])
    execFileSync('npx', ['vite', 'build', app, '--logLevel', 'error'], {
      cwd,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    })
}

/**
 * Starts the built runtime as a real process on a free port and resolves once it serves; `nodeArgs` go before the
 * script (e.g. `--cpu-prof`); `watch` sees the output as it grows until then.
 */
export function startRuntimeProcess(
  env: NodeJS.ProcessEnv,
  nodeArgs: string[] = [],
  watch?: (output: string) => void,
): Promise<RuntimeProcess> {
  const child = spawn(process.execPath, [...nodeArgs, 'runtime/dist/main.js'], {
    cwd: repoRoot,
    env: { ...env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  let started = false
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk
      // once started, no more searching: the access log grows by a line a request (a benchmark's process read it all)
      if (started) return
      watch?.(output)
      const url = /motcua: open (http:\S+)/.exec(output)?.[1]
      started = url !== undefined
      if (url) resolve({ child, url, output: () => output })
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', (code) => reject(new Error(`runtime exited with ${code}:\n${output}`)))
  })
}

/** SIGTERM, then the exit code. */
export function stopRuntimeProcess({ child }: RuntimeProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit')
    if (child.exitCode !== null) return resolve(child.exitCode)
    child.on('exit', (code) => resolve(code))
    child.kill('SIGTERM')
  })
}

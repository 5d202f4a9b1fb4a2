import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { repoRoot } from '../support/runtime-process'

const run = (args: string[], env: NodeJS.ProcessEnv = process.env) =>
  new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
    })
    child.stderr.on('data', (chunk) => {
      output += chunk
    })
    child.on('exit', (code) => resolve({ code, output }))
  })

// `npm start` = `build-once.mjs runtime npm run build:server`, then serve; here the build is a stand-in that counts
// its runs and takes a second, as a real one empties dist/ first and then fills it
describe('build-once (npm start’s build)', () => {
  let dir: string
  afterEach(() => rmSync(dir, { recursive: true, force: true }))
  const build = (fail = false) => [
    join(repoRoot, 'runtime/scripts/build-once.mjs'),
    dir,
    process.execPath,
    '-e',
    `const fs = require('node:fs'); fs.appendFileSync(${JSON.stringify(join(dir, 'runs'))}, 'run\\n');
     setTimeout(() => process.exit(${fail ? 1 : 0}), 1000)`,
  ]

  it('builds once for two starts at the same moment: the second waits and uses that build', async () => {
    dir = mkdtempSync(join(tmpdir(), 'motcua-build-once-'))
    const [a, b] = await Promise.all([run(build()), run(build())])
    expect([a.code, b.code]).toEqual([0, 0])
    expect(readFileSync(join(dir, 'runs'), 'utf8')).toBe('run\n')
    expect(a.output + b.output).toMatch(/using the build the other start just made/)
    expect(existsSync(join(dir, '.build-lock'))).toBe(false)
  })

  it('builds again when started after the last build, and after a lock its build left when killed', async () => {
    dir = mkdtempSync(join(tmpdir(), 'motcua-build-once-'))
    expect((await run(build())).code).toBe(0)
    mkdirSync(join(dir, '.build-lock'))
    writeFileSync(join(dir, '.build-lock', 'pid'), '2147483646') // no such process
    const again = await run(build())
    expect(again.code).toBe(0)
    expect(again.output).toMatch(/removing the lock of build 2147483646/)
    expect(readFileSync(join(dir, 'runs'), 'utf8')).toBe('run\nrun\n')
  })

  it('fails as the build fails, recording no build and leaving no lock', async () => {
    dir = mkdtempSync(join(tmpdir(), 'motcua-build-once-'))
    expect((await run(build(true))).code).toBe(1)
    expect(existsSync(join(dir, '.last-build'))).toBe(false)
    expect(existsSync(join(dir, '.build-lock'))).toBe(false)
  })
})

describe('npm run serve', () => {
  it.each([
    [['--workers', '0'], {}, /--workers must be a whole number from 1 to 64, not "0"/],
    [['--workers', 'hai'], {}, /--workers must be/],
    [[], { WORKERS: '2', PORT: '0', DATABASE_URL: 'postgres://127.0.0.1/x' }, /PORT must be a whole number from 1/],
  ] as const)('refuses %j %j with a message, starting nothing', async (args, env, message) => {
    const { code, output } = await run(['runtime/dist/serve.js', ...args], { ...process.env, ...env })
    expect(code).toBe(2)
    expect(output).toMatch(message)
    expect(output).not.toMatch(/worker started/)
  })
})

import { execFile } from 'node:child_process'
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { motcua } from '../test-support'

const repo = fileURLToPath(new URL('../../../../', import.meta.url))
const require = createRequire(import.meta.url)
const tsc = require.resolve('typescript/bin/tsc')
const vitest = join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs')

const run = (args: string[], cwd: string) =>
  new Promise<{ code: number; output: string }>((resolve) =>
    execFile(process.execPath, args, { cwd, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }),
    ),
  )

// A copy of the repository's root files in an ignored folder inside it, so the new plugin resolves the workspace's
// packages (node_modules above it) while the real plugins/ and tsconfig.json stay untouched.
describe('motcua new-plugin', () => {
  let root: string
  beforeAll(async () => {
    await mkdir(join(repo, 'test-artifacts'), { recursive: true })
    root = await mkdtemp(join(repo, 'test-artifacts', 'new-plugin-'))
    await mkdir(join(root, 'plugins'))
    await cp(join(repo, 'plugins', 'README.md'), join(root, 'plugins', 'README.md'))
    await cp(join(repo, 'tsconfig.json'), join(root, 'tsconfig.json'))
    await writeFile(
      join(root, 'vitest.config.ts'),
      `import { defineConfig } from 'vitest/config'
const conditions = ['source', 'module', 'node', 'development']
export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['source'] } },
  test: { include: ['plugins/*/src/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 180_000 },
})
`,
    )
  })
  afterAll(() => rm(root, { recursive: true, force: true }))

  it('refuses a name that is not kebab-case, or taken, saying why', async () => {
    expect(await motcua(['new-plugin', 'Thong_Bao', '--root', root, '--no-install'], root)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Tên "Thong_Bao" không hợp lệ: chỉ chữ thường không dấu'),
    })
    await mkdir(join(root, 'plugins', 'da-co'))
    expect(await motcua(['new-plugin', 'da-co', '--root', root, '--no-install', '--lang', 'en'], root)).toMatchObject({
      code: 2,
      stderr: 'motcua new-plugin: plugins/da-co exists: choose another name\n',
    })
  })

  it('creates a plugin that typechecks and whose test passes against a real runtime', async () => {
    const created = await motcua(['new-plugin', 'bao-trang-thai', '--root', root, '--no-install'], root)
    expect(created).toMatchObject({ code: 0, stdout: expect.stringContaining('✓ plugins/bao-trang-thai') })
    const plugin = join(root, 'plugins', 'bao-trang-thai')
    const pkg = JSON.parse(await readFile(join(plugin, 'package.json'), 'utf8'))
    expect(pkg).toMatchObject({
      name: '@motcua/plugin-bao-trang-thai',
      peerDependencies: { '@motcua/plugin-sdk': '^2.0.0' },
    })
    expect(await readFile(join(plugin, 'src', 'config.ts'), 'utf8')).toContain('export interface Config {')
    const references = JSON.parse(await readFile(join(root, 'tsconfig.json'), 'utf8')).references.map(
      (r: { path: string }) => r.path,
    )
    expect(references).toContain('plugins/bao-trang-thai')
    expect(references.indexOf('plugins/bao-trang-thai')).toBeLessThan(references.indexOf('runtime'))
    expect(await readFile(join(root, 'plugins', 'README.md'), 'utf8')).toContain(
      '[`bao-trang-thai`](bao-trang-thai/README.md)',
    )
    // its config.ts is what `config-types --check` expects
    expect(await motcua(['config-types', plugin, '--check'], root)).toMatchObject({ code: 0 })

    const typecheck = await run([tsc, '-b', plugin], repo)
    expect(typecheck.output).toBe('')
    const tested = await run([vitest, 'run', '--root', root], repo)
    expect(tested.output).toMatch(/Tests\s+1 passed/)
    expect(tested.code).toBe(0)
  }, 600_000)
})

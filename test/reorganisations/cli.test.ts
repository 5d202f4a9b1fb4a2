import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createScratchDatabase } from '@motcua/db/testing'
import { afterAll, describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../..')

/** The command line as a real process, from its TypeScript source, in the repository's folder. */
const motcua = (args: string[], env: NodeJS.ProcessEnv) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', 'packages/cli/src/main.ts', ...args],
      { cwd: root, env: { ...env, NO_COLOR: '1' } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    )
  })
const plans = [
  '2020-01-01-hoanh-bo',
  '2024-11-01-dong-trieu',
  '2025-03-01-quang-ninh-so-nganh',
  '2025-07-01-quang-ninh-hai-cap',
]
const files = plans.map((name) => `reorganisations/${name}.json`)

// a fresh installation of each driver: the embedded default's data folder, and a scratch PostgreSQL database
const installations = [
  {
    name: 'pglite',
    async open() {
      const dir = await mkdtemp(join(tmpdir(), 'motcua-reorganise-'))
      const { DATABASE_URL: _, ...env } = process.env
      return { env: { ...env, DATA_DIR: dir }, drop: () => rm(dir, { recursive: true, force: true }) }
    },
  },
  ...(process.env.DATABASE_URL
    ? [
        {
          name: 'postgres',
          async open() {
            const scratch = await createScratchDatabase(process.env.DATABASE_URL!)
            return { env: { ...process.env, DATABASE_URL: scratch.url }, drop: scratch.drop }
          },
        },
      ]
    : []),
]

describe.each(installations)('npx motcua reorganise on a fresh installation ($name)', ({ open }) => {
  const opened = open()
  const run = async (...args: string[]) => motcua(['reorganise', ...args], (await opened).env)
  afterAll(async () => (await opened).drop())

  it('refuses the 2025 plan on the 2019 structure, saying which units it leaves without a change', async () => {
    const { code, stdout } = await run('preview', files[3]!)
    expect(code).toBe(1)
    expect(stdout).toMatch(/✗ \/changes\/\d+: Phường Đông Triều \(07072\) thuộc Thị xã Đông Triều, đơn vị chấm dứt/)
    expect((await run('list')).stdout).not.toMatch(/applied/)
  }, 120_000)

  it('brings it to today’s structure with one command, and skips what it applied before', async () => {
    const first = await run('apply', ...files)
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    expect(first.stdout).toContain('54 đơn vị mới')
    const again = await run('apply', '--lang', 'en', ...files)
    expect(again.code).toBe(0)
    expect(again.stdout.match(/applied before, skipped/g)).toHaveLength(4)
    const list = (await run('list')).stdout
    for (const name of plans) expect(list).toMatch(new RegExp(`${name}\\s+applied`))
  }, 180_000)
})

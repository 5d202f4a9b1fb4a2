import { execFile } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { expect } from 'vitest'

const cliDir = fileURLToPath(new URL('..', import.meta.url))
const main = fileURLToPath(new URL('./main.ts', import.meta.url))
// tsx's loader by absolute path, so the CLI can run from any working directory.
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href

export interface Run {
  code: number
  stdout: string
  stderr: string
}

/** Runs the CLI as a real process from its TypeScript source (core through the `source` condition), in a foreign timezone. */
export function motcua(args: string[], cwd: string = cliDir): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--conditions=source', '--import', tsx, main, ...args],
      { cwd, env: { ...process.env, TZ: 'America/Los_Angeles', NO_COLOR: '1' } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    )
  })
}

export const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at /)

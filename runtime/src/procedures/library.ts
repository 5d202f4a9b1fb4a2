import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { type ProcedureDefinition, validateDefinition } from '@motcua/core'

/** The repository's `procedures/` folder (PROCEDURES_DIR overrides it). */
export function defaultProceduresDir(): string {
  return join(dirname(createRequire(import.meta.url).resolve('@motcua/runtime/package.json')), '..', 'procedures')
}

/**
 * Reads every `<dir>/*\/procedure.json` and validates it with core; a broken library file stops the start
 * with every problem listed, rather than serving half a library.
 */
export function readLibrary(dir: string): ProcedureDefinition[] {
  return readLibraryEntries(dir).map((e) => e.definition)
}

/** A library procedure with the folder it lives in. */
export interface LibraryEntry {
  folder: string
  definition: ProcedureDefinition
}

const read = new Map<string, LibraryEntry[]>()
/** The library of `dir` as the runtime read it once (it does not change while the runtime runs). */
export function libraryOf(dir: string): LibraryEntry[] {
  if (!read.has(dir)) read.set(dir, readLibraryEntries(dir))
  return read.get(dir)!
}

/** Every `<dir>/*\/procedure.json` with its folder, validated as `readLibrary` does. */
export function readLibraryEntries(dir: string): LibraryEntry[] {
  const folders = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
  const problems: string[] = []
  const definitions: LibraryEntry[] = []
  for (const folder of folders) {
    const file = join(dir, folder, 'procedure.json')
    let json: unknown
    try {
      json = JSON.parse(readFileSync(file, 'utf8'))
    } catch (error) {
      problems.push(`${file}: ${(error as Error).message}`)
      continue
    }
    const result = validateDefinition(json)
    if (result.ok) definitions.push({ folder, definition: result.definition })
    else problems.push(...result.issues.map((i) => `${file}: ${i.path || '/'}: ${i.message.en} (${i.code})`))
  }
  if (problems.length) throw new Error(`The procedure library has problems:\n${problems.join('\n')}`)
  return definitions
}

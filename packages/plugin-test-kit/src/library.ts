import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ProcedureDefinition } from '@motcua/core'

/** A library procedure: its folder under `procedures/`, its definition and its sample form data. */
export interface LibraryProcedure {
  folder: string
  definition: ProcedureDefinition
  sample: Record<string, unknown>
}

/** The procedures of `dir`, found by folder name or by procedure code. */
export function readProcedures(dir: string): (nameOrCode: string) => LibraryProcedure {
  const byName = new Map<string, LibraryProcedure>()
  for (const folder of readdirSync(dir, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue
    const read = (file: string) => JSON.parse(readFileSync(join(dir, folder.name, file), 'utf8'))
    const procedure = { folder: folder.name, definition: read('procedure.json'), sample: read('sample.json') }
    byName.set(folder.name, procedure)
    byName.set(procedure.definition.code, procedure)
  }
  return (nameOrCode) => {
    const found = byName.get(nameOrCode)
    if (!found) throw new Error(`no procedure "${nameOrCode}" in ${dir} (give a folder name or a procedure code)`)
    return found
  }
}

/** A temporary library holding only the chosen procedures, copied from `dir`: the runtime imports fewer. */
export function subsetLibrary(dir: string, chosen: LibraryProcedure[]): string {
  const subset = mkdtempSync(join(tmpdir(), 'motcua-procedures-'))
  for (const { folder } of chosen) cpSync(join(dir, folder), join(subset, folder), { recursive: true })
  return subset
}

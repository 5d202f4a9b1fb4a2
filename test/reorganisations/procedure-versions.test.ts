import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { validateDefinition } from '@motcua/core'
import { describe, expect, it } from 'vitest'

// A procedure's later version (procedures/<folder>/<YYYY-MM-DD>.json) is published by a reorganisation plan on that
// day: it must be a valid definition of the same procedure, in force from that day, and exist because the level,
// the offering units or the agency changed.
const root = fileURLToPath(new URL('../../procedures/', import.meta.url))
const versionFile = /^(\d{4}-\d{2}-\d{2})\.json$/
const versions = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((folder) =>
    readdirSync(join(root, folder.name))
      .map((file) => versionFile.exec(file))
      .filter((match) => match !== null)
      .map((match) => ({ folder: folder.name, file: match[0], date: match[1]! })),
  )
  .sort((a, b) => `${a.folder}/${a.file}`.localeCompare(`${b.folder}/${b.file}`))

type Definition = {
  code: string
  level: string
  agency: string
  units?: string[]
  effective: { from: string; to?: string | null }
}
const read = (folder: string, file: string) => JSON.parse(readFileSync(join(root, folder, file), 'utf8')) as Definition

describe('procedure versions published by reorganisation plans', () => {
  it('exist', () => {
    expect(versions.length).toBeGreaterThan(0)
  })

  describe.each(versions)('$folder/$file', ({ folder, file, date }) => {
    const version = read(folder, file)
    const current = read(folder, 'procedure.json')

    it('is a valid definition', () => {
      const result = validateDefinition(version)
      if (!result.ok) {
        const lines = result.issues.map((issue) => `${issue.path || '/'}: ${issue.message.en} (${issue.code})`)
        expect.fail(`${folder}/${file} is invalid:\n${lines.join('\n')}`)
      }
    })

    it('is the same procedure as procedure.json, in force from the day its file is named after', () => {
      expect(version.code).toBe(current.code)
      expect(version.effective.from).toBe(date)
      expect(version.effective.from > current.effective.from, 'it follows the version in procedure.json').toBe(true)
      if (current.effective.to) expect(current.effective.to < date, 'it starts after procedure.json ends').toBe(true)
    })

    it('changes the level, the units or the agency', () => {
      const offering = (definition: Definition) => ({
        level: definition.level,
        units: definition.units,
        agency: definition.agency,
      })
      expect(offering(version)).not.toEqual(offering(current))
    })
  })
})

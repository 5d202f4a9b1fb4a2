import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createAjv } from '../ajv/index'
import { procedureMetaSchema } from './meta-validator'
import { sampleDefinition } from './test-fixture'
import { validateDefinition } from './validate-definition'

describe('validateDefinition', () => {
  it('accepts a valid definition and returns it', () => {
    const def = sampleDefinition()
    const result = validateDefinition(def)
    expect(result).toEqual({ ok: true, definition: def })
  })

  it('rejects non-objects with one issue at the root', () => {
    for (const input of [null, 42, 'procedure', [], true]) {
      const result = validateDefinition(input)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.issues.map((issue) => issue.path)).toEqual([''])
    }
  })

  it('does not run semantic checks on a malformed document', () => {
    const def = sampleDefinition() as unknown as Record<string, unknown>
    def.steps = 'tiep_nhan'
    const result = validateDefinition(def)
    expect(!result.ok && result.issues.map((issue) => issue.code)).toEqual(['type'])
  })

  it('has a meta-schema that compiles under ajv strict mode on its own', () => {
    expect(() => createAjv({ discriminator: true }).compile(procedureMetaSchema)).not.toThrow()
    expect(procedureMetaSchema.$id).toMatch(/^https:\/\//)
  })

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => {
        const result = validateDefinition(input)
        expect(result.ok).toBe(false)
      }),
      { numRuns: 300 },
    )
  })

  it('never throws when any part of a valid definition is replaced by arbitrary JSON', () => {
    const paths = pathsOf(sampleDefinition())
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 3 }), (path, value) => {
        const def = sampleDefinition()
        setAt(def, path, value)
        const result = validateDefinition(def)
        if (!result.ok) {
          for (const issue of result.issues) {
            expect(issue.code).not.toBe('definition.checkFailed')
            expect(typeof issue.path).toBe('string')
          }
        }
      }),
      { numRuns: 500 },
    )
  })

  it('never throws on arbitrary form schemas and rules', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.jsonValue({ maxDepth: 4 }), (properties, rule) => {
        const def = sampleDefinition()
        if (typeof properties === 'object' && properties !== null && !Array.isArray(properties)) {
          Object.assign(def.form.schema.properties, { x: properties })
        }
        def.components[1]!.when = typeof rule === 'object' && rule !== null && !Array.isArray(rule) ? rule : true
        const result = validateDefinition(def)
        if (!result.ok) for (const issue of result.issues) expect(issue.code).not.toBe('definition.checkFailed')
      }),
      { numRuns: 300 },
    )
  })
})

type Path = (string | number)[]

function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value)
  return [prefix, ...entries.flatMap(([key, child]) => pathsOf(child, [...prefix, key]))].filter((p) => p.length > 0)
}

function setAt(root: unknown, path: Path, value: unknown): void {
  let current = root as Record<string | number, unknown>
  for (const key of path.slice(0, -1)) current = current[key] as Record<string | number, unknown>
  current[path.at(-1)!] = value
}

import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  compileFormValidator,
  computeFees,
  requiredComponents,
  selectCase,
  validateDefinition,
  vietnamDate,
} from '@motcua/core'
import { describe, expect, it } from 'vitest'

// The procedure library (procedures/<folder>/procedure.json) must be valid, documented and broad.
const root = fileURLToPath(new URL('../procedures/', import.meta.url))
const folders = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()
const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'))

describe('the procedure library', () => {
  it('has at least 12 procedures, one procedure.json per folder', () => {
    expect(folders.length).toBeGreaterThanOrEqual(12)
    for (const folder of folders) expect(existsSync(join(root, folder, 'procedure.json')), folder).toBe(true)
  })

  describe.each(folders)('%s', (folder) => {
    const dir = join(root, folder)

    it('is a valid definition', () => {
      const result = validateDefinition(readJson(join(dir, 'procedure.json')))
      if (!result.ok) {
        const lines = result.issues.map((issue) => `${issue.path || '/'}: ${issue.message.en} (${issue.code})`)
        expect.fail(`${folder}/procedure.json is invalid:\n${lines.join('\n')}`)
      }
    })

    it('has a README.md and says where its data came from', () => {
      expect(existsSync(join(dir, 'README.md'))).toBe(true)
      const source = (readJson(join(dir, 'procedure.json')) as { source?: { note?: string } }).source
      expect(source?.note?.trim()).toBeTruthy()
    })

    it('shows citizens no editing mark in any of its versions (procedure.json and the dated ones)', () => {
      const files = readdirSync(dir).filter((file) => file.endsWith('.json') && file !== 'sample.json')
      for (const file of files) {
        const result = validateDefinition(readJson(join(dir, file)))
        const marks = result.ok ? [] : result.issues.filter((issue) => issue.code === 'text.editingMark')
        expect(marks.map((issue) => `${file}${issue.path}: ${issue.message.en}`)).toEqual([])
      }
    })

    it.runIf(existsSync(join(dir, 'sample.json')))(
      'accepts its sample.json, and computes fees and components for it',
      () => {
        const result = validateDefinition(readJson(join(dir, 'procedure.json')))
        expect(result.ok, 'the definition must be valid first').toBe(true)
        if (!result.ok) return
        const def = result.definition
        // rules may read the channel and today's date: an online filing today
        const rules = { channel: 'online', today: vietnamDate(new Date()) } as const
        const validate = compileFormValidator(def)
        const sample = readJson(join(dir, 'sample.json'))
        for (const formData of Array.isArray(sample) ? sample : [sample]) {
          const issues = validate(formData, rules.today)
          expect(issues.map((issue) => `${issue.path}: ${issue.message.en} (${issue.code})`)).toEqual([])
          const chosen = selectCase(def, formData, rules)
          if (chosen) expect(def.cases, 'the case chosen is one of the procedure’s').toContain(chosen)
          for (const fee of computeFees(def, formData, rules)) {
            expect(
              def.fees.map((f) => f.key),
              'every fee line comes from the definition',
            ).toContain(fee.key)
            expect(Number.isSafeInteger(fee.amount) && fee.amount >= 0, `${fee.key}: ${fee.amount} đồng`).toBe(true)
          }
          const required = requiredComponents(def, formData, rules)
          const always = def.components.filter((c) => c.required && !c.when).map((c) => c.key)
          expect(
            required.map((c) => c.key),
            'unconditionally required documents',
          ).toEqual(expect.arrayContaining(always))
          for (const component of required) expect(def.components).toContain(component)
        }
      },
    )
  })

  it('covers the province, district and commune levels', () => {
    const levels = new Set(
      folders.map((folder) => (readJson(join(root, folder, 'procedure.json')) as { level?: unknown }).level),
    )
    for (const level of ['province', 'district', 'commune']) expect(levels).toContain(level)
  })
})

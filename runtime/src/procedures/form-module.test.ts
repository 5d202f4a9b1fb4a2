import { readdirSync } from 'node:fs'
import { compileFormValidator } from '@motcua/core'
import {
  type FormValidatorsFactory,
  formValidator,
  formValidatorsModule,
  precompiledFormValidators,
} from '@motcua/forms/standalone'
import type { RJSFSchema } from '@rjsf/utils'
import { describe, expect, it } from 'vitest'
import { libraryProcedure } from '../testing'
import { defaultProceduresDir } from './library'

// Every library procedure's form, precompiled as the portal gets it, against the ajv that compiles in the page (what
// the portal ran before) and the server's own check of a submitted dossier.
const procedures = readdirSync(defaultProceduresDir())
  .sort()
  .map((name) => ({ name, ...libraryProcedure(name) }))

// the module as the browser imports it: an ES module from its source, never `eval`
const importModule = async (source: string) =>
  ((await import(`data:text/javascript,${encodeURIComponent(source)}`)) as { default: FormValidatorsFactory }).default
const precompiled = async (schema: RJSFSchema) =>
  precompiledFormValidators(await importModule(formValidatorsModule(schema)), schema)

// Ways a citizen gets a form wrong: every text, number or choice replaced by something else, fields left out.
function broken(sample: unknown): unknown[] {
  const replace = (value: unknown, by: (leaf: unknown) => unknown): unknown =>
    Array.isArray(value)
      ? value.map((item) => replace(item, by))
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replace(v, by)]))
        : by(value)
  return [
    {},
    replace(sample, (leaf) => (typeof leaf === 'string' ? 'x' : leaf)),
    replace(sample, (leaf) =>
      typeof leaf === 'string' ? `  ${'ấ'.repeat(600)}` : typeof leaf === 'number' ? -1.5 : leaf,
    ),
    replace(sample, (leaf) => (typeof leaf === 'string' ? '2026-02-31' : typeof leaf === 'number' ? '12' : !leaf)),
    replace(sample, (leaf) => (typeof leaf === 'string' ? '' : null)),
    replace(sample, () => ['?']),
  ]
}

describe('the library’s forms, precompiled', () => {
  it('is generated for every library procedure, and imports nothing', () => {
    for (const { definition } of procedures) {
      const source = formValidatorsModule(definition.form.schema as RJSFSchema)
      expect(source, definition.code).toMatch(/^export default function formValidators\(formats, runtime\)/m)
      expect(source).not.toMatch(/\brequire\(|^import /m)
    }
  })

  it.each(procedures)('finds what the page’s ajv finds, word for word, in $name', async ({ definition, sample }) => {
    const schema = definition.form.schema as RJSFSchema
    const validators = await precompiled(schema)
    const serverValidate = compileFormValidator(definition)
    for (const data of [sample, ...broken(sample)]) {
      for (const locale of ['vi', 'en'] as const) {
        const expected = formValidator(locale).validateFormData(data, schema)
        const found = validators(locale).validateFormData(data, schema)
        expect(found.errors).toEqual(expected.errors)
        expect(found.errorSchema).toEqual(expected.errorSchema)
      }
      // and what the server will answer when the dossier is sent: the same fields, for the same reasons
      // (far in the future, so that only the schema speaks: the page's raw validation has no date relations)
      const serverSays = serverValidate(data, '9999-12-31').map((issue) => `${issue.code} ${issue.path}`)
      const pageSays = validators('vi')
        .rawValidation<{ keyword: string; instancePath: string; params: Record<string, unknown> }>(schema, data)
        .errors?.map(
          (e) => `${e.keyword} ${e.instancePath}${e.keyword === 'required' ? `/${e.params.missingProperty}` : ''}`,
        )
      expect(new Set(pageSays ?? [])).toEqual(new Set(serverSays))
    }
    expect(validators('vi').validateFormData(sample, schema).errors, 'the sample is valid').toEqual([])
  })
})

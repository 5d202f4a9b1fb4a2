/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { compileFormValidator, type CustomFormats, type ProcedureDefinition } from '@motcua/core'
import { getFirstMatchingOption, type RJSFSchema } from '@rjsf/utils'
import { describe, expect, it } from 'vitest'
import { formValidator } from '../validator'
import { formValidatorsModule } from './compile'
import { type FormValidatorsFactory, precompiledFormValidators } from './load'

const library = join(import.meta.dirname, '../../../../procedures')
const procedures = readdirSync(library, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => {
    const read = (file: string) => JSON.parse(readFileSync(join(library, entry.name, file), 'utf8')) as unknown
    return { name: entry.name, definition: read('procedure.json') as ProcedureDefinition, sample: read('sample.json') }
  })

// the module as the browser imports it: an ES module from its source, never `eval`
const importModule = async (source: string) =>
  ((await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`)) as {
    default: FormValidatorsFactory
  }).default

const precompiled = async (schema: RJSFSchema, formats?: CustomFormats) =>
  precompiledFormValidators(await importModule(formValidatorsModule(schema, formats)), schema, formats)

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
    replace(sample, (leaf) => (typeof leaf === 'string' ? `  ${'ấ'.repeat(600)}` : typeof leaf === 'number' ? -1.5 : leaf)),
    replace(sample, (leaf) => (typeof leaf === 'string' ? '2026-02-31' : typeof leaf === 'number' ? '12' : !leaf)),
    replace(sample, (leaf) => (typeof leaf === 'string' ? '' : null)),
    replace(sample, () => ['?']),
  ]
}

describe('a form validator precompiled on the server', () => {
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
      const serverSays = serverValidate(data).map((issue) => `${issue.code} ${issue.path}`)
      const pageSays = validators('vi')
        .rawValidation<{ keyword: string; instancePath: string; params: Record<string, unknown> }>(schema, data)
        .errors?.map((e) => `${e.keyword} ${e.instancePath}${e.keyword === 'required' ? `/${e.params.missingProperty}` : ''}`)
      expect(new Set(pageSays ?? [])).toEqual(new Set(serverSays))
    }
    expect(validators('vi').validateFormData(sample, schema).errors, 'the sample is valid').toEqual([])
  })

  it('checks a plugin’s format with its pattern and message, and skips a keyword only the server reads', async () => {
    const formats: CustomFormats = {
      'so-to-ban-do': { pattern: '^[0-9]{1,4}$', message: { vi: 'Số tờ bản đồ gồm 1–4 chữ số', en: 'A map sheet has 1–4 digits' } },
    }
    const schema = {
      type: 'object',
      properties: {
        to: { type: 'string', format: 'so-to-ban-do' },
        ngay: { type: 'string', format: 'date', 'x-dateRules': { notAfter: 'today' } },
      },
    } as RJSFSchema
    const validators = await precompiled(schema, formats)
    const { errorSchema } = validators('vi').validateFormData({ to: '12345', ngay: '2025-02-30' }, schema)
    expect(errorSchema).toEqual(formValidator('vi', formats).validateFormData({ to: '12345', ngay: '2025-02-30' }, schema).errorSchema)
    expect((errorSchema as Record<string, { __errors?: string[] }>).to?.__errors).toEqual(['Số tờ bản đồ gồm 1–4 chữ số'])
    expect(validators('en').validateFormData({ to: '12' }, schema).errors).toEqual([])
  })

  it('picks among a oneOf’s options as @rjsf does, with the sub-schemas precompiled too', async () => {
    const schema: RJSFSchema = {
      type: 'object',
      properties: {
        giay_to: {
          oneOf: [
            { title: 'Căn cước', type: 'object', properties: { so: { type: 'string', format: 'cccd' } }, required: ['so'] },
            { title: 'Hộ chiếu', type: 'object', properties: { ho_chieu: { type: 'string', minLength: 8 } }, required: ['ho_chieu'] },
          ],
        },
      },
    }
    const validators = await precompiled(schema)
    const options = (schema.properties!.giay_to as { oneOf: RJSFSchema[] }).oneOf
    const runtime = formValidator('vi')
    for (const data of [{ ho_chieu: 'C1234567' }, { so: '001' }, { so: '001099001234' }, {}]) {
      expect(getFirstMatchingOption(validators('vi'), data, options, schema)).toBe(
        getFirstMatchingOption(runtime, data, options, schema),
      )
      expect(validators('vi').validateFormData({ giay_to: data }, schema)).toEqual(
        runtime.validateFormData({ giay_to: data }, schema),
      )
    }
  })
})

import type { CustomFormats } from '@motcua/core'
import { getFirstMatchingOption, type RJSFSchema } from '@rjsf/utils'
import { describe, expect, it } from 'vitest'
import { formValidator } from '../validator'
import { formValidatorsModule } from './compile'
import { type FormValidatorsFactory, precompiledFormValidators } from './load'

// the module as the browser imports it: an ES module from its source, never `eval`
const importModule = async (source: string) =>
  (
    (await import(`data:text/javascript,${encodeURIComponent(source)}`)) as {
      default: FormValidatorsFactory
    }
  ).default

const precompiled = async (schema: RJSFSchema, formats?: CustomFormats) =>
  precompiledFormValidators(await importModule(formValidatorsModule(schema, formats)), schema, formats)

describe('a form validator precompiled on the server', () => {
  it('checks a plugin’s format with its pattern and message, and skips a keyword only the server reads', async () => {
    const formats: CustomFormats = {
      'so-to-ban-do': {
        pattern: '^[0-9]{1,4}$',
        message: { vi: 'Số tờ bản đồ gồm 1–4 chữ số', en: 'A map sheet has 1–4 digits' },
      },
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
    expect(errorSchema).toEqual(
      formValidator('vi', formats).validateFormData({ to: '12345', ngay: '2025-02-30' }, schema).errorSchema,
    )
    expect((errorSchema as Record<string, { __errors?: string[] }>).to?.__errors).toEqual([
      'Số tờ bản đồ gồm 1–4 chữ số',
    ])
    expect(validators('en').validateFormData({ to: '12' }, schema).errors).toEqual([])
  })

  it('picks among a oneOf’s options as @rjsf does, with the sub-schemas precompiled too', async () => {
    const schema: RJSFSchema = {
      type: 'object',
      properties: {
        giay_to: {
          oneOf: [
            {
              title: 'Căn cước',
              type: 'object',
              properties: { so: { type: 'string', format: 'cccd' } },
              required: ['so'],
            },
            {
              title: 'Hộ chiếu',
              type: 'object',
              properties: { ho_chieu: { type: 'string', minLength: 8 } },
              required: ['ho_chieu'],
            },
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

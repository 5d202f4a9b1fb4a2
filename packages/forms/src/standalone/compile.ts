import { addCustomFormats, type CustomFormats, createAjv } from '@motcua/core'
import { RJSF_ADDITIONAL_PROPERTIES_FLAG, type RJSFSchema, schemaParser } from '@rjsf/utils'
import { COLOR_FORMAT_REGEX, DATA_URL_FORMAT_REGEX } from '@rjsf/validator-ajv8/lib/createAjvInstance.js'
import { _ } from 'ajv'
import standaloneCode from 'ajv/dist/standalone/index.js'

/** The helpers of ajv's runtime a precompiled module may call, given to it by {@link formValidatorsRuntime}. */
export const RUNTIME_HELPERS = ['equal', 'ucs2length'] as const

// What the form validator in the browser always did (@rjsf's customizeValidator with motcua's formats): all errors,
// each with its schema (`verbose`, which @rjsf reads titles from), and lenient at fill time, so a keyword only the
// server knows (`x-…`) is skipped, not refused.
const FILL_TIME = { strict: false, allErrors: true, verbose: true, multipleOfPrecision: 8, discriminator: false }

/**
 * The validators of a form's schema, precompiled by ajv (standalone code) with motcua's setup (`createAjv`, the
 * installed plugins' `formats`), as the source of an ES module the browser can import without `eval`. Its default
 * export takes the format functions and ajv's two runtime helpers and returns @rjsf's validator functions by schema
 * key (the root schema and each sub-schema @rjsf checks options with), ready for `createPrecompiledValidator`.
 * @example const source = formValidatorsModule(def.form.schema, pluginFormats) // serve as text/javascript
 */
export function formValidatorsModule(schema: RJSFSchema, formats?: CustomFormats, banner = ''): string {
  const schemas = Object.values(schemaParser(schema))
  const ajv = addCustomFormats(
    createAjv({ ...FILL_TIME, code: { source: true, lines: false, formats: _`formats` } }),
    formats,
  )
  ajv.addFormat('data-url', DATA_URL_FORMAT_REGEX)
  ajv.addFormat('color', COLOR_FORMAT_REGEX)
  ajv.addKeyword(RJSF_ADDITIONAL_PROPERTIES_FLAG)
  ajv.addSchema(schemas)
  const refs = Object.fromEntries(schemas.map((s) => [String(s.$id), String(s.$id)]))
  // ajv's CommonJS flavour (`exports["-3a0f…"] = validate10`, since @rjsf's keys are no JavaScript names), inside
  // a function given what the code would otherwise `require`.
  let code = standaloneCode(ajv, refs).replace(
    /require\("ajv\/dist\/runtime\/(\w+)"\)\.default/g,
    (call, helper: string) => ((RUNTIME_HELPERS as readonly string[]).includes(helper) ? `runtime.${helper}` : call),
  )
  if (/require\("/.test(code))
    throw new Error(`The form needs more of ajv's runtime than ${RUNTIME_HELPERS.join(', ')}`)
  code = code.replace(/^"use strict";/, '')
  return `${banner ? `// ${banner}\n` : ''}export default function formValidators(formats, runtime) {\nconst exports = {};\n${code}\nreturn exports;\n}\n`
}

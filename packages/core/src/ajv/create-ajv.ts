import { Ajv, type Options } from 'ajv'
import addFormatsImport from 'ajv-formats'
import { interopDefault } from './interop'
import { addVnFormats } from './vn-formats'

// ajv has a named `Ajv` export, which every loader resolves the same way; ajv-formats has only a default export.
const addFormats = interopDefault(addFormatsImport)

/** The validator options motcua compiles form schemas with: strict, reporting every error. */
// Strict mode, except `strictRequired`: real forms say "required when …" with `then: { required: [...] }`,
// which it would refuse although @rjsf handles it.
export const AJV_DEFAULTS: Readonly<Options> = { strict: true, strictRequired: false, allErrors: true }

/**
 * An Ajv (draft-07, like @rjsf/validator-ajv8) with ajv-formats, formatMaximum & co., and motcua's Vietnamese formats.
 * @example const validate = createAjv().compile({ type: 'string', format: 'cccd' })
 */
export function createAjv(options: Options = {}): Ajv {
  const ajv = new Ajv({ ...AJV_DEFAULTS, ...options })
  addFormats(ajv)
  return addVnFormats(ajv)
}

import { Ajv, type Options } from 'ajv'
import addFormatsImport from 'ajv-formats'
import { DATE_RULES_KEYWORD, dateRulesMetaSchema } from './date-rules'
import { interopDefault } from './interop'
import { addVnFormats } from './vn-formats'

// ajv has a named `Ajv` export, which every loader resolves the same way; ajv-formats has only a default export.
const addFormats = interopDefault(addFormatsImport)

/** The validator options motcua compiles form schemas with: strict, reporting every error. */
// Strict mode, except `strictRequired`: real forms say "required when …" with `then: { required: [...] }`,
// which it would refuse although @rjsf handles it.
// `verbose`: each error keeps the value it is about, so its message can say what is wrong with it ("you typed 10
// digits", "31/02 is not a real day") and not only what is expected.
export const AJV_DEFAULTS: Readonly<Options> = { strict: true, strictRequired: false, allErrors: true, verbose: true }

/**
 * Declares `x-dateRules` (see `dateRuleErrors`): ajv checks its shape when it compiles a schema, and validates
 * nothing with it, since today's date is not part of a compiled (or precompiled, standalone) validator; the caller
 * runs `dateRuleErrors` after ajv. Fits @rjsf's `extenderFn`.
 * @example addDateRulesKeyword(new Ajv())
 */
export function addDateRulesKeyword<T extends Pick<Ajv, 'addKeyword' | 'getKeyword'>>(ajv: T): T {
  if (!ajv.getKeyword(DATE_RULES_KEYWORD))
    ajv.addKeyword({ keyword: DATE_RULES_KEYWORD, schemaType: 'object', metaSchema: dateRulesMetaSchema })
  return ajv
}

/**
 * An Ajv (draft-07, like @rjsf/validator-ajv8) with ajv-formats, formatMaximum & co., motcua's Vietnamese formats
 * and the `x-dateRules` keyword (shape only).
 * @example const validate = createAjv().compile({ type: 'string', format: 'cccd' })
 */
export function createAjv(options: Options = {}): Ajv {
  const ajv = new Ajv({ ...AJV_DEFAULTS, ...options })
  addFormats(ajv)
  return addDateRulesKeyword(addVnFormats(ajv))
}

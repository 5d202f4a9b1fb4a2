import { type CustomFormats, localize } from '@motcua/core'
import type { RJSFSchema, ValidatorType } from '@rjsf/utils'
import type { ValidatorFunctions } from '@rjsf/validator-ajv8'
import createPrecompiledValidator from '@rjsf/validator-ajv8/lib/createPrecompiledValidator.js'
import type { FormLocale } from '../validator'
import { type FormValidatorsRuntime, formValidatorsRuntime } from './runtime'

/** A precompiled form module's default export (see `formValidatorsModule`). */
export type FormValidatorsFactory = (
  formats: FormValidatorsRuntime['formats'],
  runtime: FormValidatorsRuntime['runtime'],
) => ValidatorFunctions

/** A form's validator in each locale, all sharing one set of precompiled functions. */
export type FormValidators = (locale: FormLocale) => ValidatorType<unknown, RJSFSchema>

/**
 * The validators of `schema` from its precompiled module's factory: @rjsf's precompiled validator, with messages in
 * each locale (a plugin's format with its own message), as `formValidator` gives them without precompiling.
 * @example const validators = precompiledFormValidators(module.default, schema, detail.formats); validators('vi')
 */
export function precompiledFormValidators(
  factory: FormValidatorsFactory,
  schema: RJSFSchema,
  formats?: CustomFormats,
): FormValidators {
  const { formats: functions, runtime } = formValidatorsRuntime(formats)
  const validateFns = factory(functions, runtime)
  const byLocale = new Map<FormLocale, ValidatorType<unknown, RJSFSchema>>()
  return (locale) => {
    let validator = byLocale.get(locale)
    if (!validator) {
      validator = createPrecompiledValidator<unknown, RJSFSchema>(validateFns, schema, (errors) =>
        localize(errors, locale, formats),
      )
      byLocale.set(locale, validator)
    }
    return validator
  }
}

const loaded = new Map<string, Promise<FormValidators>>()

/**
 * Imports a form's precompiled validators from `url` (a module the server generated, so the page compiles no code:
 * no `'unsafe-eval'` in its CSP) once per page load.
 * @example const validators = await loadFormValidators(`/api/procedures/${code}/versions/${v}/validator.js`, schema)
 */
export function loadFormValidators(url: string, schema: RJSFSchema, formats?: CustomFormats): Promise<FormValidators> {
  let pending = loaded.get(url)
  if (!pending) {
    pending = import(/* @vite-ignore */ url).then((module: { default: FormValidatorsFactory }) =>
      precompiledFormValidators(module.default, schema, formats),
    )
    pending.catch(() => loaded.delete(url))
    loaded.set(url, pending)
  }
  return pending
}

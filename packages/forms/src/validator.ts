import { addVnFormats, localize } from '@motcua/core'
import type { RJSFSchema, ValidatorType } from '@rjsf/utils'
import { customizeValidator } from '@rjsf/validator-ajv8'

/** The locales the forms speak. */
export type FormLocale = 'vi' | 'en'

const cache = new Map<FormLocale, ValidatorType<unknown, RJSFSchema>>()

/**
 * The rjsf validator motcua's forms use: ajv with the Vietnamese formats (cccd, vn-mobile, vnd, …) and messages
 * in `locale`; one instance per locale, so compiled schemas are shared by every form on the page.
 * @example <Form validator={formValidator('vi')} … />
 */
export function formValidator(locale: FormLocale = 'vi'): ValidatorType<unknown, RJSFSchema> {
  let validator = cache.get(locale)
  if (!validator) {
    validator = customizeValidator(
      {
        extenderFn: (ajv) => addVnFormats(ajv),
        // Procedure schemas are checked strictly when published; at fill time, be lenient like @rjsf.
        ajvOptionsOverrides: { strict: false, allErrors: true },
      },
      (errors) => localize(errors, locale),
    )
    cache.set(locale, validator)
  }
  return validator
}

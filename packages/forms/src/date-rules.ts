import { dateRuleErrors, localize, vietnamDate } from '@motcua/core'
import type { CustomValidator, FormValidation, RJSFSchema } from '@rjsf/utils'
import type { FormLocale } from './validator'

const unescapeToken = (token: string) => token.replaceAll('~1', '/').replaceAll('~0', '~')

/**
 * An rjsf `customValidate` that checks the form's date relations (`x-dateRules`: not after today, a child born after
 * its parents) and puts each message beside its field, in `locale`. Works with any validator, compiled or
 * precompiled, since ajv only checks the keyword's shape. `today` defaults to the day in Vietnam at each check.
 * @example <Form customValidate={checkDateRules(schema, 'vi')} … />
 */
export function checkDateRules(schema: RJSFSchema, locale: FormLocale, today?: string): CustomValidator {
  return (formData, errors) => {
    const found = dateRuleErrors(schema, formData, today ?? vietnamDate(new Date()))
    localize(found, locale)
    for (const error of found) {
      let node: FormValidation | undefined = errors
      for (const token of error.instancePath.split('/').slice(1).map(unescapeToken))
        node = (node as Record<string, FormValidation | undefined> | undefined)?.[token]
      if (error.message) node?.addError?.(error.message)
    }
    return errors
  }
}

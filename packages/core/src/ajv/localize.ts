import type { ErrorObject } from 'ajv'
import type { Issue } from '../errors'
import { type CustomFormats, customFormatMessage } from './custom-formats'
import { ajvErrorMessage } from './messages'
import type { Locale } from './text'

/**
 * Rewrites each error's `message` in place in `locale`, like ajv-i18n; fits @rjsf's `localizer`. A custom format's
 * error gets that format's own message.
 * @example if (!validate(data)) localize(validate.errors, 'vi')
 */
export function localize(
  errors: ErrorObject[] | null | undefined,
  locale: Locale = 'vi',
  formats?: CustomFormats,
): void {
  for (const error of errors ?? [])
    error.message = (customFormatMessage(error, formats) ?? ajvErrorMessage(error))[locale]
}

/**
 * A property name as one JSON pointer token (RFC 6901): `~` becomes `~0`, then `/` becomes `~1`.
 * @example escapePointerToken('a/b') // 'a~1b'
 */
export function escapePointerToken(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1')
}

// Errors ajv reports on the parent object that belong beside one of its properties.
const propertyParams: Readonly<Record<string, string>> = {
  required: 'missingProperty',
  dependentRequired: 'missingProperty',
  dependencies: 'missingProperty',
  additionalProperties: 'additionalProperty',
  unevaluatedProperties: 'unevaluatedProperty',
  discriminator: 'tag',
}

function issuePath(error: ErrorObject): string {
  const param = propertyParams[error.keyword]
  const property: unknown = param === undefined ? undefined : error.params[param]
  return typeof property === 'string' ? `${error.instancePath}/${escapePointerToken(property)}` : error.instancePath
}

/**
 * ajv errors as motcua issues, each placed at the field it concerns (a missing property points at itself); a custom
 * format's error carries that format's own message.
 * @example toIssues(validate.errors) // [{ code: 'required', path: '/hoTen', message: { vi: 'Vui lòng nhập…', en: … } }]
 */
export function toIssues(errors: ErrorObject[] | null | undefined, formats?: CustomFormats): Issue[] {
  return (errors ?? []).map((error) => {
    const message = customFormatMessage(error, formats) ?? ajvErrorMessage(error)
    const issue: Issue = { code: error.keyword, path: issuePath(error), message }
    if (Object.keys(error.params).length > 0) issue.params = { ...error.params }
    return issue
  })
}

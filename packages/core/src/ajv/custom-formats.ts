import type { ErrorObject, Format } from 'ajv'
import type { Message } from '../errors'

/** A form format an installation adds (a plugin's): a Unicode regular expression and what to tell a citizen. */
export interface CustomFormat {
  pattern: string
  message: Message
}

/** Custom formats by name, e.g. `{ 'so-to-ban-do': { pattern: '^[0-9]{1,4}$', message: { vi, en } } }`. */
export type CustomFormats = Readonly<Record<string, CustomFormat>>

/**
 * Registers each custom format on an Ajv instance (strings only, like ajv's own `pattern`) and returns it.
 * @example addCustomFormats(createAjv(), { 'so-thua': { pattern: '^[0-9]{1,5}$', message } })
 */
export function addCustomFormats<T extends { addFormat(name: string, format: Format): unknown }>(
  ajv: T,
  formats: CustomFormats | undefined,
): T {
  for (const [name, { pattern }] of Object.entries(formats ?? {})) {
    const re = new RegExp(pattern, 'u')
    ajv.addFormat(name, { type: 'string', validate: (value: string) => re.test(value) })
  }
  return ajv
}

/** The custom format's own message for a `format` error of one of `formats`; undefined for any other error. */
export function customFormatMessage(
  error: Pick<ErrorObject, 'keyword' | 'params'>,
  formats: CustomFormats | undefined,
): Message | undefined {
  if (error.keyword !== 'format' || !formats) return undefined
  const name = String(error.params.format)
  return Object.hasOwn(formats, name) ? formats[name]!.message : undefined
}

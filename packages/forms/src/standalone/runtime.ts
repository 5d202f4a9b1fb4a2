import { addCustomFormats, addVnFormats, type CustomFormats } from '@motcua/core'
import type { Format } from 'ajv'
import equal from 'ajv/dist/runtime/equal.js'
import ucs2length from 'ajv/dist/runtime/ucs2length.js'
import { fullFormats } from 'ajv-formats/dist/formats.js'

/** What a precompiled form module (see `formValidatorsModule`) is given: the format functions it calls, ajv's helpers. */
export interface FormValidatorsRuntime {
  formats: Record<string, Format>
  runtime: { equal: unknown; ucs2length: unknown }
}

/**
 * The formats and helpers a precompiled form module calls, the same functions the server's ajv has: ajv-formats',
 * motcua's Vietnamese ones and the installed plugins' (from their patterns).
 * @example const validators = module.default(...Object.values(formValidatorsRuntime(detail.formats)))
 */
export function formValidatorsRuntime(formats?: CustomFormats): FormValidatorsRuntime {
  const all: Record<string, Format> = { ...fullFormats }
  const registry = { addFormat: (name: string, format: Format) => (all[name] = format) }
  addCustomFormats(addVnFormats(registry), formats)
  return { formats: all, runtime: { equal: fnOf(equal), ucs2length: fnOf(ucs2length) } }
}

// ajv's runtime files are CommonJS (`module.exports = fn` and `exports.default = fn`): whatever the bundler hands over.
const fnOf = (imported: unknown): unknown =>
  typeof imported === 'function' ? imported : (imported as { default: unknown }).default

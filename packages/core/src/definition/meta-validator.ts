import type { ValidateFunction } from 'ajv'
import { createAjv } from '../ajv/index'
import metaSchema from './meta-schema.json'

let compiled: ValidateFunction | undefined

/** The meta-schema validator, compiled once (ajv strict, with `discriminator` for the `kind` unions; verbose, so messages can name the value and the allowed properties). */
export function metaValidator(): ValidateFunction {
  compiled ??= createAjv({ discriminator: true, verbose: true }).compile(metaSchema)
  return compiled
}

/** The meta-schema of the procedure definition format (draft-07). */
export const procedureMetaSchema: Readonly<Record<string, unknown>> = metaSchema

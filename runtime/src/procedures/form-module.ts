import { createHash } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import type { CustomFormats } from '@motcua/core'
import { formValidatorsModule } from '@motcua/forms/standalone'
import type { RJSFSchema } from '@rjsf/utils'
import type { PublishedVersion } from './registry'

/** A published version's precompiled form validators, as the portal imports them. */
export interface FormModule {
  body: Uint8Array
  gzip: Uint8Array
  etag: string
}

// A published version never changes, so its module is generated once per process, on its first request.
const modules = new WeakMap<PublishedVersion, FormModule>()

/**
 * The ES module of a version's form validators (see `formValidatorsModule`), generated on first use and kept
 * while the registry keeps the version.
 * @example const { body, etag } = formModule(version, formContributions(host, version.definition).formats)
 */
export function formModule(version: PublishedVersion, formats: CustomFormats): FormModule {
  let module = modules.get(version)
  if (!module) {
    const source = formValidatorsModule(
      version.definition.form.schema as RJSFSchema,
      formats,
      `The form validators of procedure ${version.code}, version ${version.version}, precompiled by ajv (generated).`,
    )
    const body = new TextEncoder().encode(source)
    module = {
      body,
      gzip: new Uint8Array(gzipSync(body, { level: 9 })),
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
    }
    modules.set(version, module)
  }
  return module
}

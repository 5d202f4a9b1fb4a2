import { createAjv, DomainError, toIssues } from '@motcua/core'
import type { Context } from 'hono'
import { type JsonLimits, jsonDocumentIssues, jsonLimits } from './clean-input'
import { requireMediaType } from './media-type'

const ajv = createAjv({ coerceTypes: false, useDefaults: true })

export interface JsonBody<T> {
  /** The JSON Schema, also published in the OpenAPI document. */
  schema: Record<string, unknown>
  /** The bounds of the document (size, depth, values). */
  limits: JsonLimits
  /** Reads and validates the request body (`application/json` only); bad input is a 400 naming every wrong field. */
  read(c: Context): Promise<T>
  /** Parses and validates JSON text the same way (e.g. a multipart field). */
  parse(text: string): T
}

/**
 * A request body described by a JSON Schema, compiled once, bounded by the limits of its kind.
 * @example const loginBody = jsonBody<{ username: string }>({ type: 'object', … })
 */
export function jsonBody<T>(schema: Record<string, unknown>, limits: JsonLimits = jsonLimits.request): JsonBody<T> {
  const validate = ajv.compile<T>(schema)
  const parse = (text: string): T => {
    const data = parseJson(text, limits)
    if (!validate(data)) {
      throw new DomainError(
        'INVALID_DATA',
        {
          vi: 'Thông tin gửi lên chưa hợp lệ. Vui lòng kiểm tra các trường được chỉ ra.',
          en: 'Some fields are not valid.',
        },
        toIssues(validate.errors),
      )
    }
    return data
  }
  return {
    schema,
    limits,
    parse,
    async read(c) {
      requireMediaType(c, ['application/json'])
      return parse(await c.req.text())
    },
  }
}

/**
 * JSON.parse with the API's errors instead of a SyntaxError or a later crash: too large is a 413; text PostgreSQL
 * cannot store (NUL, unpaired surrogates), nesting too deep or too many values is a 400 at the offending JSON path.
 */
export function parseJson(text: string, limits: JsonLimits = jsonLimits.request): unknown {
  if (Buffer.byteLength(text) > limits.maxBytes) {
    const size = limits.maxBytes >= 1024 * 1024 ? `${limits.maxBytes / 1024 / 1024} MB` : `${limits.maxBytes / 1024} KB`
    throw new DomainError('PAYLOAD_TOO_LARGE', {
      vi: `${limits.kind.vi.charAt(0).toUpperCase()}${limits.kind.vi.slice(1)} quá lớn (tối đa ${size}). Vui lòng rút gọn rồi gửi lại.`,
      en: `The ${limits.kind.en} is too large (${size} at most).`,
    })
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    throw new DomainError('INVALID_DATA', {
      vi: 'Nội dung gửi lên không phải JSON hợp lệ.',
      en: 'The request body is not valid JSON.',
    })
  }
  const issues = jsonDocumentIssues(data, limits)
  if (issues.length)
    throw new DomainError(
      'INVALID_DATA',
      {
        vi: 'Nội dung gửi lên có phần không hợp lệ. Vui lòng sửa các chỗ được chỉ ra rồi gửi lại.',
        en: 'Parts of the request body cannot be accepted.',
      },
      issues,
    )
  return data
}

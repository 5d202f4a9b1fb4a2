import { createAjv, DomainError, toIssues } from '@motcua/core'
import type { Context } from 'hono'

const ajv = createAjv({ coerceTypes: false, useDefaults: true })

export interface JsonBody<T> {
  /** The JSON Schema, also published in the OpenAPI document. */
  schema: Record<string, unknown>
  /** Reads and validates the request body; bad input is a 400 naming every wrong field. */
  read(c: Context): Promise<T>
  /** Validates already-parsed JSON (e.g. a multipart field) the same way. */
  check(data: unknown): T
}

/**
 * A request body described by a JSON Schema, compiled once.
 * @example const loginBody = jsonBody<{ username: string }>({ type: 'object', … })
 */
export function jsonBody<T>(schema: Record<string, unknown>): JsonBody<T> {
  const validate = ajv.compile<T>(schema)
  const check = (data: unknown): T => {
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
    check,
    async read(c) {
      return check(parseJson(await c.req.text()))
    },
  }
}

/** JSON.parse with the API's 400 instead of a SyntaxError. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw new DomainError('INVALID_DATA', {
      vi: 'Nội dung gửi lên không phải JSON hợp lệ.',
      en: 'The request body is not valid JSON.',
    })
  }
}

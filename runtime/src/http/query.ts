import { createAjv, DomainError, type Issue, toIssues } from '@motcua/core'
import type { Context } from 'hono'

const ajv = createAjv({ coerceTypes: true, useDefaults: true })

const invalidQuery = (issues: Issue[]) =>
  new DomainError(
    'INVALID_DATA',
    {
      vi: 'Tham số tìm kiếm trên địa chỉ chưa hợp lệ. Vui lòng kiểm tra các tham số được chỉ ra.',
      en: 'Some query parameters are not valid.',
    },
    issues,
  )

export interface QueryParams<T> {
  /** The JSON Schema of the parameters (an object of scalars), also published in the OpenAPI document. */
  schema: { type: 'object'; properties: Record<string, Record<string, unknown>> }
  /** Reads the query string, coerced to the schema's types; a bad value is a 400 at `/query/<name>`. */
  read(c: Context): T
}

/**
 * Query-string parameters described by a JSON Schema, compiled once. Unknown parameters are ignored
 * (cache busters, tracking tags); a known one with a bad value is refused, never passed on to a query.
 * @example const queueQuery = queryParams<{ status?: number }>({ type: 'object', properties: { status: { type: 'integer', minimum: 1, maximum: 10 } } })
 */
export function queryParams<T>(schema: QueryParams<T>['schema']): QueryParams<T> {
  const validate = ajv.compile({ ...schema, additionalProperties: true })
  const known = Object.keys(schema.properties)
  return {
    schema,
    read(c) {
      const all = c.req.query()
      const params: Record<string, unknown> = {}
      const issues: Issue[] = []
      for (const name of known) {
        const raw = all[name]
        if (raw === undefined || raw === '') continue
        // ajv would coerce '1e400' to Infinity and let it through: numbers must be plain digits
        const numeric = schema.properties[name]!.type
        if (
          (numeric === 'integer' && !/^-?\d{1,12}$/.test(raw)) ||
          (numeric === 'number' && !/^-?\d{1,12}(\.\d{1,6})?$/.test(raw))
        ) {
          issues.push({
            code: 'type',
            path: `/query/${name}`,
            message: { vi: 'Phải là một số', en: 'Must be a number' },
          })
        }
        params[name] = raw
      }
      if (issues.length) throw invalidQuery(issues)
      if (!validate(params)) {
        throw invalidQuery(toIssues(validate.errors).map((i) => ({ ...i, path: `/query${i.path}` })))
      }
      return params as T
    },
  }
}

/** A query's `at` that is not a real day (YYYY-MM-DD). */
export const badDate = () =>
  new DomainError(
    'INVALID_DATA',
    {
      vi: 'Ngày phải là một ngày có thật, dạng YYYY-MM-DD (ví dụ 2025-07-01).',
      en: 'The date must be a real day written YYYY-MM-DD.',
    },
    [
      {
        code: 'format',
        path: '/query/at',
        message: { vi: 'Ngày phải có dạng YYYY-MM-DD', en: 'Expected YYYY-MM-DD' },
      },
    ],
  )

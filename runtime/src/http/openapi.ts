import type { JsonBody } from './body'

/** One documented operation; the route module that serves it declares it beside its handlers. */
export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete'
  /** The hono path, e.g. `/api/track/:receiptCode`. */
  path: string
  tag: string
  summary: string
  /**
   * Who may call it: `public`, or the roles checked (any signed-in caller: `signedIn`); `localOrToken`: a caller on
   * the server's own machine, or one with the operator's token (`/metrics`).
   */
  access: 'public' | 'signedIn' | 'localOrToken' | string[]
  body?: JsonBody<unknown>
  /** A multipart alternative to the JSON body (uploads). */
  multipart?: Record<string, unknown>
  query?: { name: string; description: string }[]
  headers?: { name: string; description: string }[]
  responses: Record<number, string>
}

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: {
          type: 'string',
          description:
            'Stable code: INVALID_DATA, NOT_FOUND, CONFLICT, UNPROCESSABLE, FORBIDDEN, UNAUTHENTICATED, RATE_LIMITED, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, UNAVAILABLE, INTERNAL',
        },
        message: {
          type: 'object',
          properties: { vi: { type: 'string' }, en: { type: 'string' } },
          required: ['vi', 'en'],
        },
        issues: {
          type: 'array',
          items: {
            type: 'object',
            required: ['code', 'path', 'message'],
            properties: {
              code: { type: 'string' },
              path: { type: 'string', description: 'JSON pointer into the request' },
              message: { type: 'object' },
            },
          },
        },
      },
    },
  },
}

const toOpenApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}')

/** The OpenAPI 3.1 document of every operation. */
export function openApiDocument(operations: Operation[]) {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const op of operations) {
    const pathParams = [...op.path.matchAll(/:(\w+)/g)].map(([, name]) => ({
      name,
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }))
    const content: Record<string, unknown> = {}
    if (op.body) content['application/json'] = { schema: op.body.schema }
    if (op.multipart) content['multipart/form-data'] = { schema: op.multipart }
    ;(paths[toOpenApiPath(op.path)] ??= {})[op.method] = {
      tags: [op.tag],
      summary: op.summary,
      ...(op.access === 'public'
        ? { security: [] }
        : op.access === 'localOrToken'
          ? { security: [{}, { metricsToken: [] }] }
          : { 'x-motcua-roles': op.access }),
      parameters: [
        ...pathParams,
        ...(op.query ?? []).map((q) => ({
          name: q.name,
          in: 'query',
          required: false,
          description: q.description,
          schema: { type: 'string' },
        })),
        ...(op.headers ?? []).map((h) => ({
          name: h.name,
          in: 'header',
          required: false,
          description: h.description,
          schema: { type: 'string' },
        })),
      ],
      ...(Object.keys(content).length ? { requestBody: { required: true, content } } : {}),
      responses: Object.fromEntries(
        Object.entries({
          // every route's path, query and read headers are checked; a body of an undocumented type is refused
          400: 'malformed input: the issues say where (/path, /query/<name>, /headers/<name>, a JSON pointer)',
          ...(Object.keys(content).length ? { 415: `a body other than ${Object.keys(content).join(' or ')}` } : {}),
          ...op.responses,
        }).map(([status, description]) => [
          status,
          Number(status) >= 400
            ? { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }
            : { description },
        ]),
      ),
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'motcua API',
      version: '0.1.0',
      description:
        'Cổng Dịch vụ công và Hệ thống thông tin một cửa điện tử. Every error has a stable code, a Vietnamese and an English message, and JSON paths for invalid fields.',
    },
    paths,
    components: {
      schemas: { Error: errorSchema },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'The token from POST /api/auth/login' },
        metricsToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'METRICS_TOKEN, for /metrics from another machine (from loopback no token is needed)',
        },
        cookie: {
          type: 'apiKey',
          in: 'cookie',
          name: 'motcua_session',
          description: 'Browser session; changes need the X-CSRF-Token header',
        },
      },
    },
    security: [{ bearer: [] }, { cookie: [] }],
  }
}

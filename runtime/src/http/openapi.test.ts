import { describe, expect, it } from 'vitest'
import { createApp, operations, type Services } from '../app'

interface Doc {
  openapi: string
  paths: Record<
    string,
    Record<
      string,
      {
        parameters: { name: string; in: string }[]
        requestBody: { content: Record<string, { schema: { required?: string[] } }> }
        responses: Record<string, { content: Record<string, { schema: { $ref: string } }> }>
      }
    >
  >
}

describe('the OpenAPI document', () => {
  const app = createApp({
    plugins: {
      plugins: new Map(),
      forRequest() {
        return this
      },
    },
    database: {},
  } as unknown as Services)

  it('documents every route the app serves, and nothing it does not', () => {
    // The API is /api/*, /healthz, /readyz and /metrics; the rest (GET /* serving the citizen portal) is web, not API.
    const isApi = (path: string) => path.startsWith('/api/') || ['/healthz', '/readyz', '/metrics'].includes(path)
    const served = new Set(
      app.routes.filter((r) => r.method !== 'ALL' && isApi(r.path)).map((r) => `${r.method.toLowerCase()} ${r.path}`),
    )
    const documented = new Set(operations.map((o) => `${o.method} ${o.path}`))
    expect([...served].filter((r) => !documented.has(r))).toEqual([])
    expect([...documented].filter((r) => !served.has(r))).toEqual([])
  })

  it('is served as OpenAPI 3.1 with request schemas and the shared error shape', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as Doc
    expect(doc.openapi).toBe('3.1.0')
    const submit = doc.paths['/api/dossiers']!.post!
    expect(submit.requestBody.content['application/json']!.schema.required).toEqual([
      'procedureCode',
      'unitCode',
      'formData',
    ])
    expect(submit.requestBody.content['multipart/form-data']).toBeDefined()
    expect(doc.paths['/api/track/{receiptCode}']!.get!.parameters[0]).toMatchObject({ name: 'receiptCode', in: 'path' })
    expect(submit.responses['400']!.content['application/json']!.schema.$ref).toBe('#/components/schemas/Error')
  })
})

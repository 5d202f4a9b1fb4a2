import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { requiredComponents, vietnamDate } from '@motcua/core'
import { testDrivers } from '@motcua/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultProceduresDir, readLibrary } from '../procedures/library'
import { fileFor, openTestRuntime, type TestRuntime } from '../testing'

const dir = defaultProceduresDir()
// A retired procedure (its `effective.to` past) takes no new dossier today: offering.test.ts drives it on its own days.
const library = readLibrary(dir).filter((d) => (d.effective.to ?? '9999') >= vietnamDate(new Date()))
const samples = new Map(
  readdirSync(dir).map((folder) => {
    const definition = JSON.parse(readFileSync(join(dir, folder, 'procedure.json'), 'utf8')) as { code: string }
    return [
      definition.code,
      JSON.parse(readFileSync(join(dir, folder, 'sample.json'), 'utf8')) as Record<string, unknown>,
    ]
  }),
)
describe.each(testDrivers())('every library procedure on $name', ({ open }) => {
  let runtime: TestRuntime
  beforeAll(async () => {
    runtime = await openTestRuntime(open, { demo: false })
  })
  afterAll(() => runtime?.close())

  it.each(library.map((d) => [d.code, d.name, d] as const))(
    '%s %s: its sample is filed with the documents it requires, then tracked',
    async (code, _name, definition) => {
      const unitCode =
        definition.units?.[0] ?? { commune: '06649', district: '193', province: 'STP' }[definition.level]!
      const formData = samples.get(code)!
      const form = new FormData()
      form.set(
        'dossier',
        JSON.stringify({
          procedureCode: code,
          unitCode,
          applicant: { fullName: 'Lê Văn Cường', phone: '0903123456' },
          formData,
          declaration: true,
        }),
      )
      for (const component of requiredComponents(definition, formData))
        form.append(`attachments.${component.key}`, fileFor(component))
      const res = await runtime.app.request('/api/dossiers', { method: 'POST', body: form })
      const body = (await res.json()) as { receiptCode: string; status: number; fees: { amount: number }[] }
      expect(res.status, JSON.stringify(body)).toBe(201)
      expect(body.status).toBe(1)
      expect(body.fees.every((f) => Number.isInteger(f.amount) && f.amount >= 0)).toBe(true)
      const tracked = (await (await runtime.app.request(`/api/track/${body.receiptCode}`)).json()) as {
        procedure: { code: string }
        status: number
      }
      expect(tracked).toMatchObject({ procedure: { code }, status: 1 })
    },
  )
})

import { readdirSync } from 'node:fs'
import { vietnamDate } from '@motcua/core'
import { testDrivers } from '@motcua/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultProceduresDir } from '../procedures/library'
import { libraryProcedure, openTestRuntime, sampleSubmission, signIn, type TestRuntime } from '../testing'

// Every library procedure, run by its own definition from submission to the returned result: each step's
// forward action taken by the officer of that step's role, at the unit that handles it (the provincial centre for
// reception and return, another unit for a liên thông step).
// A retired procedure (its `effective.to` past) takes no new dossier today: offering.test.ts drives it on its own days.
const folders = readdirSync(defaultProceduresDir())
  .sort()
  .filter((folder) => (libraryProcedure(folder).definition.effective.to ?? '9999') >= vietnamDate(new Date()))
const unitFor = { commune: '06649', district: '193', province: 'STP' } as Record<string, string>
const account = { receiving_officer: 'tiepnhan', specialist: 'chuyenvien', leader: 'lanhdao' } as Record<string, string>

interface Desk {
  version: number
  status: number
  step: { key: string; role: string } | null
  currentUnitCode: string | null
  actions: { key: string; type: string; requires: string[]; to?: string }[]
  consultations: { id: string; role: string; unit: { code: string }; state: string }[]
}

describe.each(testDrivers())('every library procedure’s lifecycle on $name', ({ open }) => {
  let runtime: TestRuntime
  const tokens: Record<string, string> = {}
  beforeAll(async () => {
    runtime = await openTestRuntime(open)
  })
  afterAll(() => runtime?.close())

  it.each(folders)('%s runs from submission to returned result', async (folder) => {
    const { definition, sample } = libraryProcedure(folder)
    const unitCode = definition.units?.[0] ?? unitFor[definition.level]!
    const unit = unitCode.toLowerCase()
    const res = await runtime.app.request(
      '/api/dossiers',
      sampleSubmission({ definition, sample }, unitCode, { fullName: 'Trịnh Văn Khoa' }),
    )
    expect(res.status).toBe(201)
    const { receiptCode } = (await res.json()) as { receiptCode: string }
    const statuses: number[] = []
    for (let hop = 0; hop < 12; hop++) {
      const seen = (await (
        await runtime.app.request(`/api/desk/dossiers/${receiptCode}`, {
          headers: {
            authorization: `Bearer ${(tokens[`tiepnhan.${unit}`] ??= await signIn(runtime, `tiepnhan.${unit}`))}`,
          },
        })
      ).json()) as Desk
      const role = seen.step?.role
      if (!role) break
      // the unit handling the step: the receiving centre, or another unit's liên thông step
      const user = `${account[role]}.${seen.currentUnitCode!.toLowerCase()}`
      const auth = {
        authorization: `Bearer ${(tokens[user] ??= await signIn(runtime, user))}`,
        'content-type': 'application/json',
      }
      const desk = (await (
        await runtime.app.request(`/api/desk/dossiers/${receiptCode}`, { headers: auth })
      ).json()) as Desk
      // a consultation step: each unit asked answers, and the last answer moves the dossier on
      const asked = desk.consultations.filter((q) => q.state === 'open')
      if (asked.length) {
        for (const q of asked) {
          const officer = `${account[q.role]}.${q.unit.code.toLowerCase()}`
          const answered = await runtime.app.request(`/api/desk/dossiers/${receiptCode}/consultations/${q.id}/answer`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${(tokens[officer] ??= await signIn(runtime, officer))}`,
              'content-type': 'application/json',
            },
            body: JSON.stringify({ opinion: 'agree' }),
          })
          expect(answered.status, await answered.clone().text()).toBe(200)
        }
        continue
      }
      // the way forward: receive, forward or approve to another step, or return the result
      const next =
        desk.actions.find((a) => ['receive', 'forward', 'approve'].includes(a.type) && a.to !== desk.step!.key) ??
        desk.actions.find((a) => a.type === 'return')
      expect(next, `no way forward at ${desk.step!.key}`).toBeDefined()
      const inputs = next!.requires.includes('deliveryMethod') ? { deliveryMethod: 'counter' } : {}
      const acted = await runtime.app.request(`/api/desk/dossiers/${receiptCode}/actions/${next!.key}`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ expectedVersion: desk.version, ...inputs }),
      })
      expect(acted.status, await acted.clone().text()).toBe(200)
      statuses.push(((await acted.json()) as { status: number }).status)
    }
    expect(statuses.at(-1)).toBe(10)
    expect(statuses).toContain(9)
    const tracked = (await (await runtime.app.request(`/api/track/${receiptCode}`)).json()) as {
      status: number
      returnedAt: string | null
    }
    expect(tracked).toMatchObject({ status: 10, returnedAt: expect.any(String) })
  })
})

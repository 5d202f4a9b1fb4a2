import { testDrivers } from '@motcua/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestRuntime, type TestRuntime } from '../testing'
import { resolveUnitRef } from './unit-ref'

describe.each(testDrivers())('unit references on $name', ({ open }) => {
  let runtime: TestRuntime
  beforeAll(async () => {
    runtime = await openTestRuntime(open, { demo: false, library: false })
  })
  afterAll(() => runtime?.close())
  const id = async (code: string) => (await runtime.units.byCode(code))!.id
  const codeOf = async (...args: Parameters<typeof resolveUnitRef> extends [unknown, ...infer R] ? R : never) =>
    (await resolveUnitRef(runtime.units, ...args)).code

  it('names the resolving unit, the receiving unit, a unit above and a fixed unit', async () => {
    const ward = { unitId: await id('06649'), receivingUnitId: await id('TTPVHCC') }
    expect(await codeOf(undefined, ward)).toBe('06649')
    expect(await codeOf('receiving', ward)).toBe('TTPVHCC')
    expect(await codeOf('receiving', { unitId: ward.unitId })).toBe('06649')
    expect(await codeOf({ up: 'district' }, ward)).toBe('193')
    expect(await codeOf({ up: 'province' }, ward)).toBe('22')
    expect(await codeOf({ code: 'STNMT' }, ward)).toBe('STNMT')
  })

  it('refuses a reference that names no unit, saying what to do', async () => {
    const district = { unitId: await id('193') }
    await expect(resolveUnitRef(runtime.units, { up: 'district' }, district)).rejects.toMatchObject({
      code: 'CONFLICT',
      userMessage: { vi: expect.stringContaining('quản trị viên') },
    })
    await expect(resolveUnitRef(runtime.units, { code: 'NOPE' }, district)).rejects.toMatchObject({ code: 'CONFLICT' })
  })
})

import { readdirSync, readFileSync } from 'node:fs'
import { endingCodes, type ReorganisationPlan, successorCodes, validatePlan } from '@motcua/core'
import { describe, expect, it } from 'vitest'
import { taxOffice } from '../../runtime/src/seed/units'

// The shipped reorganisation plans (reorganisations/*.json), replayed in date order over the first-start seed's units.
type Unit = { level: string; type: string; parent?: string; electronicId: string }
type SeedUnit = { code: string; type: string }
type SeedDistrict = SeedUnit & { communes: SeedUnit[] }

const root = new URL('../../', import.meta.url)
const readJson = (path: string) => JSON.parse(readFileSync(new URL(path, root), 'utf8'))
const files = readdirSync(new URL('reorganisations/', root))
  .filter((file) => file.endsWith('.json'))
  .sort()
const plans = files.map((file) => readJson(`reorganisations/${file}`) as ReorganisationPlan)

/** The units the seed creates, with the electronic ids it gives them (runtime/src/seed/units.ts). */
function seedUnits(): Map<string, Unit> {
  const id = (mm: number, nn: number) => `000.${String(mm).padStart(2, '0')}.${String(nn).padStart(2, '0')}.H49`
  const { province, districts } = readJson('runtime/src/seed/quang-ninh/units-2019.json')
  const { departments } = readJson('runtime/src/seed/quang-ninh/departments.json')
  const units = new Map<string, Unit>([
    [province.code, { level: 'province', type: province.type, electronicId: id(0, 0) }],
  ])
  const parent = province.code as string
  departments.forEach((d: SeedUnit, i: number) =>
    units.set(d.code, { level: 'department', type: d.type, parent, electronicId: id(0, i + 1) }),
  )
  units.set(taxOffice.code, { level: 'department', type: taxOffice.type, parent, electronicId: taxOffice.electronicId })
  districts.forEach((district: SeedDistrict, i: number) => {
    units.set(district.code, { level: 'district', type: district.type, parent, electronicId: id(0, 21 + i) })
    district.communes.forEach((c, j) =>
      units.set(c.code, { level: 'commune', type: c.type, parent: district.code, electronicId: id(j + 1, 21 + i) }),
    )
  })
  return units
}

const count = (units: Map<string, Unit>, level: string) => [...units.values()].filter((u) => u.level === level).length

describe.each(files.map((file, i) => [file, plans[i]!] as const))('%s', (file, plan) => {
  it('is a valid plan named as its file', () => {
    const result = validatePlan(plan)
    if (!result.ok) expect.fail(result.issues.map((i) => `${i.path || '/'}: ${i.message.en} (${i.code})`).join('\n'))
    expect(`${plan.name}.json`).toBe(file)
  })
})

describe('replaying the shipped plans over the seed', () => {
  it('names units in force on each side and ends in 54 commune-level units under the province', () => {
    const units = seedUnits()
    const dates = plans.map((plan) => plan.effectiveDate)
    expect(dates).toEqual([...dates].sort())
    for (const plan of plans) {
      const at = (code: string) => `${plan.name}: ${code}`
      const ending = plan.changes.flatMap(endingCodes)
      for (const code of ending) expect(units.has(code), at(`${code} is not in force the day before`)).toBe(true)
      for (const code of ending) units.delete(code)
      for (const unit of plan.create ?? []) {
        const { code, level, type, parent, electronicId } = unit
        units.set(code, { level, type, parent, electronicId })
      }
      for (const code of plan.changes.flatMap(successorCodes)) expect(units.has(code), at(code)).toBe(true)
      for (const [code, unit] of units) {
        if (unit.parent) expect(units.has(unit.parent), at(`parent of ${code} is not in force`)).toBe(true)
      }
      const ids = [...units.values()].map((unit) => unit.electronicId)
      expect(new Set(ids).size, at('electronic ids collide')).toBe(ids.length)
      if (plan.effectiveDate === '2020-01-01') expect(count(units, 'district')).toBe(13)
    }
    expect(count(units, 'district')).toBe(0)
    const communes = [...units.values()].filter((unit) => unit.level === 'commune')
    expect(communes).toHaveLength(54)
    expect(communes.every((unit) => unit.parent === '22')).toBe(true)
    const ofType = (type: string) => communes.filter((unit) => unit.type === type).length
    expect([ofType('Phường'), ofType('Xã'), ofType('Đặc khu')]).toEqual([30, 22, 2])
  })
})

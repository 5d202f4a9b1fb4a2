import { describe, expect, it } from 'vitest'
import type { ReorganisationPlan } from './plan.generated'
import { validatePlan } from './validate-plan'

const plan = (overrides: Partial<ReorganisationPlan> = {}): ReorganisationPlan => ({
  name: '2025-07-01-thu',
  title: 'Sắp xếp thử',
  effectiveDate: '2025-07-01',
  sources: { nq1: { title: 'Nghị quyết 1679/NQ-UBTVQH15', date: '2025-06-16' } },
  create: [
    {
      code: '06685',
      name: 'Phường Hạ Long',
      type: 'Phường',
      level: 'commune',
      parent: '22',
      electronicId: '000.01.60.H49',
      source: 'nq1#1.38',
    },
  ],
  changes: [
    { kind: 'merge', units: ['06649', '06652'], into: '06685', source: 'nq1#1.38' },
    { kind: 'abolish', unit: '193', successor: '06685', source: 'nq1' },
  ],
  ...overrides,
})

const codes = (input: unknown) => {
  const result = validatePlan(input)
  return result.ok ? [] : result.issues.map((i) => `${i.code} ${i.path}`)
}

describe('validatePlan', () => {
  it('accepts a well-formed plan', () => {
    expect(validatePlan(plan())).toEqual({ ok: true, plan: plan() })
  })

  it('places schema problems by JSON path, in Vietnamese first', () => {
    const result = validatePlan({ ...plan(), changes: [{ kind: 'merge', units: [], into: '06685', source: 'nq1' }] })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.issues[0]).toMatchObject({ path: '/changes/0/units' })
      expect(result.issues[0]!.message.vi).toBeTruthy()
    }
    expect(codes({ ...plan(), changes: [{ kind: 'dissolve', unit: '193', source: 'nq1' }] })).toEqual([
      'discriminator /changes/0/kind',
    ])
  })

  it('refuses a unit that ends in two changes, a successor that ends too and an uncited source', () => {
    expect(
      codes(
        plan({
          changes: [
            { kind: 'merge', units: ['06649', '06652'], into: '06685', source: 'nq1' },
            { kind: 'abolish', unit: '06652', successor: '193', source: 'nq1' },
            { kind: 'abolish', unit: '193', successor: '06685', source: 'nq9#2' },
          ],
        }),
      ),
    ).toEqual(['plan.unitTwice /changes/1', 'plan.source /changes/2/source', 'plan.successorEnds /changes/1'])
  })

  it('wants a renamed unit recorded as a created successor, and a split sending dossiers to one of its parts', () => {
    expect(
      codes(
        plan({
          changes: [
            { kind: 'rename', unit: '06649', into: '06649', source: 'nq1' },
            { kind: 'split', unit: '06652', into: ['06685', '06655'], dossiersTo: '06658', source: 'nq1' },
          ],
        }),
      ),
    ).toEqual(['plan.intoNotCreated /changes/0/into', 'plan.dossiersTo /changes/1/dossiersTo'])
  })

  it('wants the name to start with the effective date, a real day, and created codes used once', () => {
    const created = plan().create![0]!
    expect(
      codes(plan({ name: '2025-02-30-thu', effectiveDate: '2025-02-30', create: [created, { ...created }] })),
    ).toEqual([
      'plan.date /effectiveDate',
      'plan.duplicateUnit /create/1/code',
      'plan.duplicateElectronicId /create/1/electronicId',
    ])
    expect(codes(plan({ name: '2025-07-02-thu' }))).toEqual(['plan.name /name'])
  })
})

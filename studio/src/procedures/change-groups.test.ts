import type { DefinitionChange } from '@motcua/core'
import { describe, expect, it } from 'vitest'
import { groupChanges } from './change-groups'

const change = (path: string): DefinitionChange => ({ path, kind: 'changed', label: { vi: path, en: path } })

describe("a draft's changes for the publish dialog", () => {
  it('are grouped as administrators think of a procedure, in a fixed order, without empty groups', () => {
    const groups = groupChanges(
      ['/steps/1/budget', '/fees/0/rule', '/name', '/form/schema/properties/ho_ten', '/processingTime'].map(change),
    )
    expect(groups.map(([group, list]) => [group, list.map((c) => c.path)])).toEqual([
      ['general', ['/name', '/processingTime']],
      ['form', ['/form/schema/properties/ho_ten']],
      ['fees', ['/fees/0/rule']],
      ['workflow', ['/steps/1/budget']],
    ])
  })
})

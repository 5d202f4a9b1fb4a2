import { describe, expect, it } from 'vitest'
import { errorPlace } from './json-section'
import { placeOf, tabOf } from './places'
import type { DraftDefinition } from './section'
import { scopeProblems } from './validation'

const definition = {
  name: 'Đăng ký khai tử',
  form: {
    schema: {
      type: 'object',
      properties: {
        nguoi_yeu_cau: { type: 'object', title: 'Người yêu cầu', properties: { ho_ten: { type: 'string' } } },
      },
    },
  },
  fees: [{ key: 'le_phi', name: 'Lệ phí đăng ký', amount: 0 }],
} as DraftDefinition

describe("where the editor's problems are", () => {
  it('sends each problem to the tab where it is fixed', () => {
    expect(tabOf('/name')).toBe('chung')
    expect(tabOf('/processingTime/days')).toBe('chung')
    expect(tabOf('/form/schema/properties/a')).toBe('bieu-mau')
    expect(tabOf('/fees/0/rule')).toBe('le-phi')
    expect(tabOf('/cases/1/steps/0')).toBe('quy-trinh')
    expect(tabOf('/plugins/0/config')).toBe('json')
  })

  it("names the place in the administrator's words, a field by its groups' labels or its key", () => {
    expect(placeOf(definition, '/form/schema/properties/nguoi_yeu_cau/properties/ho_ten/title').vi).toBe(
      'Biểu mẫu › Người yêu cầu › ho_ten',
    )
    expect(placeOf(definition, '/fees/0/amount').vi).toBe('Lệ phí › Lệ phí đăng ký')
    expect(placeOf(definition, '/name').en).toBe('General › Name')
  })

  it("keeps of the server's problems only those the browser cannot find, paths from the definition", () => {
    const local = [{ code: 'required', path: '/field', message: { vi: 'a', en: 'a' } }]
    const server = [
      { code: 'required', path: '/definition/field', message: { vi: 'a', en: 'a' } },
      { code: 'scope.unitOutside', path: '/definition/units/0', message: { vi: 'b', en: 'b' } },
    ]
    expect(scopeProblems(server, local)).toEqual([
      { code: 'scope.unitOutside', path: '/units/0', message: { vi: 'b', en: 'b' } },
    ])
  })

  it('finds the line and column of a JSON typo', () => {
    expect(errorPlace('{\n  "a": 1,\n  "b": x\n}')).toEqual({ line: 3, column: 8 })
    expect(errorPlace('{\n  "a": [1, 2,]\n}')).toEqual({ line: 2, column: 14 })
    expect(errorPlace('{ "a": "x" } y')).toEqual({ line: 1, column: 14 })
    expect(errorPlace('{ "a": "unterminated }')).toEqual({ line: 1, column: 23 })
    expect(errorPlace('{ "a": [true, null, -1.5e3, "\\"\\n"] }')).toBeNull()
  })
})

import { createAjv, validateDefinition } from '@motcua/core'
import { describe, expect, it } from 'vitest'
import type { DraftDefinition } from '../section'
import { builderProblems } from '../validation'
import {
  addField,
  fieldKind,
  fieldOfPointer,
  findField,
  keyFromLabel,
  listFields,
  moveField,
  moveToGroup,
  notAfterToday,
  removeField,
  renameField,
  schemaPointer,
  setChoiceOptions,
  setCondition,
  setNotAfterToday,
  setRequired,
} from './form-model'

// the library's procedures, as JSON modules (the web app reads no files)
const procedures = import.meta.glob<{ default: DraftDefinition }>('../../../../procedures/*/procedure.json', {
  eager: true,
})
const library = (folder: string): DraftDefinition =>
  structuredClone(procedures[`../../../../procedures/${folder}/procedure.json`]!.default)

/** A library procedure with a new group "Thông tin bổ sung": a choice, and a field shown only for one answer. */
function withConditionalField() {
  const def = library('cap-phieu-ly-lich-tu-phap')
  const group = addField(def, [], 'group', 'Thông tin bổ sung')
  const choice = addField(def, [group], 'choice', 'Hình thức nhận')
  const field = findField(def, [group, choice])!
  setChoiceOptions(field.schema, [
    { value: 'truc_tiep', title: 'Nhận trực tiếp' },
    { value: 'buu_dien', title: 'Qua bưu điện' },
  ])
  const address = addField(def, [group], 'text', 'Địa chỉ nhận')
  setRequired(def, [group, address], true)
  setCondition(def, [group, address], { key: choice, value: 'buu_dien' })
  return { def, group, choice, address }
}

describe('the form builder model', () => {
  it('makes keys from Vietnamese labels, unique in their group', () => {
    expect(keyFromLabel('Họ, chữ đệm và tên')).toBe('ho_chu_dem_va_ten')
    expect(keyFromLabel('Đường/phố')).toBe('duong_pho')
    expect(keyFromLabel('2 bản sao')).toBe('truong_2_ban_sao')
    expect(keyFromLabel('  ')).toBe('truong')
    const def = library('dang-ky-khai-tu')
    const first = addField(def, [], 'text', 'Ghi chú')
    const second = addField(def, [], 'text', 'Ghi chú')
    expect([first, second]).toEqual(['ghi_chu', 'ghi_chu_2'])
  })

  it('adds a field shown only for one answer, which the format accepts and ajv enforces only then', () => {
    const { def, group, choice, address } = withConditionalField()
    const result = validateDefinition(def)
    expect(result.ok ? [] : result.issues).toEqual([])
    expect(builderProblems(def)).toEqual([])
    const fields = listFields(def, [group])
    expect(fields.map((f) => [f.key, f.required, f.condition])).toEqual([
      [choice, false, null],
      [address, true, { key: choice, value: 'buu_dien' }],
    ])
    // the data: the address is asked for only when the result comes by post
    const schema = (def.form as { schema: Record<string, unknown> }).schema
    const ajv = createAjv()
    const groupOnly = (schema.properties as Record<string, object>)[group]!
    const check = ajv.compile(groupOnly)
    expect(check({ [choice]: 'truc_tiep' })).toBe(true)
    expect(check({ [choice]: 'buu_dien' })).toBe(false)
    expect(check({ [choice]: 'buu_dien', [address]: 'Số 1, phường Hà Khánh' })).toBe(true)
  })

  it('points problems at the field they are about, conditional ones too', () => {
    const { def, group, address } = withConditionalField()
    const pointer = schemaPointer(def, [group, address])
    expect(pointer).toBe(`/form/schema/properties/${group}/allOf/0/then/properties/${address}`)
    expect(fieldOfPointer(`${pointer}/title`)).toEqual([group, address])
    expect(fieldOfPointer(`/form/uiSchema/${group}/${address}/ui:help`)).toEqual([group, address])
    findField(def, [group, address])!.schema.title = ''
    expect(builderProblems(def)).toEqual([
      expect.objectContaining({ code: 'builder.noLabel', path: `${pointer}/title` }),
    ])
  })

  it('renames, moves and removes fields with their order, requirement and conditions', () => {
    const { def, group, choice, address } = withConditionalField()
    expect(renameField(def, [group, choice], address)).toBe(false)
    expect(renameField(def, [group, choice], 'Bad Key')).toBe(false)
    expect(renameField(def, [group, choice], 'cach_nhan')).toBe(true)
    expect(findField(def, [group, address])!.condition).toEqual({ key: 'cach_nhan', value: 'buu_dien' })
    moveField(def, [group, address], -1)
    expect(listFields(def, [group]).map((f) => f.key)).toEqual([address, 'cach_nhan'])
    // removing the choice leaves the dependent field unconditional, still required
    removeField(def, [group, 'cach_nhan'])
    const [left] = listFields(def, [group])
    expect([left!.key, left!.required, left!.condition]).toEqual([address, true, null])
    const groupSchema = findField(def, [group])!.schema
    expect(groupSchema.allOf).toBeUndefined()
    expect(validateDefinition(def).ok).toBe(true)
  })

  it('moves a field into a group and back out, keeping its settings but not its condition', () => {
    const { def, group, choice, address } = withConditionalField()
    const note = addField(def, [], 'text', 'Ghi chú')
    setRequired(def, [note], true)
    const inGroup = moveToGroup(def, [note], [group])!
    expect(inGroup).toEqual([group, note])
    expect(findField(def, inGroup)!.required).toBe(true)
    expect(listFields(def, []).some((f) => f.key === note)).toBe(false)
    // out of its group, the conditional field shows always; a group cannot go into itself
    expect(moveToGroup(def, [group, address], [])).toEqual([address])
    expect(findField(def, [address])!.condition).toBeNull()
    expect(findField(def, [group, choice])).not.toBeNull()
    expect(moveToGroup(def, [group], [group])).toBeNull()
    expect(validateDefinition(def).ok).toBe(true)
  })
})

describe('field kinds', () => {
  it('edits a field with a plugin’s format as a text field, and keeps motcua’s other formats apart', () => {
    expect(fieldKind({ type: 'string', format: 'ha-long-so-thua' }, {})).toBe('text')
    expect(fieldKind({ type: 'string' }, {})).toBe('text')
    expect(fieldKind({ type: 'string', format: 'uri' }, {})).toBe('other')
    expect(fieldKind({ type: 'string', format: 'cccd' }, {})).toBe('cccd')
  })
})

describe('"not after today" on a date field', () => {
  it('adds the rule, keeps a birth after the parents', () => {
    const def = library('dang-ky-khai-sinh')
    const child = findField(def, ['nguoi_duoc_khai_sinh', 'ngay_sinh'])!
    expect(notAfterToday(child.schema)).toBe(true)
    setNotAfterToday(child.schema, false)
    expect(child.schema['x-dateRules']).toMatchObject({ after: ['/me/ngay_sinh', '/cha/ngay_sinh'] })
    expect(child.schema['x-dateRules'].notAfter).toBeUndefined()
    expect(validateDefinition(def).ok).toBe(true)
    setNotAfterToday(child.schema, true)
    expect(child.schema['x-dateRules'].notAfter).toBe('today')
  })

  it('removes the keyword when no rule is left, and the definition stays valid', () => {
    const def = library('cap-phieu-ly-lich-tu-phap')
    const birth = findField(def, ['nguoi_duoc_cap', 'ngay_sinh'])!
    setNotAfterToday(birth.schema, false)
    expect(birth.schema).not.toHaveProperty('x-dateRules')
    setNotAfterToday(birth.schema, true)
    expect(birth.schema['x-dateRules']).toEqual({ notAfter: 'today' })
    expect(validateDefinition(def).ok).toBe(true)
  })
})

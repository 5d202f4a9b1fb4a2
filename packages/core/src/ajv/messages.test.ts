import type { AnySchema, ErrorObject } from 'ajv'
import { Ajv2020 } from 'ajv/dist/2020'
import { describe, expect, it } from 'vitest'
import { createAjv } from './create-ajv'
import { ajvErrorMessage, GENERIC_MESSAGE } from './messages'
import { addVnFormats } from './vn-formats'

const draft07 = createAjv({ discriminator: true })

/** The errors a real validation of `data` against `schema` produces. */
function errorsOf(schema: AnySchema, data: unknown, ajv: Pick<Ajv2020, 'compile'> = draft07): ErrorObject[] {
  const validate = ajv.compile(schema)
  expect(validate(data)).toBe(false)
  return validate.errors ?? []
}

/** The Vietnamese message of the first error of `keyword`. */
function vi(keyword: string, schema: AnySchema, data: unknown, ajv?: Pick<Ajv2020, 'compile'>): string {
  const error = errorsOf(schema, data, ajv).find((candidate) => candidate.keyword === keyword)
  expect(error, `no ${keyword} error`).toBeDefined()
  return ajvErrorMessage(error as ErrorObject).vi
}

describe('ajvErrorMessage: presence', () => {
  it('required', () => {
    const schema = { type: 'object', properties: { hoTen: { type: 'string' } }, required: ['hoTen'] }
    expect(vi('required', schema, {})).toBe('Vui lòng nhập thông tin bắt buộc này')
  })

  it('dependencies (property form)', () => {
    const schema = { type: 'object', dependencies: { soCccd: ['ngayCap'] } }
    expect(vi('dependencies', schema, { soCccd: '022098001234' })).toBe(
      'Vui lòng nhập thông tin này (bắt buộc khi đã điền mục liên quan)',
    )
  })

  it('additionalProperties and false schema', () => {
    expect(vi('additionalProperties', { type: 'object', additionalProperties: false }, { la: 1 })).toBe(
      'Thông tin này không có trong mẫu đơn, vui lòng bỏ đi',
    )
    expect(vi('false schema', { type: 'object', properties: { cam: false } }, { cam: 1 })).toBe(
      'Không được nhập thông tin này',
    )
  })

  it('propertyNames', () => {
    const schema = { type: 'object', propertyNames: { pattern: '^[a-z]+$' } }
    expect(vi('propertyNames', schema, { 'Sai-Ten': 1 })).toBe('Tên mục “Sai-Ten” không hợp lệ')
  })
})

describe('ajvErrorMessage: type', () => {
  it.each([
    ['integer', 1.5, 'Vui lòng nhập số nguyên'],
    ['number', 'mười', 'Vui lòng nhập một số'],
    ['string', 12, 'Vui lòng nhập dạng văn bản'],
    ['boolean', 'có', 'Vui lòng chọn Có hoặc Không'],
    ['array', {}, 'Dữ liệu chưa đúng dạng: cần một danh sách'],
    ['object', [], 'Dữ liệu chưa đúng dạng: cần một nhóm thông tin'],
    ['null', 0, 'Vui lòng để trống thông tin này'],
  ])('%s', (type, data, message) => {
    expect(vi('type', { type }, data)).toBe(message)
  })

  it('a union type', () => {
    const union = createAjv({ allowUnionTypes: true })
    expect(vi('type', { type: ['integer', 'null'] }, 'a', union)).toBe('Vui lòng nhập số nguyên hoặc để trống')
    expect(vi('type', { type: ['string', 'number'] }, true, union)).toBe('Vui lòng nhập văn bản hoặc một số')
  })
})

describe('ajvErrorMessage: numbers', () => {
  it('maximum, minimum and their exclusive forms, with Vietnamese digit grouping', () => {
    expect(vi('maximum', { type: 'integer', maximum: 1_000_000 }, 2_000_000)).toBe(
      'Vui lòng nhập số không lớn hơn 1.000.000',
    )
    expect(vi('maximum', { type: 'integer', maximum: 2025 }, 2026)).toBe('Vui lòng nhập số không lớn hơn 2025')
    expect(vi('minimum', { type: 'number', minimum: 0.5 }, 0)).toBe('Vui lòng nhập số không nhỏ hơn 0,5')
    expect(vi('exclusiveMaximum', { type: 'integer', exclusiveMaximum: 10 }, 10)).toBe('Vui lòng nhập số nhỏ hơn 10')
    expect(vi('exclusiveMinimum', { type: 'integer', exclusiveMinimum: 0 }, 0)).toBe('Vui lòng nhập số lớn hơn 0')
  })

  it('multipleOf', () => {
    expect(vi('multipleOf', { type: 'integer', multipleOf: 10_000 }, 1500)).toBe(
      'Vui lòng nhập số là bội số của 10.000',
    )
    expect(vi('multipleOf', { type: 'integer', multipleOf: 1000 }, 1500)).toBe('Vui lòng nhập số là bội số của 1000')
    expect(vi('multipleOf', { type: 'number', multipleOf: 0.01 }, 1.005)).toBe(
      'Chỉ được nhập tối đa 2 chữ số sau dấu phẩy',
    )
    expect(vi('multipleOf', { type: 'number', multipleOf: 1 }, 1.5)).toBe('Vui lòng nhập số nguyên')
  })
})

describe('ajvErrorMessage: strings', () => {
  it('minLength and maxLength', () => {
    expect(vi('minLength', { type: 'string', minLength: 3 }, 'ab')).toBe('Cần ít nhất 3 ký tự')
    expect(vi('minLength', { type: 'string', minLength: 1 }, '')).toBe(
      'Vui lòng nhập thông tin này, không được để trống',
    )
    expect(vi('maxLength', { type: 'string', maxLength: 5 }, 'abcdef')).toBe('Vui lòng nhập không quá 5 ký tự')
  })

  it('pattern, without showing the regular expression', () => {
    expect(vi('pattern', { type: 'string', pattern: '^[A-Z]{2}$' }, 'abc')).toBe(
      'Giá trị chưa đúng định dạng yêu cầu, vui lòng kiểm tra lại',
    )
  })
})

describe('ajvErrorMessage: formats', () => {
  it.each([
    ['cccd', '02209800123', 'Số căn cước gồm 12 chữ số; bạn đã nhập 11 chữ số'],
    ['cccd', 'không có', 'Số căn cước chỉ gồm chữ số: vui lòng bỏ ký tự “k”'],
    ['cmnd', '12345', 'Số chứng minh nhân dân gồm 9 chữ số; bạn đã nhập 5 chữ số'],
    [
      'vn-mobile',
      '0203 3835 123',
      'Đây là số máy cố định (bắt đầu bằng 02): vui lòng nhập số điện thoại di động, bắt đầu bằng 03, 05, 07, 08 hoặc 09',
    ],
    [
      'vn-phone',
      '123',
      'Số điện thoại ở Việt Nam bắt đầu bằng 03, 05, 07, 08 hoặc 09 (di động) hoặc 02 (cố định); số bạn nhập bắt đầu bằng 12',
    ],
    ['email', 'ten@', 'Vui lòng nhập địa chỉ email hợp lệ, ví dụ ten@example.com'],
    ['date', '31/12/2025', 'Vui lòng nhập ngày (dd/mm/yyyy) hợp lệ'],
    ['uri', 'không phải url', 'Vui lòng nhập địa chỉ trang web (URL) hợp lệ'],
  ])('%s', (format, data, message) => {
    expect(vi('format', { type: 'string', format }, data)).toBe(message)
  })

  it('vn-tax-code and vnd', () => {
    expect(vi('format', { type: 'string', format: 'vn-tax-code' }, '0100109107')).toMatch(/^Chữ số thứ 10/)
    expect(vi('format', { type: 'string', format: 'vn-tax-code' }, '01001091')).toMatch(/^Mã số thuế gồm 10 chữ số/)
    expect(vi('format', { type: 'integer', format: 'vnd' }, -1)).toMatch(/^Số tiền phải là số nguyên đồng/)
  })

  it('a format registered elsewhere without a friendly name', () => {
    const ajv = createAjv()
    ajv.addFormat('ma-ho-so', /^H\d+$/)
    expect(vi('format', { type: 'string', format: 'ma-ho-so' }, 'x', ajv)).toBe(
      'Giá trị chưa đúng định dạng “ma-ho-so”, vui lòng kiểm tra lại',
    )
  })

  it('formatMaximum & co. on dates, shown dd/mm/yyyy', () => {
    const date = (keyword: string) => ({ type: 'string', format: 'date', [keyword]: '2025-01-31' })
    expect(vi('formatMaximum', date('formatMaximum'), '2025-02-01')).toBe(
      'Vui lòng chọn ngày không muộn hơn 31/01/2025',
    )
    expect(vi('formatExclusiveMaximum', date('formatExclusiveMaximum'), '2025-01-31')).toBe(
      'Vui lòng chọn ngày trước 31/01/2025',
    )
    expect(vi('formatMinimum', date('formatMinimum'), '2025-01-30')).toBe('Vui lòng chọn ngày không sớm hơn 31/01/2025')
    expect(vi('formatExclusiveMinimum', date('formatExclusiveMinimum'), '2025-01-31')).toBe(
      'Vui lòng chọn ngày sau 31/01/2025',
    )
  })

  it('formatMaximum on a time', () => {
    expect(vi('formatMaximum', { type: 'string', format: 'time', formatMaximum: '17:00:00Z' }, '18:00:00Z')).toBe(
      'Vui lòng chọn thời điểm không muộn hơn 17:00:00Z',
    )
  })
})

describe('ajvErrorMessage: choices', () => {
  it('enum', () => {
    expect(vi('enum', { enum: ['nam', 'nu'] }, 'khac')).toBe('Vui lòng chọn một trong các giá trị cho phép')
  })

  it('const: a confirmation box, a value, anything else', () => {
    expect(vi('const', { const: true }, false)).toBe('Vui lòng đánh dấu để xác nhận')
    expect(vi('const', { const: 'VN' }, 'US')).toBe('Giá trị phải là “VN”')
    expect(vi('const', { const: { a: 1 } }, {})).toBe('Giá trị này không đúng với giá trị yêu cầu')
  })
})

describe('ajvErrorMessage: arrays and objects', () => {
  it('minItems, maxItems, additionalItems', () => {
    expect(vi('minItems', { type: 'array', minItems: 1 }, [])).toBe('Vui lòng thêm ít nhất một mục')
    expect(vi('minItems', { type: 'array', minItems: 2 }, [1])).toBe('Vui lòng thêm ít nhất 2 mục')
    expect(vi('maxItems', { type: 'array', maxItems: 2 }, [1, 2, 3])).toBe('Chỉ được có tối đa 2 mục')
    const tuple = { type: 'array', items: [{ type: 'string' }], minItems: 1, additionalItems: false }
    expect(vi('additionalItems', tuple, ['a', 'b'])).toBe('Danh sách chỉ được có tối đa 1 mục')
  })

  it('uniqueItems, numbering items from 1', () => {
    expect(vi('uniqueItems', { type: 'array', uniqueItems: true }, ['a', 'b', 'a'])).toBe(
      'Mục thứ 1 và mục thứ 3 bị trùng nhau, vui lòng sửa hoặc bỏ bớt một mục',
    )
  })

  it('contains', () => {
    expect(vi('contains', { type: 'array', contains: { const: 'x' } }, ['y'])).toBe(
      'Danh sách cần có ít nhất một mục đáp ứng yêu cầu',
    )
  })

  it('minProperties and maxProperties', () => {
    expect(vi('minProperties', { type: 'object', minProperties: 2 }, { a: 1 })).toBe(
      'Vui lòng nhập ít nhất 2 mục thông tin',
    )
    expect(vi('maxProperties', { type: 'object', maxProperties: 1 }, { a: 1, b: 2 })).toBe(
      'Chỉ được có tối đa 1 mục thông tin',
    )
  })
})

describe('ajvErrorMessage: combinators', () => {
  it('anyOf, oneOf (none or several), not', () => {
    expect(vi('anyOf', { anyOf: [{ type: 'string' }, { type: 'integer' }] }, true)).toBe(
      'Vui lòng điền thông tin theo một trong các phương án cho phép',
    )
    const oneOf = { oneOf: [{ type: 'integer' }, { type: 'number' }] }
    expect(vi('oneOf', oneOf, 'x')).toBe('Thông tin chưa khớp với phương án nào được phép, vui lòng kiểm tra lại')
    expect(vi('oneOf', oneOf, 1)).toBe('Thông tin khớp với nhiều phương án cùng lúc, vui lòng chỉ chọn một phương án')
    expect(vi('not', { not: { const: 'admin' } }, 'admin')).toBe(
      'Giá trị này không được chấp nhận, vui lòng nhập giá trị khác',
    )
  })

  it('if / then', () => {
    const schema = {
      type: 'object',
      properties: { coCon: { type: 'boolean' } },
      if: { properties: { coCon: { const: true } }, required: ['coCon'] },
      // strictRequired (part of strict mode) wants a required property declared beside it.
      then: { properties: { soCon: { type: 'integer' } }, required: ['soCon'] },
    }
    expect(vi('if', schema, { coCon: true })).toBe(
      'Thông tin chưa đáp ứng điều kiện theo các lựa chọn khác của bạn, vui lòng kiểm tra các mục liên quan',
    )
  })

  it('discriminator', () => {
    const schema = {
      type: 'object',
      discriminator: { propertyName: 'loai' },
      properties: { loai: { type: 'string' } },
      required: ['loai'],
      oneOf: [{ properties: { loai: { const: 'canhan' } } }, { properties: { loai: { const: 'tochuc' } } }],
    }
    expect(vi('discriminator', schema, { loai: 'khac' })).toBe('Loại đã chọn không hợp lệ, vui lòng chọn lại')
    expect(vi('discriminator', schema, { loai: 1 })).toBe('Vui lòng chọn loại')
  })
})

describe('ajvErrorMessage: draft 2019-09 / 2020-12 keywords', () => {
  const ajv2020 = addVnFormats(new Ajv2020({ strict: true, allErrors: true }))

  it('dependentRequired', () => {
    const schema = { type: 'object', dependentRequired: { soCccd: ['ngayCap'] } }
    expect(vi('dependentRequired', schema, { soCccd: 'x' }, ajv2020)).toBe(
      'Vui lòng nhập thông tin này (bắt buộc khi đã điền mục liên quan)',
    )
  })

  it('unevaluatedProperties and unevaluatedItems', () => {
    expect(vi('unevaluatedProperties', { type: 'object', unevaluatedProperties: false }, { a: 1 }, ajv2020)).toBe(
      'Thông tin này không có trong mẫu đơn, vui lòng bỏ đi',
    )
    const tuple = {
      type: 'array',
      prefixItems: [{ type: 'string' }],
      minItems: 1,
      maxItems: 1,
      unevaluatedItems: false,
    }
    expect(vi('unevaluatedItems', tuple, ['a', 'b'], ajv2020)).toBe('Danh sách chỉ được có tối đa 1 mục')
  })

  it('items after prefixItems, and minContains/maxContains', () => {
    const tuple = { type: 'array', prefixItems: [{ type: 'string' }], minItems: 1, items: false }
    expect(vi('items', tuple, ['a', 'b'], ajv2020)).toBe('Danh sách chỉ được có tối đa 1 mục')
    const counted = { type: 'array', contains: { const: 'x' }, minContains: 2, maxContains: 3 }
    expect(vi('contains', counted, ['x'], ajv2020)).toBe('Danh sách cần có từ 2 đến 3 mục đáp ứng yêu cầu')
  })
})

describe('ajvErrorMessage: plugins and unknown keywords', () => {
  const error = (keyword: string, extra: Partial<ErrorObject> = {}): ErrorObject => ({
    keyword,
    instancePath: '',
    schemaPath: '',
    params: {},
    ...extra,
  })

  it('keeps an ajv-errors errorMessage as its author wrote it', () => {
    expect(ajvErrorMessage(error('errorMessage', { message: 'Ngày cấp phải sau ngày sinh' }))).toEqual({
      vi: 'Ngày cấp phải sau ngày sinh',
      en: 'Ngày cấp phải sau ngày sinh',
    })
  })

  it('falls back to a generic message, including for names on Object.prototype', () => {
    expect(ajvErrorMessage(error('x-custom'))).toEqual(GENERIC_MESSAGE)
    expect(ajvErrorMessage(error('constructor'))).toEqual(GENERIC_MESSAGE)
    expect(GENERIC_MESSAGE.vi).toBe('Thông tin này chưa hợp lệ, vui lòng kiểm tra lại')
  })

  it('returns a fresh object each time', () => {
    const first = ajvErrorMessage(error('x-custom'))
    first.vi = 'changed'
    expect(ajvErrorMessage(error('x-custom')).vi).toBe(GENERIC_MESSAGE.vi)
  })

  it('gives English too', () => {
    expect(ajvErrorMessage(error('minLength', { params: { limit: 3 } })).en).toBe('Please enter at least 3 characters')
    expect(ajvErrorMessage(error('maximum', { params: { limit: 1_000_000 } })).en).toBe(
      'Please enter a number no greater than 1,000,000',
    )
    expect(ajvErrorMessage(error('maxItems', { params: { limit: 1 } })).en).toBe('Please keep no more than 1 item')
  })
})

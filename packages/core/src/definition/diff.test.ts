import { describe, expect, it } from 'vitest'
import { diffDefinitions } from './diff'
import { sampleDefinition } from './test-fixture'

const labels = (before: unknown, after: unknown) => diffDefinitions(before, after).map((c) => c.label.vi)

describe('diffDefinitions', () => {
  it('finds nothing between equal definitions', () => {
    expect(diffDefinitions(sampleDefinition(), sampleDefinition())).toEqual([])
  })

  it('says what changed in administrators’ words, at the JSON pointer', () => {
    const before = sampleDefinition()
    const after = sampleDefinition()
    after.name = 'Chứng thực bản sao (sửa đổi)'
    after.steps[1]!.budget = { kind: 'workingHours', hours: 2 }
    after.processingTime = { kind: 'workingDays', days: 1 }
    after.effective = { from: '2026-01-01', to: null }
    after.fees[1]!.amount = 10000
    after.components[2]!.required = true
    const changes = diffDefinitions(before, after)
    expect(changes).toContainEqual({
      path: '/name',
      kind: 'changed',
      before: 'Chứng thực bản sao từ bản chính',
      after: 'Chứng thực bản sao (sửa đổi)',
      label: {
        vi: 'Tên thủ tục: Chứng thực bản sao từ bản chính → Chứng thực bản sao (sửa đổi)',
        en: 'Name: Chứng thực bản sao từ bản chính → Chứng thực bản sao (sửa đổi)',
      },
    })
    expect(changes.find((c) => c.path === '/steps/1/budget')?.label.vi).toBe(
      'Thời gian của bước “Chứng thực”: 4 giờ làm việc → 2 giờ làm việc',
    )
    expect(changes.map((c) => c.label.vi)).toEqual(
      expect.arrayContaining([
        'Thời hạn giải quyết: trong ngày (nhận trước 15:00) → 1 ngày làm việc',
        'Ngày có hiệu lực: 2015-04-10 → 2026-01-01',
        'Khoản phí “Lệ phí”: 0 đồng → 10.000 đồng',
        'Thành phần hồ sơ “Giấy tờ khác” trở thành bắt buộc',
      ]),
    )
    expect(changes).toHaveLength(6)
  })

  it('names form fields added, removed and made required, nested ones included', () => {
    const before = sampleDefinition()
    const after = sampleDefinition()
    const person = after.form.schema.properties!.nguoi_yeu_cau as {
      properties: Record<string, unknown>
      required: string[]
    }
    person.properties.dien_thoai = { type: 'string', title: 'Số điện thoại' }
    person.required.push('la_nguoi_uy_quyen')
    delete after.form.schema.properties!.giay_to
    const changes = diffDefinitions(before, after)
    expect(changes.map((c) => [c.path, c.kind, c.label.vi])).toEqual(
      expect.arrayContaining([
        [
          '/form/schema/properties/nguoi_yeu_cau/properties/dien_thoai',
          'added',
          'Thêm trường “Số điện thoại” vào tờ khai',
        ],
        ['/form/schema/properties/nguoi_yeu_cau/required', 'changed', 'Trường “la_nguoi_uy_quyen” trở thành bắt buộc'],
        ['/form/schema/properties/giay_to', 'removed', 'Bỏ trường “giay_to” khỏi tờ khai'],
      ]),
    )
    expect(changes).toHaveLength(3)
  })

  it('pairs steps, components and fees by key, and units by code', () => {
    const before = sampleDefinition()
    const after = sampleDefinition()
    after.steps.splice(2, 1) // no approval step
    after.steps[1]!.actions[0]!.to = 'tra_ket_qua'
    after.components.push({ key: 'anh', name: 'Ảnh 4x6', required: true })
    before.units = ['06649']
    after.units = ['06649', '06709']
    expect(labels(before, after)).toEqual(
      expect.arrayContaining([
        'Bỏ bước “Ký chứng thực”',
        'Bước “Chứng thực”: thay đổi actions',
        'Thêm thành phần hồ sơ “Ảnh 4x6”',
        'Thêm đơn vị thực hiện 06709',
      ]),
    )
    expect(diffDefinitions(before, after).find((c) => c.label.vi === 'Bỏ bước “Ký chứng thực”')).toMatchObject({
      path: '/steps/2',
      kind: 'removed',
    })
  })

  it('falls back to the path for parts it has no words for', () => {
    const before = sampleDefinition()
    const after = { ...sampleDefinition(), agency: 'UBND xã' }
    expect(diffDefinitions(before, after)).toEqual([
      {
        path: '/agency',
        kind: 'changed',
        before: before.agency,
        after: 'UBND xã',
        label: { vi: 'Thay đổi /agency', en: 'Changed /agency' },
      },
    ])
  })
})

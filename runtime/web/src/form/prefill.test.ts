import { describe, expect, it } from 'vitest'
import { applyFill, markFilled } from './prefill'

describe('applyFill', () => {
  it('fills empty fields, creating their groups, and keeps what the citizen typed otherwise', () => {
    const typed = { nguoi_yeu_cau: { ho_ten: 'Nguyễn Văn Ân', dan_toc: '', quoc_tich: 'Việt Nam' }, khac: 1 }
    const { data, filled, kept } = applyFill(typed, {
      '/nguoi_yeu_cau/ho_ten': 'Nguyễn Văn An',
      '/nguoi_yeu_cau/dan_toc': 'Kinh',
      '/nguoi_yeu_cau/quoc_tich': 'Việt Nam',
      '/nguoi_yeu_cau/ngay_sinh': '1990-05-12',
      '/cha/ho_ten': 'Nguyễn Văn Bình',
    })
    expect(data).toEqual({
      nguoi_yeu_cau: { ho_ten: 'Nguyễn Văn Ân', dan_toc: 'Kinh', quoc_tich: 'Việt Nam', ngay_sinh: '1990-05-12' },
      khac: 1,
      cha: { ho_ten: 'Nguyễn Văn Bình' },
    })
    expect(filled).toEqual([
      '/nguoi_yeu_cau/dan_toc',
      '/nguoi_yeu_cau/quoc_tich', // the same as the default: the register agrees
      '/nguoi_yeu_cau/ngay_sinh',
      '/cha/ho_ten',
    ])
    expect(kept).toEqual(['/nguoi_yeu_cau/ho_ten'])
    expect(typed.nguoi_yeu_cau.dan_toc).toBe('') // the citizen's data itself is not changed
  })
})

describe('markFilled', () => {
  it('says where a filled field’s value came from, before its own help', () => {
    const ui = markFilled({ a: { b: { 'ui:help': 'Viết có dấu.' } } }, ['/a/b', '/a/c'], 'Điền sẵn từ X.')
    expect(ui).toEqual({
      a: {
        b: { 'ui:help': 'Điền sẵn từ X. Viết có dấu.', 'ui:classNames': 'mc-prefilled' },
        c: { 'ui:help': 'Điền sẵn từ X.', 'ui:classNames': 'mc-prefilled' },
      },
    })
  })
})

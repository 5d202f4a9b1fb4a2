import { describe, expect, it } from 'vitest'
import { type RegisterEntry, renderRegister } from './register'
import { at, slipInput } from './test-support'

const entry = (overrides: Partial<RegisterEntry> = {}): RegisterEntry => ({
  book: '2026',
  line: 7,
  receiptCode: '000.01.21.H49-261201-0003',
  procedureCode: '1.001193',
  procedureName: 'Đăng ký khai sinh',
  channel: 2,
  status: 10,
  applicant: { fullName: 'Nguyễn Thị Lan', phone: '0912 345 678', address: 'Tổ 3, khu 5, phường Hà Khánh' },
  receivedAt: at('2026-12-01T08:30:00'),
  dueAt: at('2026-12-01T17:00:00'),
  pausedAt: null,
  doneAt: at('2026-12-01T15:00:00'),
  returnedAt: at('2026-12-02T09:00:00'),
  ...overrides,
})
const page = (entries: RegisterEntry[], to = '2026-12-31') =>
  renderRegister({
    unit: slipInput().unit,
    from: '2026-12-01',
    to,
    filters: [],
    entries,
    now: at('2026-12-31T16:00:00'),
  })
const cells = (html: string) =>
  [...(/<tbody>[\s\S]*?<tr>([\s\S]*?)<\/tr>/.exec(html)?.[1] ?? '').matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) =>
    m[1]!.replace(/<[^>]+>/g, ' ').trim(),
  )

describe('the register page', () => {
  it('is an A4 landscape page with the national heading and the columns of the register', () => {
    const html = page([entry()])
    expect(html).toContain('@page { size: A4 landscape')
    expect(html).toContain('UBND PHƯỜNG HÀ KHÁNH')
    expect(html).toContain('<h1 class="title">Sổ theo dõi hồ sơ</h1>')
    expect(html).toContain('<th colspan="5">Ngày, tháng, năm</th>')
    for (const label of ['Mã hồ sơ', 'Tên thủ tục hành chính', 'Chuyển hồ sơ đến cơ quan giải quyết', 'Ký nhận'])
      expect(html).toContain(`>${label}</th>`)
    expect(html).toContain('<th>(14)</th>')
    expect(html).not.toMatch(/<script/i)
  })

  it('fills a line from the dossier: its book’s number, the applicant, the dates and how it ended', () => {
    const line = cells(page([entry()]))
    expect(line.slice(0, 5)).toEqual([
      '7',
      '000.01.21.H49-261201-0003',
      'Đăng ký khai sinh  (1.001193)',
      '01',
      'Nguyễn Thị Lan',
    ])
    expect(line[5]).toContain('Tổ 3, khu 5, phường Hà Khánh')
    expect(line[6]).toBe('UBND phường Hà Khánh')
    expect(line.slice(7, 12)).toEqual([
      '08 giờ 30 phút, ngày 01/12/2026',
      '17 giờ 00 phút, ngày 01/12/2026',
      '08 giờ 30 phút, ngày 01/12/2026',
      '15 giờ 00 phút, ngày 01/12/2026',
      '09 giờ 00 phút, ngày 02/12/2026',
    ])
    expect(line[12]).toBe('')
    expect(line[13]).toBe('Trả đúng hạn')
  })

  it('notes the dossiers that ended otherwise or wait for the applicant, never overdue while paused', () => {
    const open = { doneAt: null, returnedAt: null }
    expect(cells(page([entry({ ...open, status: 7 })]))[13]).toBe('Rút hồ sơ')
    expect(cells(page([entry({ ...open, status: 4 })]))[13]).toBe('Đang giải quyết, quá hạn')
    expect(cells(page([entry({ ...open, status: 5, pausedAt: at('2026-12-01T10:00:00') })]))[13]).toBe(
      'Đang giải quyết, trong hạn; Yêu cầu bổ sung giấy tờ',
    )
  })

  it('says so when nothing was received, and escapes what it prints', () => {
    expect(page([])).toContain('Không có hồ sơ nào được tiếp nhận trong kỳ.')
    const evil = '<script>alert(1)</script>'
    const html = page([entry({ procedureName: evil, applicant: { fullName: evil, address: evil } })])
    expect(html).not.toMatch(/<script/i)
    expect(html).toContain('&lt;script&gt;')
  })
})

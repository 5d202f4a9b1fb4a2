import { DomainError } from '@motcua/core'
import { describe, expect, it } from 'vitest'
import { formSets, isSlipForm, renderSlip, slipKindIn } from './index'
import { at, event, fullLog, receivedThen, slipInput } from './test-support'

// the sample dossier is of December 2026: the forms of Thông tư 03/2025/TT-VPCP
const forms = ['01', '02', '03', '04', '05', '06']
const title = (form: string) => formSets[1]!.titles[slipKindIn(form, formSets[1]!)!]

/** A log in which every form has its event: received, supplement asked, apology, then stopped (and refused). */
const everyEvent = () =>
  receivedThen(
    {
      action: 'requestSupplement',
      at: at('2026-12-01T10:00:00'),
      toStatus: 5,
      data: { missingItems: ['Giấy chứng sinh (bản chính)'], reason: 'Thiếu giấy tờ' },
    },
    {
      action: 'extend',
      at: at('2026-12-02T09:00:00'),
      data: { oldDueAt: at('2026-12-04T17:00:00'), newDueAt: at('2026-12-09T17:00:00'), reason: 'Cần xác minh' },
    },
    {
      action: 'stop',
      at: at('2026-12-03T09:00:00'),
      toStep: null,
      toStatus: 8,
      data: { reason: 'Theo đề nghị của người nộp' },
    },
    {
      action: 'refuse',
      at: at('2026-12-03T10:00:00'),
      toStep: null,
      toStatus: 3,
      data: { reason: 'Không thuộc thẩm quyền' },
    },
  )

describe('every slip', () => {
  it.each(forms)('Mẫu %s is a complete Vietnamese A4 document with the national heading', async (form) => {
    const html = await renderSlip(form, slipInput({ events: everyEvent() }))
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
    expect(html).toContain('<html lang="vi">')
    expect(html).toContain('<meta charset="utf-8">')
    expect(html).toContain('@page { size: A4; margin: 20mm 15mm 20mm 25mm }')
    expect(html).toContain("font-family: 'Times New Roman'")
    expect(html).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
    expect(html).toContain('Độc lập - Tự do - Hạnh phúc')
    expect(html).toContain('UBND THÀNH PHỐ HẠ LONG')
    expect(html).toContain('UBND PHƯỜNG HÀ KHÁNH')
    expect(html).toContain('Mã hồ sơ: <b>000.01.21.H49-261130-0007</b>')
    expect(html).toContain(`<h1 class="title">${title(form)}`)
    expect(html).not.toMatch(/<script/i)
  })

  it.each(forms.filter((f) => f !== '01'))('Mẫu %s prints neither the PIN nor a QR code', async (form) => {
    const html = await renderSlip(form, slipInput({ events: everyEvent() }))
    expect(html).not.toContain('482913')
    expect(html).not.toContain('<svg')
  })

  it('knows its forms, by number or by kind', () => {
    expect(forms.every(isSlipForm)).toBe(true)
    expect(['07', 'control-slip', 'apology'].every(isSlipForm)).toBe(true)
    expect(isSlipForm('08')).toBe(false)
    expect(isSlipForm('toString')).toBe(false)
  })
})

describe('Mẫu 01 Giấy tiếp nhận hồ sơ và hẹn trả kết quả', () => {
  it('prints the receipt, the appointment, the components and the tracking QR code with the PIN', async () => {
    const html = await renderSlip('01', slipInput())
    expect(html).toContain('<h1 class="title">Giấy tiếp nhận hồ sơ và hẹn trả kết quả</h1>')
    expect(html).toContain('Nguyễn Thị Lan')
    expect(html).toContain('022190001234')
    expect(html).toContain('Đăng ký khai sinh')
    expect(html).toContain('2. Số lượng hồ sơ: 01 (bộ); hình thức nộp: trực tuyến')
    expect(html).toContain('Bộ phận tiếp nhận và trả kết quả: <b>UBND phường Hà Khánh</b>')
    expect(html).toContain('4. Thời gian nhận hồ sơ: <b>08 giờ 30 phút, ngày 01/12/2026</b>')
    expect(html).toContain('5. Thời gian trả kết quả giải quyết hồ sơ: <b>17 giờ 00 phút, ngày 04/12/2026</b>')
    expect(html).toContain('Thời gian giải quyết hồ sơ theo quy định là: Ngay trong ngày làm việc')
    expect(html).toContain('Hà Khánh, ngày 01 tháng 12 năm 2026')
    // online: the components the applicant attached, with their files; the unattached one is not listed
    expect(html).toContain('Tờ khai đăng ký khai sinh theo mẫu')
    expect(html).toContain('to-khai-khai-sinh.pdf')
    expect(html).not.toContain('Văn bản ủy quyền')
    expect(html).toMatch(/<svg[^>]*viewBox/)
    expect(html).toContain('https://dichvucong.quangninh.gov.vn/tra-cuu/000.01.21.H49-261130-0007')
    expect(html).toContain('482913')
    expect(html).toContain('Người nộp hồ sơ')
    expect(html).toContain('Người tiếp nhận hồ sơ')
    expect(html).toContain('Trần Văn Minh')
  })

  it('at the counter lists every component with its originals and copies, and leaves the PIN out when there is none', async () => {
    const input = slipInput({ attachments: [], pin: null })
    const html = await renderSlip('01', { ...input, dossier: { ...input.dossier, channel: 1 } })
    expect(html).toContain('Văn bản ủy quyền (nếu nộp thay)')
    expect(html).toMatch(/Giấy chứng sinh<\/td><td class="c">01<\/td>/)
    expect(html).toContain('hình thức nộp: trực tiếp')
    expect(html).not.toContain('Mã tra cứu (PIN)')
    expect(html).toContain('<svg')
  })

  it('at the counter lists what the officer received on paper or scanned, as originals or copies', async () => {
    const [submit, ...rest] = fullLog()
    const received = { to_khai: 'copy', uy_quyen: 'original' }
    const input = slipInput({
      attachments: [{ componentKey: 'giay_chung_sinh', fileName: 'giay-chung-sinh.pdf' }],
      events: [{ ...submit!, data: { ...submit!.data, received } }, ...rest],
    })
    const html = await renderSlip('01', { ...input, dossier: { ...input.dossier, channel: 1 } })
    // a copy of the form (no original), the proxy letter's original, the birth certificate scanned
    expect(html).toMatch(/Tờ khai đăng ký khai sinh theo mẫu<\/td><td class="c"><\/td><td class="c">01<\/td>/)
    expect(html).toMatch(/Văn bản ủy quyền \(nếu nộp thay\)<\/td><td class="c">01<\/td><td class="c"><\/td>/)
    expect(html).toContain('giay-chung-sinh.pdf')
    // nothing else was received
    const withoutReceived = await renderSlip('01', {
      ...input,
      dossier: { ...input.dossier, channel: 1 },
      events: [{ ...submit!, data: { ...submit!.data, received: { to_khai: 'original' } } }, ...rest],
      attachments: [],
    })
    expect(withoutReceived).not.toContain('Giấy chứng sinh')
  })

  it('is refused for a dossier that was never received', async () => {
    const input = slipInput({ events: fullLog().slice(0, 1) })
    await expect(renderSlip('01', input)).rejects.toSatisfy((e) => DomainError.is(e) && e.code === 'CONFLICT')
  })
})

describe('Mẫu 02 Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', () => {
  const request = (missingItems: unknown, extra: Record<string, unknown> = {}) =>
    slipInput({
      events: receivedThen({
        action: 'requestSupplement',
        at: at('2026-12-01T10:15:00'),
        toStatus: 5,
        actorName: 'Lê Thu Hà',
        data: { missingItems, ...extra },
        note: 'Giấy tờ chưa hợp lệ',
      }),
    })

  it('lists everything missing, the reason and the officer', async () => {
    const html = await renderSlip(
      '02',
      request(['Giấy chứng sinh (bản chính)', 'Văn bản ủy quyền có chứng thực', '  ']),
    )
    expect(html).toContain('<li>Giấy chứng sinh (bản chính)</li>')
    expect(html).toContain('<li>Văn bản ủy quyền có chứng thực</li>')
    expect(html.match(/<li>/g)).toHaveLength(2)
    expect(html).toContain('Giấy tờ chưa hợp lệ')
    expect(html).toContain('Lê Thu Hà')
    expect(html).toContain('Người hướng dẫn')
    expect(html).toContain('Hà Khánh, ngày 01 tháng 12 năm 2026')
  })

  it('documents the last request when there were several', async () => {
    const input = slipInput({
      events: receivedThen(
        {
          action: 'requestSupplement',
          at: at('2026-12-01T10:15:00'),
          toStatus: 5,
          data: { missingItems: ['Lần đầu'] },
        },
        { action: 'acceptSupplement', at: at('2026-12-02T08:00:00'), fromStatus: 5, toStatus: 4 },
        {
          action: 'requestSupplement',
          at: at('2026-12-03T09:00:00'),
          toStatus: 5,
          data: { missingItems: ['Lần hai'], reason: 'Bản sao không rõ' },
        },
      ),
    })
    const html = await renderSlip('02', input)
    expect(html).toContain('<li>Lần hai</li>')
    expect(html).not.toContain('Lần đầu')
    expect(html).toContain('Bản sao không rõ')
    expect(html).toContain('ngày 03 tháng 12 năm 2026')
  })

  it('prefers data.reason over the note', async () => {
    const html = await renderSlip('02', request(['X'], { reason: 'Lý do cụ thể' }))
    expect(html).toContain('Lý do cụ thể')
  })

  it('is refused when no supplement was asked', async () => {
    await expect(renderSlip('02', slipInput())).rejects.toSatisfy(
      (e) => DomainError.is(e) && e.code === 'CONFLICT' && e.userMessage.vi.includes('bổ sung'),
    )
  })
})

describe('Mẫu 03 Phiếu từ chối tiếp nhận giải quyết hồ sơ', () => {
  it('gives the reason', async () => {
    const input = slipInput({
      events: [
        ...fullLog().slice(0, 1),
        event(2, {
          action: 'refuse',
          at: at('2026-12-01T09:05:00'),
          fromStep: 'tiep_nhan',
          fromStepName: 'Tiếp nhận hồ sơ',
          toStep: null,
          toStepName: null,
          fromStatus: 1,
          toStatus: 3,
          data: { reason: 'Hồ sơ không thuộc thẩm quyền giải quyết của UBND phường' },
        }),
      ],
    })
    const html = await renderSlip('03', input)
    expect(html).toContain('Hồ sơ không thuộc thẩm quyền giải quyết của UBND phường')
    expect(html).toContain('thông báo không tiếp nhận, giải quyết hồ sơ này')
    expect(html).toContain('Nguyễn Thị Lan')
    expect(html).toContain('Hà Khánh, ngày 01 tháng 12 năm 2026')
  })

  it('is refused for a dossier that was never refused', async () => {
    await expect(renderSlip('03', slipInput())).rejects.toSatisfy((e) => DomainError.is(e) && e.code === 'CONFLICT')
  })
})

describe('Mẫu 04, the apology with a new date', () => {
  it('gives the reason, the old appointment and the new date (as JSON text or dates)', async () => {
    for (const data of [
      {
        oldDueAt: at('2026-12-04T17:00:00'),
        newDueAt: at('2026-12-09T10:00:00'),
        reason: 'Phải xác minh thông tin với nơi cư trú cũ',
      },
      {
        oldDueAt: '2026-12-04T10:00:00.000Z',
        newDueAt: '2026-12-09T03:00:00.000Z',
        reason: 'Phải xác minh thông tin với nơi cư trú cũ',
      },
    ]) {
      const html = await renderSlip(
        '04',
        slipInput({ events: receivedThen({ action: 'extend', at: at('2026-12-03T14:00:00'), data }) }),
      )
      expect(html).toContain('Thời hẹn trả kết quả giải quyết hồ sơ: <b>17 giờ 00 phút, ngày 04/12/2026</b>')
      expect(html).toContain('đề nghị gia hạn thời gian giải quyết hồ sơ đến: <b>10 giờ 00 phút, ngày 09/12/2026</b>')
      expect(html).toContain('Phải xác minh thông tin với nơi cư trú cũ')
      expect(html).toContain('Kính gửi: Ông/Bà Nguyễn Thị Lan')
      expect(html).toContain('Hà Khánh, ngày 03 tháng 12 năm 2026')
    }
  })

  it('is refused when no new date was ever given', async () => {
    await expect(renderSlip('04', slipInput())).rejects.toSatisfy((e) => DomainError.is(e) && e.code === 'CONFLICT')
  })
})

describe('Mẫu 05 Thông báo dừng giải quyết hồ sơ', () => {
  it('gives the reason and when processing stopped', async () => {
    const input = slipInput({
      events: receivedThen({
        action: 'stop',
        at: at('2026-12-02T14:20:00'),
        toStep: null,
        toStepName: null,
        toStatus: 8,
        actorRole: 'leader',
        actorName: 'Phạm Quốc Hùng',
        data: { reason: 'Người nộp đề nghị dừng giải quyết' },
      }),
    })
    const html = await renderSlip('05', input)
    expect(html).toContain('<h1 class="title">Thông báo dừng giải quyết hồ sơ</h1>')
    expect(html).toContain('Người nộp đề nghị dừng giải quyết')
    expect(html).toContain('14 giờ 20 phút, ngày 02/12/2026')
    expect(html).toContain('Phạm Quốc Hùng')
  })

  it('is refused when processing never stopped', async () => {
    await expect(renderSlip('05', slipInput())).rejects.toSatisfy((e) => DomainError.is(e) && e.code === 'CONFLICT')
  })
})

describe('Mẫu 06 Phiếu kiểm soát quá trình giải quyết hồ sơ', () => {
  it('is refused for an empty log', async () => {
    await expect(renderSlip('06', slipInput({ events: [] }))).rejects.toSatisfy(
      (e) => DomainError.is(e) && e.code === 'CONFLICT',
    )
  })
})

describe('HTML escaping', () => {
  const evil = '<script>alert(1)</script>'

  it.each(forms)('Mẫu %s escapes every interpolated value', async (form) => {
    const input = slipInput({
      events: receivedThen(
        {
          action: 'requestSupplement',
          at: at('2026-12-01T10:00:00'),
          toStatus: 5,
          actorName: evil,
          data: { missingItems: [evil, '<img src=x onerror=alert(1)>'], reason: evil },
        },
        {
          action: 'extend',
          at: at('2026-12-02T09:00:00'),
          data: { oldDueAt: at('2026-12-04T17:00:00'), newDueAt: at('2026-12-09T17:00:00'), reason: evil },
        },
        { action: 'stop', at: at('2026-12-03T09:00:00'), toStep: null, toStatus: 8, note: evil, fromStepName: evil },
        {
          action: 'refuse',
          at: at('2026-12-03T10:00:00'),
          actionLabel: evil,
          toStep: null,
          toStatus: 3,
          data: { reason: evil },
        },
      ),
      trackUrl: 'https://example.vn/t?a=1&b="><script>alert(1)</script>',
      pin: '<b>1</b>',
      officerName: evil,
    })
    const base = input.dossier
    const html = await renderSlip(form, {
      ...input,
      dossier: {
        ...base,
        receiptCode: `X-${evil}`,
        applicant: { fullName: evil, address: evil, phone: evil, email: evil, idNumber: evil },
      },
      procedure: {
        ...input.procedure,
        name: evil,
        code: evil,
        processingTimeText: evil,
        components: [{ key: 'to_khai', name: evil, originals: 1 }],
      },
      attachments: [{ componentKey: 'to_khai', fileName: evil }],
      unit: { ...input.unit, name: `Phường ${evil}`, parentName: evil },
    })
    expect(html).not.toMatch(/<script|<img|<b>1<\/b>/i)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })
})

describe('time zone', () => {
  it('prints Vietnam local dates whatever the host timezone', async () => {
    const previous = process.env.TZ
    process.env.TZ = 'America/Los_Angeles'
    try {
      const html = await renderSlip('01', slipInput())
      expect(html).toContain('08 giờ 30 phút, ngày 01/12/2026')
      expect(html).toContain('ngày 01 tháng 12 năm 2026')
    } finally {
      process.env.TZ = previous
    }
  })
})

describe('the set of forms in force on the reception date', () => {
  const apology = (receivedAt: Date) => {
    const input = slipInput({
      events: receivedThen({
        action: 'extend',
        at: at('2026-12-03T14:00:00'),
        data: { oldDueAt: at('2026-12-04T17:00:00'), newDueAt: at('2026-12-09T10:00:00'), reason: 'Chờ xác minh' },
      }),
    })
    return { ...input, dossier: { ...input.dossier, receivedAt, submittedAt: receivedAt } }
  }
  const in2024 = apology(at('2024-05-06T09:00:00'))
  const in2026 = apology(at('2026-12-01T08:30:00'))
  const h1 = (html: string) => /<h1 class="title">([^<]*)<\/h1>/.exec(html)?.[1]

  it('titles and words the apology of a 2024 dossier as Thông tư 01/2018, of a 2026 one as Thông tư 03/2025', async () => {
    const old = await renderSlip('04', in2024)
    expect(h1(old)).toBe('Phiếu xin lỗi và hẹn lại ngày trả kết quả')
    expect(old).toContain('hẹn trả kết quả giải quyết hồ sơ vào: <b>10 giờ 00 phút, ngày 09/12/2026</b>')
    expect(old).toContain('Ngày 06/05/2024, UBND phường Hà Khánh tiếp nhận')
    const current = await renderSlip('04', in2026)
    expect(h1(current)).toBe('Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết')
    expect(current).not.toContain('hẹn trả kết quả giải quyết hồ sơ vào')
  })

  it('reads a form number in the dossier’s own set: 05 is the control slip in 2024, the stop notice in 2026', async () => {
    expect(h1(await renderSlip('05', in2024))).toBe('Phiếu kiểm soát quá trình giải quyết hồ sơ')
    await expect(renderSlip('05', in2026)).rejects.toSatisfy((e) => DomainError.is(e) && e.code === 'CONFLICT') // never stopped
    expect(h1(await renderSlip('06', in2026))).toBe('Phiếu kiểm soát quá trình giải quyết hồ sơ')
    expect(h1(await renderSlip('control-slip', in2024))).toBe('Phiếu kiểm soát quá trình giải quyết hồ sơ')
  })

  it('sends the register’s number (06 in 2024, 07 in 2026) to the unit’s register, and refuses a number a set has not', async () => {
    for (const [form, input] of [
      ['06', in2024],
      ['07', in2026],
    ] as const)
      await expect(renderSlip(form, input)).rejects.toSatisfy(
        (e) => DomainError.is(e) && e.code === 'NOT_FOUND' && e.userMessage.vi.includes('Sổ theo dõi hồ sơ'),
      )
    await expect(renderSlip('07', in2024)).rejects.toSatisfy(
      (e) => DomainError.is(e) && e.code === 'NOT_FOUND' && e.userMessage.vi.includes('Thông tư 01/2018/TT-VPCP'),
    )
  })

  it('heads a stop notice before 2025 as an administrative notice, the 2018 set having no such form', async () => {
    const stopped = apology(at('2024-05-06T09:00:00'))
    stopped.events = receivedThen({ action: 'stop', at: at('2024-05-07T09:00:00'), toStep: null, toStatus: 8 })
    const html = await renderSlip('stop-notice', stopped)
    expect(h1(html)).toBe('Thông báo')
    expect(html).toContain('Về việc dừng giải quyết hồ sơ')
  })

  it('follows the submission date when the dossier was never received', async () => {
    const refused = slipInput({
      events: [fullLog()[0]!, event(2, { action: 'refuse', at: at('2025-09-15T08:00:00'), toStatus: 3 })],
    })
    const input = {
      ...refused,
      dossier: { ...refused.dossier, receivedAt: null, submittedAt: at('2025-09-14T23:30:00') },
    }
    expect(await renderSlip('03', input)).toContain('Phiếu từ chối tiếp nhận giải quyết hồ sơ')
    await expect(renderSlip('06', input)).rejects.toSatisfy((e) => DomainError.is(e) && e.code === 'NOT_FOUND') // 2018 set
  })

  it('prints the register line on the receipt, with the book and line when known', async () => {
    expect(await renderSlip('01', slipInput())).toContain('Vào Sổ theo dõi hồ sơ, Quyển số: ……………, Số thứ tự: ……………')
    expect(await renderSlip('01', slipInput({ register: { book: '2026', line: 15 } }))).toContain(
      'Vào Sổ theo dõi hồ sơ, Quyển số: 2026, Số thứ tự: 15',
    )
  })
})

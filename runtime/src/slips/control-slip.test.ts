import { describe, expect, it } from 'vitest'
import { stepDeadline, stepTimeliness, unitStints } from './control-slip'
import { renderSlip } from './render-slip'
import { at, event, fullLog, receivedThen, slipInput } from './test-support'

const rows = (html: string) =>
  [...html.matchAll(/<tr data-seq="(\d+)">([\s\S]*?)<\/tr>/g)].map((m) => ({ seq: Number(m[1]), html: m[2]! }))
const cells = (row: string) => [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1]!)

describe('Mẫu 06 Phiếu kiểm soát quá trình giải quyết hồ sơ', () => {
  it('has one row per event of the log, in order', async () => {
    const html = await renderSlip('06', slipInput())
    expect(rows(html).map((r) => r.seq)).toEqual([1, 2, 3, 4, 5])
    expect(html).toContain('Phiếu kiểm soát quá trình giải quyết hồ sơ')
    expect(html).toContain('Kết quả (trước hạn/ đúng hạn/ quá hạn)')
  })

  it('marks each hand-over against the deadline the previous event set for the step', async () => {
    const html = await renderSlip('06', slipInput())
    const marks = rows(html).map((r) =>
      cells(r.html)[5]!
        .replace(/<div[\s\S]*$/, '')
        .replace(/<[^>]+>/g, ''),
    )
    // submit and receive: no step deadline yet; appraisal done on the due day; approval after it; returned a day early
    expect(marks).toEqual(['', '', 'Đúng hạn', 'Quá hạn', 'Trước hạn'])
    expect(cells(rows(html)[3]!.html)[5]).toContain('(hạn: 11 giờ 30 phút, ngày 03/12/2026)')
  })

  it('names the step, the time, who handed over and who took over', async () => {
    const [submit, receive, forward, , returned] = rows(await renderSlip('06', slipInput())).map((r) => cells(r.html))
    expect(submit![1]).toContain('Giao: Người nộp hồ sơ')
    expect(submit![1]).toContain('Nhận: Tiếp nhận hồ sơ')
    expect(submit![3]).toBe('Nguyễn Thị Lan')
    expect(submit![4]).toBe('Trần Văn Minh') // the officer who received it next
    expect(receive![1]).toContain('<b>Tiếp nhận</b>')
    expect(receive![2]).toBe('08 giờ 30 phút, ngày 01/12/2026')
    expect(receive![3]).toBe('Trần Văn Minh')
    expect(receive![4]).toBe('Lê Thu Hà')
    expect(forward![6]).toBe('Hồ sơ đủ điều kiện')
    expect(returned![1]).toContain('Nhận: Người nộp hồ sơ')
    expect(returned![4]).toBe('Nguyễn Thị Lan')
    expect(returned![6]).toContain('Trả tại Bộ phận một cửa')
  })

  it('sums up the status and the overall timeliness', async () => {
    const html = await renderSlip('06', slipInput())
    expect(html).toContain('Trạng thái hồ sơ: <b>Đã trả kết quả</b>; tiến độ: <b>Trước hạn</b>')
    expect(html).toContain('Hà Khánh, ngày 04 tháng 12 năm 2026') // printed now
  })

  it('never calls a dossier overdue while its clock is stopped for the applicant', async () => {
    const waiting = slipInput({
      events: receivedThen({ action: 'requestSupplement', at: at('2026-12-02T09:00:00'), toStatus: 5 }),
      now: at('2026-12-10T09:00:00'), // days after the deadline of 04/12
    })
    waiting.dossier = {
      ...waiting.dossier,
      status: 5,
      doneAt: null,
      returnedAt: null,
      pausedAt: at('2026-12-02T09:00:00'),
    }
    expect(await renderSlip('06', waiting)).toContain('tiến độ: <b>Đang giải quyết, còn trong hạn</b>')
    waiting.dossier.pausedAt = null
    expect(await renderSlip('06', waiting)).toContain('tiến độ: <b>Đang giải quyết, đã quá hạn</b>')
  })
})

describe('step deadlines', () => {
  it('is the previous event’s stepDueAt', () => {
    const log = fullLog()
    expect(stepDeadline(log, 0)).toBeNull()
    expect(stepDeadline(log, 1)).toBeNull()
    expect(stepDeadline(log, 2)).toEqual(at('2026-12-02T17:00:00'))
  })

  it('carries over a payment or an apology, which leave the step’s clock alone', () => {
    const log = receivedThen(
      { action: 'requestPayment', at: at('2026-12-01T09:00:00'), toStatus: 6 },
      { action: 'confirmPayment', at: at('2026-12-01T10:00:00'), fromStatus: 6 },
      { action: 'forward', at: at('2026-12-03T08:00:00'), toStep: 'phe_duyet', toStepName: 'Phê duyệt' },
    )
    expect(stepDeadline(log, 4)).toEqual(at('2026-12-02T17:00:00'))
    expect(stepTimeliness(log, 4, at('2026-12-04T00:00:00'))).toBe('late')
    expect(stepTimeliness(log, 2, at('2026-12-04T00:00:00'))).toBe('early')
  })

  it('does not guess past a supplement request, which stopped the clock', () => {
    const log = receivedThen(
      { action: 'requestSupplement', at: at('2026-12-01T09:00:00'), toStatus: 5, data: { missingItems: ['X'] } },
      { action: 'acceptSupplement', at: at('2026-12-07T09:00:00'), fromStatus: 5 },
      { action: 'forward', at: at('2026-12-07T10:00:00'), toStep: 'phe_duyet', toStepName: 'Phê duyệt' },
    )
    expect(stepTimeliness(log, 2, at('2026-12-08T00:00:00'))).toBe('early')
    expect(stepTimeliness(log, 3, at('2026-12-08T00:00:00'))).toBeNull()
    expect(stepTimeliness(log, 4, at('2026-12-08T00:00:00'))).toBeNull()
  })

  it('does not guess past a payment request that stopped the clock either', () => {
    const log = receivedThen(
      { action: 'requestPayment', at: at('2026-12-01T09:00:00'), toStatus: 6 },
      {
        action: 'confirmPayment',
        at: at('2026-12-07T09:00:00'),
        fromStatus: 6,
        data: { pausedFrom: '2026-12-01T02:00:00.000Z' },
      },
      { action: 'forward', at: at('2026-12-07T10:00:00'), toStep: 'phe_duyet', toStepName: 'Phê duyệt' },
    )
    expect(stepTimeliness(log, 4, at('2026-12-08T00:00:00'))).toBeNull()
  })

  it('reads a stepDueAt that arrived as JSON text', () => {
    const log = fullLog()
    log[1] = { ...log[1]!, stepDueAt: '2026-12-02T10:00:00.000Z' as unknown as Date }
    expect(stepTimeliness(log, 2, at('2026-12-04T00:00:00'))).toBe('onTime')
  })
})

describe('the units’ turns on the control slip (liên thông)', () => {
  const centre = { id: 'c', code: 'TTPVHCC', name: 'Trung tâm Phục vụ hành chính công tỉnh' }
  const department = { id: 'd', code: 'STP', name: 'Sở Tư pháp' }
  const hand = (action: 'handOver' | 'handBack', from: typeof centre, to: typeof centre, when: string) => ({
    action,
    actionLabel: `Chuyển hồ sơ đến ${to.name}`,
    at: at(when),
    data: { fromUnit: from, toUnit: to },
  })
  // received at the centre, appraised by the department after its deadline (03/12 11:30), returned at the centre
  const log = () => {
    const [submit, receive, forward, approve, returned] = fullLog()
    return [
      submit!,
      receive!,
      event(3, hand('handOver', centre, department, '2026-12-01T08:30:00')),
      forward!,
      approve!,
    ]
      .concat(event(6, hand('handBack', department, centre, '2026-12-03T15:00:00')), returned!)
      .map((e, i) => ({ ...e, seq: i + 1 }))
  }

  it('lists each unit’s turn with who handed over, when, and its own verdict', () => {
    expect(unitStints(log(), at('2026-12-04T09:00:00'))).toEqual([
      {
        unit: centre.name,
        receivedAt: at('2026-11-30T16:10:00'),
        receivedFrom: 'Người nộp hồ sơ',
        handedAt: at('2026-12-01T08:30:00'),
        handedTo: department.name,
        timeliness: null,
      },
      {
        unit: department.name,
        receivedAt: at('2026-12-01T08:30:00'),
        receivedFrom: centre.name,
        handedAt: at('2026-12-03T15:00:00'),
        handedTo: centre.name,
        timeliness: 'late', // appraisal on time, approval after its deadline: the worst decides
      },
      {
        unit: centre.name,
        receivedAt: at('2026-12-03T15:00:00'),
        receivedFrom: department.name,
        handedAt: at('2026-12-03T16:30:00'),
        handedTo: 'Người nộp hồ sơ',
        timeliness: 'early',
      },
    ])
  })

  it('never marks a hand-over itself, and marks the step after it against the step’s own deadline', async () => {
    const html = await renderSlip('06', slipInput({ events: log() }))
    const marks = rows(html).map((r) =>
      cells(r.html)[5]!
        .replace(/<div[\s\S]*$/, '')
        .replace(/<[^>]+>/g, ''),
    )
    expect(marks).toEqual(['', '', '', 'Đúng hạn', 'Quá hạn', '', 'Trước hạn'])
    expect(html).toContain('Giao, nhận hồ sơ giữa các cơ quan (liên thông)')
    expect(cells(rows(html)[2]!.html)[1]).toContain('Giao: Trung tâm Phục vụ hành chính công tỉnh<br>Nhận: Sở Tư pháp')
  })

  it('has no units’ table when one unit did everything', async () => {
    expect(await renderSlip('06', slipInput())).not.toContain('data-unit=')
  })
})

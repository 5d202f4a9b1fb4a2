import { describe, expect, it } from 'vitest'
import { sampleDefinition } from '../definition/test-fixture'
import { createCalendar } from '../time/calendar'
import { statutoryCalendar } from '../time/holidays'
import { formatLocal } from '../time/local-time'
import { daysOffBetween, mainPath, testRun } from './test-run'

const vn = createCalendar(statutoryCalendar(2024, 2027))
const local = (d: Date | null) => (d === null ? null : formatLocal(d))

describe('testRun', () => {
  it('walks the main path of the base steps, each step starting when the previous one is due', () => {
    const run = testRun(sampleDefinition(), vn, new Date('2025-04-28T09:00:00+07:00'))
    expect(run.case).toBeNull()
    expect(run.total).toEqual({ kind: 'sameDay', value: '15:00', due: new Date('2025-04-28T17:00:00+07:00') })
    expect(run.steps.map((s) => [s.key, local(s.from), local(s.due)])).toEqual([
      ['tiep_nhan', '2025-04-28T09:00:00+07:00', '2025-04-28T10:00:00+07:00'],
      ['xu_ly', '2025-04-28T10:00:00+07:00', '2025-04-28T16:00:00+07:00'], // over the lunch break
      ['phe_duyet', '2025-04-28T16:00:00+07:00', '2025-04-29T08:00:00+07:00'],
      ['tra_ket_qua', '2025-04-29T08:00:00+07:00', '2025-04-29T09:00:00+07:00'],
    ])
    expect(run.steps[0]).toMatchObject({
      name: 'Tiếp nhận hồ sơ',
      role: 'receiving_officer',
      budget: { kind: 'workingHours', hours: 1 },
    })
  })

  it('shows a 4-working-day step started on the Friday before Tết ending after Tết, with the days off it crosses', () => {
    const run = testRun(sampleDefinition(), vn, new Date('2026-02-13T10:00:00+07:00'), {
      formData: { can_xac_minh: true },
    })
    expect(run.case).toBe('can_xac_minh')
    expect(run.total).toMatchObject({ kind: 'workingDays', value: 5 })
    expect(local(run.total.due)).toBe('2026-02-27T10:00:00+07:00')
    const verify = run.steps[1]!
    expect(verify.key).toBe('xac_minh')
    expect(local(verify.from)).toBe('2026-02-13T16:00:00+07:00')
    expect(local(verify.due)).toBe('2026-02-26T16:00:00+07:00')
    expect(verify.daysOff.map((d) => [d.date, d.kind])).toEqual([
      ['2026-02-14', 'weekend'],
      ['2026-02-15', 'weekend'],
      ['2026-02-16', 'holiday'],
      ['2026-02-17', 'holiday'],
      ['2026-02-18', 'holiday'],
      ['2026-02-19', 'holiday'],
      ['2026-02-20', 'holiday'],
      ['2026-02-21', 'weekend'],
      ['2026-02-22', 'weekend'],
    ])
    expect(verify.daysOff[0]!.name).toBe('Thứ bảy')
    expect(verify.daysOff[2]!.name).toMatch(/Tết/)
    expect(run.steps[0]!.daysOff).toEqual([])
  })

  it('lists a make-up working day as such, and a step with no budget takes no time', () => {
    const cal = createCalendar({
      holidays: [{ date: '2025-05-02', name: 'Nghỉ hoán đổi' }],
      makeUpDays: [{ date: '2025-04-26', name: 'Làm bù cho ngày 2/5' }],
    })
    expect(daysOffBetween(cal, new Date('2025-04-25T16:00:00+07:00'), new Date('2025-05-03T09:00:00+07:00'))).toEqual([
      { date: '2025-04-26', name: 'Làm bù cho ngày 2/5', kind: 'makeUp' },
      { date: '2025-04-27', name: 'Chủ nhật', kind: 'weekend' },
      { date: '2025-05-02', name: 'Nghỉ hoán đổi', kind: 'holiday' },
      { date: '2025-05-03', name: 'Thứ bảy', kind: 'weekend' },
    ])
    const def = sampleDefinition()
    delete def.steps[1]!.budget
    const run = testRun(def, vn, new Date('2025-04-28T09:00:00+07:00'))
    expect(run.steps[1]).toMatchObject({ key: 'xu_ly', due: null, daysOff: [] })
    expect(local(run.steps[2]!.from)).toBe('2025-04-28T10:00:00+07:00')
  })

  it('follows the first action that leads to another step, and stops at a loop', () => {
    const def = sampleDefinition()
    expect(mainPath(def.steps).map((s) => s.key)).toEqual(['tiep_nhan', 'xu_ly', 'phe_duyet', 'tra_ket_qua'])
    def.steps[3]!.actions = [{ key: 'lai', type: 'sendBack', label: 'Lại', to: 'xu_ly', requires: ['note'] }]
    expect(mainPath(def.steps).map((s) => s.key)).toEqual(['tiep_nhan', 'xu_ly', 'phe_duyet', 'tra_ket_qua'])
  })
})

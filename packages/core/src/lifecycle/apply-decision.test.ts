import { describe, expect, it } from 'vitest'
import { decisionsDefinition } from '../definition/decisions-fixture'
import { DomainError } from '../errors'
import { computeDue, createCalendar, dueAfterResume, statutoryCalendar } from '../time'
import { type ActionContext, applyAction, availableActions } from './index'
import type { ActionInputs, DossierState } from './types'

const calendar = createCalendar(statutoryCalendar(2024, 2027))
const vn = (local: string) => new Date(`${local}+07:00`)
const form = { giay_to: [{ ten: 'Bằng tốt nghiệp', so_trang: 2 }] }
const def = decisionsDefinition()
const act = (
  state: DossierState,
  key: string,
  now: string,
  inputs: ActionInputs = {},
  extra: Partial<ActionContext> = {},
) => applyAction(def, state, key, inputs, { calendar, now: vn(now), formData: form, ...extra })
const submitted: DossierState = {
  status: 1,
  currentStep: 'tiep_nhan',
  caseKey: null,
  receivedAt: null,
  dueAt: null,
  pausedAt: null,
  doneAt: null,
  returnedAt: null,
}
function refusal(fn: () => unknown): DomainError {
  try {
    fn()
  } catch (error) {
    if (DomainError.is(error)) return error
    throw error
  }
  throw new Error('expected the action to be refused')
}
// received Monday 5/5/2025 09:00, same day (cutoff 15:00): due 17:00 that day (the base case)
const received = () => act(submitted, 'tiep_nhan', '2025-05-05T09:00:00').next
const atSigning = () => act(received(), 'trinh_ky', '2025-05-05T10:00:00').next

describe('applyAction: officer decisions', () => {
  it('offers each action’s input schema, the case field limited to the cases and labelled with their names', () => {
    const choose = availableActions(def, received()).find((a) => a.key === 'chuyen_xac_minh')
    expect(choose).toMatchObject({
      setsCase: true,
      input: {
        type: 'object',
        required: ['case'],
        additionalProperties: false,
        properties: { case: { type: 'string', title: 'Trường hợp', enum: ['can_xac_minh'] } },
      },
      inputUi: { case: { 'ui:enumNames': ['Cần xác minh'] } },
    })
    expect(availableActions(def, atSigning()).find((a) => a.key === 'duyet')).toMatchObject({
      input: { required: ['so_van_ban', 'ket_luan'] },
      inputUi: { ket_luan: { 'ui:widget': 'radio' } },
    })
  })

  it('refuses input that does not fit the schema, every problem at its /input path, in Vietnamese', () => {
    const error = refusal(() =>
      act(atSigning(), 'duyet', '2025-05-05T11:00:00', {
        input: { so_van_ban: '12-UBND', ngay_ky: '31/5/2025', them: 1 },
      }),
    )
    expect(error.code).toBe('INVALID_DATA')
    expect(error.issues.map((i) => [i.code, i.path])).toEqual([
      ['required', '/input/ket_luan'],
      ['additionalProperties', '/input/them'],
      ['pattern', '/input/so_van_ban'],
      ['format', '/input/ngay_ky'],
    ])
    expect(error.issues[0]!.message.vi).toBe('Vui lòng nhập thông tin bắt buộc này')
  })

  it('refuses input for an action that asks none', () => {
    const error = refusal(() => act(received(), 'trinh_ky', '2025-05-05T10:00:00', { input: { x: 1 } }))
    expect(error.issues.map((i) => [i.code, i.path])).toEqual([['input.notExpected', '/input']])
  })

  it('stores the decision on the dossier and in the event; a route reads it', () => {
    const signed = act(atSigning(), 'duyet', '2025-05-05T11:00:00', {
      input: { so_van_ban: '125/UBND', ket_luan: 'dat' },
    })
    expect(signed.next).toMatchObject({
      currentStep: 'tra_ket_qua',
      decisions: { duyet: { so_van_ban: '125/UBND', ket_luan: 'dat' } },
    })
    expect(signed.event.data.decision).toEqual({ so_van_ban: '125/UBND', ket_luan: 'dat' })
    const negative = act(atSigning(), 'duyet', '2025-05-05T11:00:00', {
      input: { so_van_ban: '126/UBND', ket_luan: 'khong_dat' },
    })
    expect(negative.next.currentStep).toBe('xu_ly')
    expect(negative.event.toStep).toBe('xu_ly')
  })

  it('a later guard depends on a decision taken before', () => {
    const atReturn = act(atSigning(), 'duyet', '2025-05-05T11:00:00', {
      input: { so_van_ban: '125/UBND', ket_luan: 'dat' },
    }).next
    expect(act(atReturn, 'tra', '2025-05-05T14:00:00', { deliveryMethod: 'counter' }).next.status).toBe(10)
    const withoutNumber = { ...atReturn, decisions: {} }
    expect(refusal(() => act(withoutNumber, 'tra', '2025-05-05T14:00:00', { deliveryMethod: 'counter' })).code).toBe(
      'CONFLICT',
    )
  })

  it('the officer’s choice of case moves the due date: the case’s time from reception, the clock’s stops replayed', () => {
    const stop = { from: vn('2025-05-05T09:30:00'), to: vn('2025-05-06T09:30:00') } // one working day stopped
    const chosen = act(
      { ...received(), dueAt: dueAfterResume(calendar, vn('2025-05-05T17:00:00'), stop.from, stop.to) },
      'chuyen_xac_minh',
      '2025-05-06T10:00:00',
      { note: 'Chưa tra cứu được trên cơ sở dữ liệu', input: { case: 'can_xac_minh' } },
      { clockStops: [stop] },
    )
    // 5 working days from Monday 09:00 is Monday 12/5 09:00, plus the working day stopped
    const expected = dueAfterResume(
      calendar,
      computeDue(calendar, vn('2025-05-05T09:00:00'), { kind: 'workingDays', days: 5 })!,
      stop.from,
      stop.to,
    )
    expect(expected).toEqual(vn('2025-05-13T09:00:00'))
    expect(chosen.next).toMatchObject({ caseKey: 'can_xac_minh', currentStep: 'xac_minh', dueAt: expected })
    expect(chosen.event.data.caseChange).toEqual({
      from: null,
      to: 'can_xac_minh',
      name: 'Cần xác minh',
      nameEn: null,
      oldDueAt: vn('2025-05-06T17:00:00'),
      newDueAt: expected,
    })
    expect(chosen.event).toMatchObject({ note: 'Chưa tra cứu được trên cơ sở dữ liệu', toStep: 'xac_minh' })
    // the case's own steps from there
    expect(availableActions(def, chosen.next).map((a) => a.key)).toContain('xong')
  })

  it('refuses a case that is not offered', () => {
    const error = refusal(() =>
      act(received(), 'chuyen_xac_minh', '2025-05-05T10:00:00', { note: 'x', input: { case: 'khong_co' } }),
    )
    expect(error.issues.map((i) => i.path)).toEqual(['/input/case'])
  })
})

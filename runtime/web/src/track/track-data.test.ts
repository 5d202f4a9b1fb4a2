import { describe, expect, it } from 'vitest'
import type { TimelineEntry } from '../lib/types'
import { bankName, fileIssues, missingItems, requestedAmount, supplementAnswer, uploadOrder } from './track-data'

const entry = (action: string, data?: Record<string, unknown>): TimelineEntry => ({
  at: '2026-11-28T03:00:00Z',
  action,
  actionName: { vi: action, en: action },
  status: 4,
  statusName: { vi: 'Đang xử lý', en: 'Being processed' },
  step: null,
  ...(data ? { data } : {}),
})

describe('reading what the office asked for from the timeline', () => {
  it('lists the missing items of the latest supplement request, trimmed, ignoring junk', () => {
    const timeline = [
      entry('submit'),
      entry('requestSupplement', { missingItems: ['Cũ'] }),
      entry('acceptSupplement'),
      entry('requestSupplement', { missingItems: [' Bản sao căn cước ', '', 3, 'Giấy ủy quyền'] }),
    ]
    expect(missingItems(timeline)).toEqual(['Bản sao căn cước', 'Giấy ủy quyền'])
    expect(missingItems([entry('submit')])).toEqual([])
    expect(missingItems([entry('requestSupplement')])).toEqual([]) // the public view carries no data
  })

  it('takes the amount of the latest payment request only when it is a positive whole number', () => {
    expect(
      requestedAmount([entry('requestPayment', { amount: 16000 }), entry('requestPayment', { amount: 100000 })]),
    ).toBe(100000)
    expect(requestedAmount([entry('requestPayment', { amount: '100000' })])).toBeUndefined()
    expect(requestedAmount([entry('requestPayment', { amount: 0 })])).toBeUndefined()
    expect(requestedAmount([entry('requestPayment')])).toBeUndefined()
  })

  it('knows whether the current supplement request was answered', () => {
    expect(supplementAnswer([entry('requestSupplement')])).toBeUndefined()
    expect(supplementAnswer([entry('requestSupplement'), entry('supplementSubmitted')])?.action).toBe(
      'supplementSubmitted',
    )
    // An answer to an earlier request does not answer a new one.
    expect(
      supplementAnswer([
        entry('requestSupplement'),
        entry('supplementSubmitted'),
        entry('acceptSupplement'),
        entry('requestSupplement'),
      ]),
    ).toBeUndefined()
  })
})

describe('sending a supplement', () => {
  it('orders the files as the runtime reads them, so its issues point at the right file', () => {
    const rows = [
      { id: 1, componentKey: 'a' },
      { id: 2, componentKey: 'b' },
      { id: 3, componentKey: 'a' },
    ]
    const ordered = uploadOrder(rows)
    expect(ordered.map((r) => r.id)).toEqual([1, 3, 2])
    const issues = fileIssues([
      { code: 'file.type', path: '/attachments/2', message: { vi: 'Sai định dạng', en: 'Wrong type' } },
      { code: 'required', path: '/note', message: { vi: 'x', en: 'x' } },
    ])
    expect([...issues.keys()]).toEqual([2])
    expect(ordered[2]!.id).toBe(2)
  })

  it('names the common collection banks by BIN', () => {
    expect(bankName('970415')).toBe('VietinBank')
    expect(bankName('999999')).toBeUndefined()
  })
})

import { describe, expect, it } from 'vitest'
import { slipFor, slipsOf } from './slips'

describe('the slips an officer prints', () => {
  it('offers the slip that goes with each action', () => {
    expect(slipFor('receive')).toBe('receipt')
    expect(slipFor('return')).toBe('receipt')
    expect(slipFor('refuse')).toBe('refusal')
    expect(slipFor('extend')).toBe('apology')
    expect(slipFor('forward')).toBeNull()
  })

  it('lists only the slips whose event has happened, and always the control slip', () => {
    const e = (action: string, fromStatus: number, toStatus: number) => ({ action, fromStatus, toStatus, data: {} })
    expect(slipsOf([e('submit', 1, 1)])).toEqual(['control-slip'])
    // a procedure's own keys are read by the status they led to
    expect(slipsOf([e('submit', 1, 1), e('receive', 1, 2), e('yeu_cau', 2, 5)])).toEqual([
      'receipt',
      'supplement-request',
      'control-slip',
    ])
  })
})

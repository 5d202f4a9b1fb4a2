import { describe, expect, it } from 'vitest'
import { failureBurst } from './failure-burst'

describe('failureBurst', () => {
  it('logs the first failure of a burst only, and again after a success', () => {
    const burst = failureBurst('test loop failed')
    const lost = Object.assign(new Error('x'), { code: 'ECONNREFUSED' })
    expect([burst.failed(lost), burst.failed(lost), burst.failed(lost)]).toEqual([true, false, false])
    burst.succeeded()
    expect([burst.failed(lost), burst.failed(lost)]).toEqual([true, false])
  })
})

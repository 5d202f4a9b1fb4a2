import { describe, expect, it } from 'vitest'
import { matchPath } from './match-path'

describe('routes', () => {
  it('matches parameters, including codes with dots', () => {
    expect(matchPath('/thu-tuc/:code', '/thu-tuc/1.001193')).toEqual({ code: '1.001193' })
    expect(matchPath('/thu-tuc/:code/nop-ho-so', '/thu-tuc/1.001193/nop-ho-so/')).toEqual({ code: '1.001193' })
    expect(matchPath('/tra-cuu/:code', '/tra-cuu/000.00.21.H49-261128-0001')).toEqual({
      code: '000.00.21.H49-261128-0001',
    })
    expect(matchPath('/thu-tuc/:code', '/thu-tuc/1.001193/nop-ho-so')).toBeNull()
    expect(matchPath('/', '/')).toEqual({})
    expect(matchPath('/thu-tuc/:code', '/thu-tuc/%E0%A4%A')).toBeNull()
  })
})

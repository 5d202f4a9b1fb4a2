import { describe, expect, it } from 'vitest'
import { readDefinition } from './read-definition'

describe('an imported procedure.json', () => {
  it('is read when it parses to an object with a code (a byte order mark is fine)', () => {
    expect(readDefinition('\uFEFF{"code":"1.001193","name":"Đăng ký khai sinh"}')).toMatchObject({
      ok: true,
      code: '1.001193',
      name: 'Đăng ký khai sinh',
    })
  })

  it('says why it cannot be used otherwise', () => {
    expect(readDefinition('{"code": "1.0",')).toMatchObject({ ok: false, problem: 'notJson' })
    expect(readDefinition('[1, 2]')).toMatchObject({ ok: false, problem: 'notObject' })
    expect(readDefinition('{"name": "Không mã"}')).toMatchObject({ ok: false, problem: 'noCode' })
  })
})

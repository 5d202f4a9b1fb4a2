import type { RJSFSchema } from '@motcua/forms'
import { describe, expect, it } from 'vitest'
import { formSchema, secretText } from './plugin-schema'

const schema: RJSFSchema = {
  type: 'object',
  properties: {
    bankBin: { type: 'string', description: 'Mã BIN ngân hàng nhận' },
    accountName: { type: 'string', title: 'Tên chủ tài khoản', description: 'Như trên sổ ngân hàng' },
    webhookSecret: { type: 'string', writeOnly: true, description: 'Khóa bí mật' },
  },
  required: ['bankBin', 'webhookSecret'],
}

describe("a plugin's configuration form", () => {
  it('leaves the secrets out of the form, and labels fields by their description when they have no title', () => {
    const form = formSchema(schema, ['webhookSecret'])
    expect(Object.keys(form.properties!)).toEqual(['bankBin', 'accountName'])
    expect(form.required).toEqual(['bankBin'])
    expect(form.properties!.bankBin).toEqual({ type: 'string', title: 'Mã BIN ngân hàng nhận' })
    expect(form.properties!.accountName).toEqual(schema.properties!.accountName)
  })

  it('names a secret by its title or description', () => {
    expect(secretText(schema, 'webhookSecret')).toEqual({ label: 'Khóa bí mật' })
  })
})

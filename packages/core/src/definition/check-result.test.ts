import { describe, expect, it } from 'vitest'
import type { ProcedureDefinition } from './procedure-definition.generated'
import { resultSample } from './result-fixture'
import { validateDefinition } from './validate-definition'

type Break = (def: ProcedureDefinition) => void
const doc = (def: ProcedureDefinition) => def.resultDocument!

const broken: [name: string, breakIt: Break, expected: [string, string][]][] = [
  [
    'a placeholder for a form field that does not exist',
    (def) => void (doc(def).blocks[0]!.text = '{{form.nguoi_yeu_cau.hoten}}'),
    [['template.unknownPath', '/resultDocument/blocks/0/text']],
  ],
  [
    'a placeholder for result data that is not declared',
    (def) => void (doc(def).number = 'Số: {{result.so_giay}}'),
    [['template.unknownPath', '/resultDocument/number']],
  ],
  [
    'result placeholders without result data at all',
    (def) => void delete def.resultData,
    [
      ['template.unknownPath', '/resultDocument/number'],
      ['template.unknownPath', '/resultDocument/placeDate'],
    ],
  ],
  [
    'a dossier field that does not exist',
    (def) => void (doc(def).signer!.title[0] = '{{dossier.pin}}'),
    [['template.unknownPath', '/resultDocument/signer/title/0']],
  ],
  [
    'a placeholder naming a whole group of fields',
    (def) => void (doc(def).blocks[0]!.text = '{{form.nguoi_yeu_cau}}'),
    [['template.notText', '/resultDocument/blocks/0/text']],
  ],
  [
    '"| long" on a field that is not a date',
    (def) => void (doc(def).issuer![1] = '{{unit.name | long}}'),
    [['template.badFilter', '/resultDocument/issuer/1']],
  ],
  [
    'an unknown filter',
    (def) => void (doc(def).placeDate = '{{result.ngay_cap | upper}}'),
    [['template.badFilter', '/resultDocument/placeDate']],
  ],
  [
    'unmatched braces',
    (def) => void (doc(def).title = 'GIẤY {{form.nguoi_yeu_cau.ho_ten'),
    [['template.malformed', '/resultDocument/title']],
  ],
  [
    'an editing mark in a row label',
    (def) => void (doc(def).blocks[0]!.label = 'Họ tên (verify)'),
    [['text.editingMark', '/resultDocument/blocks/0/label']],
  ],
  [
    'result data schema that does not compile',
    (def) =>
      void Object.assign(def.resultData!.schema.properties, { ngay_het_han: { type: 'string', format: 'ngay' } }),
    [['resultData.schema.invalid', '/resultData/schema']],
  ],
  [
    'a return action delivering in a way the procedure does not allow',
    (def) => {
      def.resultDelivery = { methods: ['counter', 'online'] }
      def.steps[3]!.actions[0]!.deliveryMethods = ['counter', 'post']
    },
    [['action.deliveryMethodNotAllowed', '/steps/3/actions/0/deliveryMethods/1']],
  ],
  [
    'delivery methods on an action that does not return the result',
    (def) => void (def.steps[2]!.actions[0]!.deliveryMethods = ['counter']),
    [['action.deliveryMethodsNotReturn', '/steps/2/actions/0/deliveryMethods']],
  ],
  [
    'a case’s return action delivering by post where post is not allowed',
    (def) => {
      def.resultDelivery = { methods: ['counter'] }
      def.cases![0]!.steps![2]!.actions[0]!.deliveryMethods = ['post']
    },
    [['action.deliveryMethodNotAllowed', '/cases/0/steps/2/actions/0/deliveryMethods/0']],
  ],
  [
    'post allowed without a postal fee',
    (def) => void delete def.resultDelivery!.postalFee,
    [['delivery.postalFeeMissing', '/resultDelivery']],
  ],
  [
    'a postal fee without post',
    (def) => void (def.resultDelivery!.methods = ['counter']),
    [['delivery.postalFeeWithoutPost', '/resultDelivery/postalFee']],
  ],
  [
    'an unknown delivery method (meta-schema)',
    (def) => void (def.resultDelivery!.methods = ['counter', 'email' as 'online']),
    [['enum', '/resultDelivery/methods/1']],
  ],
  [
    'a document block with HTML-ish extra keys (closed object)',
    (def) => void Object.assign(doc(def).blocks[0]!, { html: '<b>x</b>' }),
    [['additionalProperties', '/resultDocument/blocks/0/html']],
  ],
]

describe('results in the definition', () => {
  it('accepts delivery methods, result data and a document whose every placeholder exists', () => {
    const result = validateDefinition(resultSample())
    expect(result.ok ? [] : result.issues).toEqual([])
  })

  it.each(broken)('rejects %s', (_name, breakIt, expected) => {
    const def = resultSample()
    breakIt(def)
    const result = validateDefinition(def)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues.map((i) => [i.code, i.path])).toEqual(expected)
  })

  it('says which placeholder is wrong and what to do, in Vietnamese first', () => {
    const def = resultSample()
    doc(def).blocks[0]!.text = '{{form.so_giay}}'
    const result = validateDefinition(def)
    if (result.ok) throw new Error('expected issues')
    expect(result.issues[0]!.params).toEqual({ placeholder: 'form.so_giay' })
    expect(result.issues[0]!.message.vi).toContain('{{form.so_giay}} không có trong biểu mẫu')
  })
})

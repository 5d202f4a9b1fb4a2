import type { ProcedureDefinition } from './procedure-definition.generated'
import { sampleDefinition } from './test-fixture'

/** The sample with delivery methods, result data and a result document: valid. */
export function resultSample(): ProcedureDefinition {
  const def = sampleDefinition()
  def.resultDelivery = { methods: ['counter', 'post', 'online'], postalFee: { amount: 25000 } }
  def.resultData = {
    schema: {
      type: 'object',
      required: ['so', 'ngay_cap'],
      properties: { so: { type: 'string', minLength: 1 }, ngay_cap: { type: 'string', format: 'date' } },
    },
  }
  def.resultDocument = {
    issuer: ['ỦY BAN NHÂN DÂN', '{{unit.name}}'],
    number: 'Số: {{result.so}}',
    placeDate: '{{unit.name}}, {{result.ngay_cap | long}}',
    title: 'GIẤY XÁC NHẬN',
    blocks: [
      { label: 'Họ, chữ đệm, tên', text: '{{form.nguoi_yeu_cau.ho_ten}}' },
      { text: 'Hồ sơ số {{dossier.receiptCode}} tiếp nhận ngày {{dossier.receivedAt}}.', numbered: true },
    ],
    signer: { title: ['CHỦ TỊCH'], note: '(Ký, ghi rõ họ, chữ đệm, tên, đóng dấu)' },
  }
  return def
}

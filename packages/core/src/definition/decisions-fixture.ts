import type { ProcedureDefinition } from './procedure-definition.generated'
import { sampleDefinition } from './test-fixture'

/**
 * The test fixture with officer decisions (a fresh copy on each call): the case `can_xac_minh` chosen by the
 * specialist at `xu_ly` (not by the form), a signing leader who records the document number and a conclusion
 * that routes the dossier back when negative, and a return guarded by that number.
 */
export function decisionsDefinition(): ProcedureDefinition {
  const def = sampleDefinition()
  delete def.cases![0]!.when
  def.steps[1]!.actions.push({
    key: 'chuyen_xac_minh',
    type: 'forward',
    label: 'Cần xác minh',
    to: 'xac_minh',
    setsCase: true,
    requires: ['note'],
    input: { type: 'object', properties: { case: { type: 'string', title: 'Trường hợp' } } },
  })
  Object.assign(def.steps[2]!.actions[0]!, {
    input: {
      type: 'object',
      properties: {
        so_van_ban: { type: 'string', title: 'Số văn bản', minLength: 1, maxLength: 30, pattern: '^[0-9]+/[A-Z]+$' },
        ket_luan: { type: 'string', title: 'Kết luận', enum: ['dat', 'khong_dat'] },
        ngay_ky: { type: 'string', format: 'date' },
      },
      required: ['so_van_ban', 'ket_luan'],
    },
    inputUi: { ket_luan: { 'ui:widget': 'radio' } },
    routes: [{ when: { '==': [{ var: 'decision.duyet.ket_luan' }, 'khong_dat'] }, to: 'xu_ly' }],
  })
  def.steps[3]!.actions[0]!.guard = { '!!': [{ var: 'decision.duyet.so_van_ban' }] }
  return def
}

import type { Issue } from '../errors'
import { placedActions } from './decision-actions'
import { issue } from './issue'
import type { ActionType, ProcedureDefinition } from './procedure-definition.generated'

/** Action types that always need something of the officer per dossier: a reason, missing items, a date, an amount, a delivery. */
export const perDossierActionTypes: readonly ActionType[] = [
  'receive',
  'refuse',
  'stop',
  'requestSupplement',
  'requestPayment',
  'extend',
  'return',
  'withdraw',
]

/**
 * `bulk: true` (ký duyệt hàng loạt) only on an action that asks nothing of the officer per dossier: a leader signing
 * many dossiers at once cannot give each its own reason, missing items, date, amount, case or answers.
 */
export function checkBulk(def: ProcedureDefinition): Issue[] {
  const issues: Issue[] = []
  for (const { action, at } of placedActions(def)) {
    if (action.bulk !== true) continue
    const path = `${at}/bulk`
    const refuse = (why: string, whyEn: string, params: Record<string, unknown>) =>
      issues.push(
        issue(
          'action.bulkPerDossier',
          path,
          `Thao tác "${action.key}" không thể làm hàng loạt (bulk) vì ${why}: bỏ "bulk" hoặc bỏ phần cần nhập riêng cho từng hồ sơ`,
          `Action "${action.key}" cannot be taken in bulk because ${whyEn}: remove "bulk", or what it asks per dossier`,
          params,
        ),
      )
    if (perDossierActionTypes.includes(action.type)) {
      refuse(
        `loại thao tác ${action.type} cần cán bộ xem xét và nhập riêng cho từng hồ sơ`,
        `a ${action.type} action needs the officer's own look and input for each dossier`,
        { type: action.type },
      )
    } else if (action.requires?.length) {
      refuse(
        `thao tác yêu cầu nhập ${action.requires.join(', ')} cho từng hồ sơ (requires)`,
        `it requires ${action.requires.join(', ')} for each dossier`,
        { requires: action.requires },
      )
    } else if (action.setsCase) {
      refuse(
        'cán bộ phải chọn trường hợp cho từng hồ sơ (setsCase)',
        'the officer chooses each dossier’s case (setsCase)',
        {
          setsCase: true,
        },
      )
    } else if (action.input?.required?.length) {
      refuse(
        `thông tin cán bộ nhập có trường bắt buộc (${action.input.required.join(', ')})`,
        `its input has required fields (${action.input.required.join(', ')})`,
        { required: action.input.required },
      )
    }
  }
  return issues
}

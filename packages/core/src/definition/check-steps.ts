import type { Issue } from '../errors'
import { dossierStatuses, roles } from '../status'
import { issue } from './issue'
import { firstStepStatuses, isTerminalOutcome, stayingActionTypes, stepStatuses, terminalActionOutcome } from './model'
import type { Step, StepAction } from './procedure-definition.generated'
import type { StepList } from './step-lists'

const isKnownRole = (role: string): boolean => Object.hasOwn(roles, role)

const statusName = (status: number) =>
  (dossierStatuses as Record<number, { vi: string; en: string } | undefined>)[status] ?? { vi: '?', en: '?' }

/** Roles, public statuses and action targets of one step list. */
export function checkSteps({ path, steps }: StepList): Issue[] {
  const issues: Issue[] = []
  const keys = new Set(steps.map((step) => step.key))
  steps.forEach((step, i) => {
    const at = `${path}/${i}`
    if (!isKnownRole(step.role)) issues.push(unknownRole('step.unknownRole', `${at}/role`, step.role))
    const allowed = i === 0 ? firstStepStatuses : stepStatuses
    if (!allowed.includes(step.status)) {
      const name = statusName(step.status)
      issues.push(
        issue(
          'step.badStatus',
          `${at}/status`,
          `Bước "${step.key}" không thể mang trạng thái ${step.status} (${name.vi}); ${i === 0 ? 'bước đầu' : 'bước sau'} chỉ dùng ${allowed.join(', ')}`,
          `Step "${step.key}" cannot show status ${step.status} (${name.en}); ${i === 0 ? 'the first step' : 'later steps'} use only ${allowed.join(', ')}`,
          { status: step.status, allowed },
        ),
      )
    }
    step.actions.forEach((action, j) => issues.push(...checkAction(step, action, `${at}/actions/${j}`, keys)))
    const pausesForPayment = step.actions.some((a) => a.type === 'requestPayment' && a.pausesClock)
    if (pausesForPayment && !step.actions.some((a) => a.type === 'confirmPayment')) {
      issues.push(
        issue(
          'step.noConfirmPayment',
          at,
          `Bước "${step.key}" dừng tính thời hạn khi yêu cầu nộp phí nên phải có thao tác xác nhận đã nộp (confirmPayment), nếu không hồ sơ sẽ dừng mãi`,
          `Step "${step.key}" stops the clock when it asks for payment, so it needs a confirmPayment action or the dossier stays stopped`,
        ),
      )
    }
  })
  return issues
}

function checkAction(step: Step, action: StepAction, at: string, keys: ReadonlySet<string>): Issue[] {
  const issues: Issue[] = []
  action.roles?.forEach((role, k) => {
    if (!isKnownRole(role)) issues.push(unknownRole('action.unknownRole', `${at}/roles/${k}`, role))
  })
  const { to, type } = action
  if (action.pausesClock !== undefined && type !== 'requestPayment') {
    issues.push(
      issue(
        'action.pausesClockNotPayment',
        `${at}/pausesClock`,
        `Chỉ thao tác yêu cầu nộp phí (requestPayment) mới có pausesClock; thao tác "${action.key}" là ${type}`,
        `Only a requestPayment action takes pausesClock; "${action.key}" is ${type}`,
        { type },
      ),
    )
  }
  const staying = stayingActionTypes.includes(type)
  if (to === undefined) {
    if (!staying) {
      issues.push(
        issue(
          'action.missingTarget',
          at,
          `Thao tác "${action.key}" (${type}) ở bước "${step.key}" phải có đích đến (to)`,
          `Action "${action.key}" (${type}) of step "${step.key}" needs a target (to)`,
        ),
      )
    }
    return issues
  }
  if (staying) {
    issues.push(
      issue(
        'action.unexpectedTarget',
        `${at}/to`,
        `Thao tác "${action.key}" (${type}) giữ hồ sơ ở bước hiện tại, không có đích đến (to)`,
        `Action "${action.key}" (${type}) keeps the dossier at its step and takes no target (to)`,
      ),
    )
    return issues
  }
  const terminal = isTerminalOutcome(to)
  // an officer's choice of case leads into the case's steps: checked against those (check-decisions)
  if (!terminal && !keys.has(to) && !action.setsCase) {
    issues.push(
      issue(
        'action.unknownTarget',
        `${at}/to`,
        `Đích "${to}" của thao tác "${action.key}" không phải một bước hay kết thúc ($returned, $refused, $withdrawn, $stopped)`,
        `Target "${to}" of action "${action.key}" is neither a step nor an outcome ($returned, $refused, $withdrawn, $stopped)`,
        { to },
      ),
    )
    return issues
  }
  const expected = terminalActionOutcome[type]
  if (expected !== to && (expected !== undefined || terminal)) {
    issues.push(
      issue(
        'action.targetMismatch',
        `${at}/to`,
        expected
          ? `Thao tác loại ${type} phải dẫn tới ${expected}, không phải "${to}"`
          : `Chỉ thao tác trả kết quả, từ chối, rút, dừng mới dẫn tới "${to}"; loại ${type} phải dẫn tới một bước`,
        expected
          ? `An action of type ${type} must lead to ${expected}, not "${to}"`
          : `Only return, refuse, withdraw and stop actions lead to "${to}"; type ${type} must lead to a step`,
        { type, to },
      ),
    )
  }
  return issues
}

const unknownRole = (code: string, path: string, role: string): Issue =>
  issue(
    code,
    path,
    `Vai trò "${role}" không tồn tại (dùng: ${Object.keys(roles).join(', ')})`,
    `Unknown role "${role}" (use: ${Object.keys(roles).join(', ')})`,
    { role },
  )

import type { Issue } from '../errors'
import { roles } from '../status'
import { timeLimitHours } from './check-budget'
import { actionTargets } from './decision-actions'
import { issue } from './issue'
import { HOURS_PER_WORKING_DAY } from './model'
import type { ActionType, ProcedureDefinition, ProcessingTime, StepBudget } from './procedure-definition.generated'
import type { StepList } from './step-lists'

/** What a consultation step may do besides waiting: send back, stop, withdraw, apologise with a new date. */
export const consultationActionTypes: readonly ActionType[] = ['sendBack', 'stop', 'withdraw', 'extend']

// a budget in days counts 8 working hours a day (an upper bound for calendar days, as for the total)
const hours = (b: StepBudget) => ('days' in b ? b.days * HOURS_PER_WORKING_DAY : b.hours)
const unitText = (ref: unknown) => (typeof ref === 'string' ? ref : JSON.stringify(ref))

/** The consultations (lấy ý kiến) of one step list, against the list's total processing time. */
function checkList({ path, steps }: StepList, total: ProcessingTime): Issue[] {
  const issues: Issue[] = []
  const byKey = new Map(steps.map((s, i) => [s.key, i]))
  steps.forEach((step, i) => {
    const at = `${path}/${i}`
    step.actions.forEach((action, j) => {
      if (action.type !== 'receive') return
      for (const { to, path: where } of actionTargets(action, `${at}/actions/${j}`)) {
        const target = byKey.get(to)
        if (target === undefined || !steps[target]!.consult) continue
        issues.push(
          issue(
            'consult.atReception',
            where,
            `Tiếp nhận không thể chuyển hồ sơ thẳng tới bước lấy ý kiến "${to}": hãy thêm một bước để chuyên viên xem hồ sơ trước rồi mới chuyển sang bước lấy ý kiến`,
            `Reception cannot lead straight to the consultation step "${to}": add a step where a specialist reads the dossier first`,
          ),
        )
      }
    })
    const consult = step.consult
    if (!consult) return
    const base = `${at}/consult`
    if (i === 0)
      issues.push(
        issue(
          'consult.firstStep',
          base,
          'Bước đầu tiên không thể lấy ý kiến (hồ sơ chưa được tiếp nhận): hãy chuyển phần lấy ý kiến sang một bước sau',
          'The first step cannot consult (the dossier is not received yet): move the consultation to a later step',
        ),
      )
    if (step.status !== 4)
      issues.push(
        issue(
          'consult.status',
          `${at}/status`,
          `Trong khi lấy ý kiến, hồ sơ đang được giải quyết: bước "${step.key}" phải mang trạng thái 4 (Đang giải quyết), không phải ${step.status}`,
          `While other units are consulted the dossier is being processed: step "${step.key}" must show status 4, not ${step.status}`,
          { status: step.status },
        ),
      )
    const then = byKey.get(consult.then)
    if (then === undefined || then === i)
      issues.push(
        issue(
          'consult.unknownThen',
          `${base}/then`,
          then === i
            ? `Sau khi lấy ý kiến hồ sơ phải sang bước khác, không phải chính bước "${step.key}": hãy chọn bước tiếp theo (then)`
            : `Bước "${consult.then}" không tồn tại: hãy ghi mã của bước hồ sơ chuyển tới sau khi lấy ý kiến (then)`,
          then === i
            ? `After the consultation the dossier must move to another step, not "${step.key}" itself: choose the next step (then)`
            : `There is no step "${consult.then}": give the key of the step the dossier moves to after the consultation (then)`,
          { then: consult.then },
        ),
      )
    if (consult.role !== undefined && !Object.hasOwn(roles, consult.role))
      issues.push(
        issue(
          'consult.unknownRole',
          `${base}/role`,
          `Vai trò "${consult.role}" không tồn tại: hãy dùng một trong ${Object.keys(roles).join(', ')}`,
          `Unknown role "${consult.role}": use one of ${Object.keys(roles).join(', ')}`,
          { role: consult.role },
        ),
      )
    const seen = new Map<string, number>()
    consult.units.forEach((ref, k) => {
      const text = unitText(ref)
      const first = seen.get(text)
      if (first === undefined) return void seen.set(text, k)
      issues.push(
        issue(
          'consult.duplicateUnit',
          `${base}/units/${k}`,
          `Đơn vị ${text} đã có trong danh sách lấy ý kiến (${base}/units/${first}): hãy xóa dòng trùng`,
          `Unit ${text} is already consulted (${base}/units/${first}): remove the duplicate`,
          { first: `${base}/units/${first}` },
        ),
      )
    })
    if (typeof consult.quorum === 'number' && consult.quorum > consult.units.length)
      issues.push(
        issue(
          'consult.quorumTooLarge',
          `${base}/quorum`,
          `Cần ${consult.quorum} ý kiến nhưng chỉ hỏi ${consult.units.length} đơn vị: hãy giảm số ý kiến cần (quorum) hoặc dùng "all"`,
          `The quorum of ${consult.quorum} exceeds the ${consult.units.length} units consulted: lower it or use "all"`,
          { quorum: consult.quorum, units: consult.units.length },
        ),
      )
    const asked = hours(consult.budget)
    const limit = step.budget ? hours(step.budget) : timeLimitHours(total)
    if (limit !== undefined && Math.round(asked * 60) > Math.round(limit * 60))
      issues.push(
        issue(
          step.budget ? 'consult.budgetExceedsStep' : 'consult.budgetExceedsTotal',
          `${base}/budget`,
          step.budget
            ? `Thời hạn trả lời ý kiến (${asked} giờ làm việc) dài hơn thời gian của bước "${step.key}" (${limit} giờ làm việc): hãy rút ngắn thời hạn lấy ý kiến hoặc tăng thời gian của bước`
            : `Thời hạn trả lời ý kiến (${asked} giờ làm việc) dài hơn thời hạn giải quyết (${limit} giờ làm việc): hãy rút ngắn thời hạn lấy ý kiến`,
          step.budget
            ? `The consultation budget (${asked} working hours) is longer than step "${step.key}" (${limit} working hours): shorten it or lengthen the step`
            : `The consultation budget (${asked} working hours) is longer than the processing time (${limit} working hours): shorten it`,
          { budgetHours: asked, limitHours: limit },
        ),
      )
    step.actions.forEach((action, j) => {
      if (consultationActionTypes.includes(action.type)) return
      issues.push(
        issue(
          'consult.action',
          `${at}/actions/${j}/type`,
          `Bước lấy ý kiến tự chuyển sang bước "${consult.then}" khi đủ ý kiến hoặc hết hạn, nên không dùng thao tác ${action.type} ("${action.key}"): chỉ dùng ${consultationActionTypes.join(', ')}, hoặc bỏ thao tác này`,
          `A consultation step moves on to "${consult.then}" by itself, so it takes no ${action.type} action ("${action.key}"): use only ${consultationActionTypes.join(', ')}, or remove it`,
          { type: action.type, allowed: consultationActionTypes },
        ),
      )
    })
  })
  return issues
}

/** Consultation steps (lấy ý kiến) of the base steps and of every case with its own steps. */
export function checkConsultations(def: ProcedureDefinition): Issue[] {
  const issues = checkList({ path: '/steps', steps: def.steps }, def.processingTime)
  def.cases?.forEach((c, i) => {
    if (c.steps)
      issues.push(...checkList({ path: `/cases/${i}/steps`, steps: c.steps }, c.processingTime ?? def.processingTime))
  })
  return issues
}

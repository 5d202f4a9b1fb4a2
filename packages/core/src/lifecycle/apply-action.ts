import {
  type ActionInput,
  checkDecision,
  type DeliveryMethod,
  effectiveProcessingTime,
  effectiveSteps,
  isTerminalOutcome,
  type ProcedureDefinition,
  type RuleChannel,
  type RuleData,
  ruleData,
  ruleHolds,
  type StepAction,
  terminalOutcomes,
} from '../definition'
import { DomainError, type Issue } from '../errors'
import { allowedDeliveryMethods, deliveryMethodNames } from '../result/delivery'
import {
  computeDue,
  dueAfterResume,
  lastApologyDay,
  type ResolvedCalendar,
  stepDueDates,
  vietnamDate,
  vietnameseDay,
} from '../time'
import { availableActions, currentStepOf } from './available-actions'
import type { ActionInputs, DossierState, TransitionEvent } from './types'

export interface ActionContext {
  calendar: ResolvedCalendar
  now: Date
  formData: unknown
  /**
   * The times the clock stopped and started again (supplements taken, payments confirmed after a request that
   * stopped it), oldest first: replayed when an officer's choice of case recomputes the due date from reception.
   */
  clockStops?: readonly { from: Date; to: Date }[]
  /** The dossier's channel, as guards read it (`channel`); guards read `today` as `now`'s date in Vietnam. */
  channel?: RuleChannel
  /** The constants' values the dossier was filed with, where they differ from the definition's. */
  constants?: Readonly<Record<string, number>>
}

/** The first route whose rule holds, else the action's own target. */
const targetOf = (action: StepAction | undefined, fallback: string | undefined, data: RuleData): string | undefined =>
  action?.routes?.find((route, k) => ruleHolds(route.when, data, `/routes/${k}/when`))?.to ?? fallback

/** What an action's guard (and its routes) read: the form, case, channel, today, constants and decisions so far. */
const guardData = (def: ProcedureDefinition, state: DossierState, ctx: GuardContext): RuleData => ({
  ...ruleData(def, ctx.formData, state.caseKey, {
    channel: ctx.channel ?? null,
    today: vietnamDate(ctx.now),
    ...(ctx.constants ? { constants: ctx.constants } : {}),
  }),
  decision: state.decisions ?? {},
})

/** What deciding a guard needs of the action's context. */
export type GuardContext = Pick<ActionContext, 'now' | 'formData' | 'channel' | 'constants'>

/**
 * Whether a step action's guard holds now (true for an action without one), so a desk lists only the actions an
 * officer can take; a guard that cannot be evaluated (a date in the form that is not a date) does not hold.
 * @example availableActions(def, dossier).filter((a) => guardHolds(def, dossier, a.key, { now, formData }))
 */
export function guardHolds(
  def: ProcedureDefinition,
  state: DossierState,
  actionKey: string,
  ctx: GuardContext,
): boolean {
  const guard = currentStepOf(def, state)?.actions.find((a) => a.key === actionKey)?.guard
  if (guard === undefined) return true
  try {
    return ruleHolds(guard, guardData(def, state, ctx), '/guard')
  } catch {
    return false
  }
}

const conflict = (vi: string, en: string) => new DomainError('CONFLICT', { vi, en })

const inputIssue = (input: ActionInput, vi: string, en: string): Issue => ({
  code: 'required',
  path: `/${input}`,
  message: { vi, en },
})

function checkInputs(required: ActionInput[], inputs: ActionInputs): void {
  const issues: Issue[] = []
  for (const input of required) {
    const value = inputs[input as keyof ActionInputs]
    if (input === 'missingItems') {
      if (!Array.isArray(value) || value.length === 0 || value.some((v) => typeof v !== 'string' || !v.trim())) {
        issues.push(
          inputIssue(
            input,
            'Vui lòng liệt kê đầy đủ các giấy tờ cần bổ sung (mỗi mục một dòng).',
            'List every missing item.',
          ),
        )
      }
    } else if (input === 'newDueAt') {
      if (!(value instanceof Date) || Number.isNaN(value.getTime()))
        issues.push(inputIssue(input, 'Vui lòng chọn ngày hẹn trả mới.', 'Give the new due date.'))
    } else if (input === 'deliveryMethod') {
      if (!['counter', 'post', 'online'].includes(value as string))
        issues.push(
          inputIssue(
            input,
            'Vui lòng chọn hình thức trả kết quả (tại quầy, bưu chính, trực tuyến).',
            'Choose counter, post or online.',
          ),
        )
    } else if (input === 'amount') {
      if (!Number.isInteger(value) || (value as number) < 0)
        issues.push(inputIssue(input, 'Vui lòng nhập số tiền (đồng).', 'Give the amount in đồng.'))
    } else if (input !== 'attachments' && (typeof value !== 'string' || !value.trim())) {
      issues.push(
        inputIssue(
          input,
          input === 'reason' ? 'Vui lòng nêu rõ lý do.' : 'Vui lòng nhập nội dung.',
          `The ${input} is required.`,
        ),
      )
    }
  }
  if (issues.length)
    throw new DomainError(
      'INVALID_DATA',
      { vi: 'Thao tác còn thiếu thông tin.', en: 'The action needs more input.' },
      issues,
    )
}

/** A result is returned only in a way the procedure (and the return action, when it narrows them) allows. */
function checkDeliveryMethod(
  def: ProcedureDefinition,
  narrowed: readonly DeliveryMethod[] | undefined,
  method: DeliveryMethod | undefined,
): void {
  const allowed = narrowed ?? allowedDeliveryMethods(def)
  if (method === undefined || allowed.includes(method)) return
  const names = allowed.map((m) => deliveryMethodNames[m].vi.toLowerCase()).join('; ')
  throw new DomainError(
    'INVALID_DATA',
    { vi: 'Hình thức trả kết quả không hợp lệ.', en: 'Delivery method not allowed.' },
    [
      inputIssue(
        'deliveryMethod',
        `Thủ tục này chỉ trả kết quả theo hình thức: ${names}.`,
        `This procedure delivers the result only: ${allowed.join(', ')}.`,
      ),
    ],
  )
}

/**
 * Applies one action to a dossier: the pure heart of the one-stop shop. It checks that the action is available
 * now, its guard and its inputs, then returns the next state and the event to log. Statuses follow the national
 * list (table in `definition/FORMAT.md`): `receive` leads to 2 (Được tiếp nhận), and the first action taken at the
 * step it leads to starts processing (4). The clock (`time/TIMELINESS.md`): `receive` starts it; a supplement
 * request (or a payment request with `pausesClock`) stops it and taking the supplement (confirming the payment)
 * moves the due date by the working time it was stopped; `extend`
 * (apology with a new date) is allowed until the end of the working day before the deadline's day. Officer
 * decisions (FORMAT.md): the action's `input` is checked against its schema and stored by action key, its `routes`
 * may choose the target, and a `setsCase` action switches the case and recomputes the due date from reception with
 * the new case's time and `ctx.clockStops`, logging `data.caseChange`. Roles and units are the caller's check.
 * @example const { next, event } = applyAction(def, dossier, 'tiep_nhan', {}, { calendar, now, formData })
 */
export function applyAction(
  def: ProcedureDefinition,
  state: DossierState,
  actionKey: string,
  inputs: ActionInputs,
  ctx: ActionContext,
): { next: DossierState; event: TransitionEvent } {
  const { calendar, now } = ctx
  if (state.currentStep === null)
    throw conflict('Hồ sơ đã kết thúc, không thể thao tác thêm.', 'The dossier has ended.')
  const action = availableActions(def, state).find((a) => a.key === actionKey)
  if (!action)
    throw conflict(
      'Thao tác này không áp dụng cho hồ sơ ở bước hiện tại. Vui lòng tải lại hồ sơ.',
      `Action "${actionKey}" is not available at this step now.`,
    )
  const step = currentStepOf(def, state)!
  const defined = step.actions.find((a) => a.key === actionKey)
  const decisions = state.decisions ?? {}
  if (defined?.guard !== undefined && !ruleHolds(defined.guard, guardData(def, state, ctx), '/guard')) {
    throw conflict('Hồ sơ chưa đáp ứng điều kiện của thao tác này.', 'The action’s condition is not met.')
  }
  const required = [
    ...new Set<ActionInput>([
      ...action.requires,
      ...(action.type === 'extend' ? (['newDueAt', 'reason'] as const) : []),
    ]),
  ]
  checkInputs(required, inputs)
  const decision = checkDecision(def, defined, inputs.input)

  const next: DossierState = { ...state }
  const data: Record<string, unknown> = {}
  if (defined?.input) {
    next.decisions = { ...decisions, [defined.key]: decision }
    data.decision = decision
  }
  // an officer's choice of case (validated against the case keys by the input schema)
  if (defined?.setsCase && decision.case !== state.caseKey) next.caseKey = decision.case as string
  let stepDueAt: Date | null = null
  const enter = (key: string) => {
    const target = effectiveSteps(def, next.caseKey).find((s) => s.key === key)!
    next.currentStep = key
    next.status = target.status
    if (target.status === 9) next.doneAt ??= now
    stepDueAt = target.budget ? stepDueDates(calendar, now, [target.budget])[0]! : null
  }

  const resume = () => {
    next.pausedAt = null
    if (state.dueAt && state.pausedAt) next.dueAt = dueAfterResume(calendar, state.dueAt, state.pausedAt, now)
    data.pausedFrom = state.pausedAt
  }

  switch (action.type) {
    case 'acceptSupplement':
      resume()
      next.status = step.status
      break
    case 'requestSupplement':
      next.pausedAt = now
      next.status = 5
      data.missingItems = inputs.missingItems
      break
    case 'requestPayment':
      next.status = 6
      // only a running clock stops: before reception there is none yet
      if (defined?.pausesClock && state.dueAt) next.pausedAt = now
      if (inputs.amount !== undefined) data.amount = inputs.amount
      break
    case 'confirmPayment':
      if (state.pausedAt) resume()
      next.status = step.status
      if (inputs.amount !== undefined) data.amount = inputs.amount
      break
    case 'extend': {
      if (!state.dueAt) throw conflict('Hồ sơ chưa có hạn giải quyết để gia hạn.', 'The dossier has no due date yet.')
      const last = lastApologyDay(calendar, state.dueAt)
      if (now >= last.endsAt) {
        const date = vietnameseDay(last.date)
        throw conflict(
          `Văn bản xin lỗi và hẹn lại ngày trả kết quả phải được lập chậm nhất 01 ngày làm việc trước hạn giải quyết, tức trong ngày ${date}; nay đã quá thời điểm đó.`,
          `The apology must be issued at least one working day before the deadline, on ${last.date} at the latest.`,
        )
      }
      if (inputs.newDueAt! <= state.dueAt) {
        throw new DomainError(
          'INVALID_DATA',
          { vi: 'Ngày hẹn mới phải sau ngày hẹn cũ.', en: 'The new date must be after the old one.' },
          [inputIssue('newDueAt', 'Ngày hẹn mới phải sau ngày hẹn cũ', 'Must be after the current due date')],
        )
      }
      next.dueAt = inputs.newDueAt!
      data.oldDueAt = state.dueAt
      data.newDueAt = inputs.newDueAt
      break
    }
    default: {
      const to = targetOf(defined, action.to, guardData(def, next, ctx))!
      if (isTerminalOutcome(to)) {
        next.currentStep = null
        next.status = terminalOutcomes[to]
        next.pausedAt = null
        if (to === '$returned') {
          checkDeliveryMethod(def, defined?.deliveryMethods, inputs.deliveryMethod)
          next.returnedAt = now
          next.doneAt ??= now
          data.deliveryMethod = inputs.deliveryMethod
        }
      } else {
        enter(to)
      }
      if (action.type === 'receive') {
        next.receivedAt = now
        next.dueAt = computeDue(calendar, now, effectiveProcessingTime(def, next.caseKey))
        // Được tiếp nhận until its resolving step first acts on it (a result ready at once stays 9)
        if (next.status === 4) next.status = 2
      }
    }
  }
  if (next.caseKey !== state.caseKey) {
    // the new case's processing time from reception, replaying the clock's stops
    if (state.receivedAt) {
      const time = effectiveProcessingTime(def, next.caseKey)
      next.dueAt = (ctx.clockStops ?? []).reduce<Date | null>(
        (due, stop) => (due ? dueAfterResume(calendar, due, stop.from, stop.to) : null),
        computeDue(calendar, state.receivedAt, time),
      )
    }
    const chosen = def.cases?.find((c) => c.key === next.caseKey)
    data.caseChange = {
      from: state.caseKey,
      to: next.caseKey,
      name: chosen?.name ?? null,
      nameEn: chosen?.nameEn ?? null,
      oldDueAt: state.dueAt,
      newDueAt: next.dueAt,
    }
  }
  if (inputs.reason) data.reason = inputs.reason
  return {
    next,
    event: {
      action: action.type,
      actionKey: action.key,
      label: action.label,
      fromStep: state.currentStep,
      toStep: next.currentStep,
      fromStatus: state.status,
      toStatus: next.status,
      note: inputs.note?.trim() || inputs.reason?.trim() || null,
      stepDueAt,
      data,
    },
  }
}

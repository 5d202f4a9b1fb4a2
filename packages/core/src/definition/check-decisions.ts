import type { Issue } from '../errors'
import { actionTargets, type PlacedAction, placedActions } from './decision-actions'
import { inputSchemaOf, selectableCases } from './decision-input'
import { effectiveSteps } from './evaluate'
import { issue } from './issue'
import { isTerminalOutcome, stayingActionTypes, terminalActionOutcome } from './model'
import type { DecisionField, DecisionInput, ProcedureDefinition } from './procedure-definition.generated'
import { compileError } from './schema-memo'

/**
 * Officer decisions: each action's input schema (every problem at once, at its own path), the `setsCase` actions
 * (a procedure with cases, a `case` field of case keys, targets that exist in each case's steps), conditional
 * `routes`, and cases nobody can choose.
 */
export function checkDecisions(def: ProcedureDefinition): Issue[] {
  const issues: Issue[] = []
  const placed = placedActions(def)
  for (const entry of placed) {
    if (entry.action.input && entry.action.type === 'receive') issues.push(inputOnReceive(entry))
    else if (entry.action.input) issues.push(...checkInput(def, entry, entry.action.input))
    if (entry.action.routes) issues.push(...checkRoutes(def, entry))
    if (entry.action.setsCase) issues.push(...checkSetsCase(def, entry))
  }
  def.cases?.forEach((procedureCase, i) => {
    if (procedureCase.when !== undefined) return
    const chosen = placed.some(
      ({ action }) => action.setsCase && selectableCases(def, action).includes(procedureCase.key),
    )
    if (!chosen) {
      issues.push(
        issue(
          'case.neverChosen',
          `/cases/${i}`,
          `Trường hợp "${procedureCase.key}" không có điều kiện (when) và không thao tác nào cho cán bộ chọn nó (setsCase): thêm điều kiện hoặc một thao tác chọn trường hợp`,
          `Case "${procedureCase.key}" has no "when" and no action lets an officer choose it (setsCase): add one or the other`,
        ),
      )
    }
  })
  return issues
}

// counter and postal intake receive a dossier at once, with nobody to answer
const inputOnReceive = ({ action, at }: PlacedAction): Issue =>
  issue(
    'action.inputOnReceive',
    `${at}/input`,
    `Thao tác tiếp nhận "${action.key}" không thể hỏi thông tin cán bộ nhập (input): hồ sơ nộp tại quầy hoặc qua bưu chính được tiếp nhận ngay. Hãy đặt câu hỏi ở bước xử lý sau`,
    `Receive action "${action.key}" cannot ask for input: counter and postal intake receive at once. Ask at a later step`,
  )

const inputIssue = (path: string, vi: string, en: string) => issue('action.input.invalid', path, vi, en)

const valueFits = (field: DecisionField, value: unknown): boolean =>
  field.type === 'integer'
    ? Number.isInteger(value)
    : field.type === 'number'
      ? typeof value === 'number'
      : typeof value === field.type

function checkInput(def: ProcedureDefinition, { action, at }: PlacedAction, input: DecisionInput): Issue[] {
  const issues: Issue[] = []
  const base = `${at}/input`
  input.required?.forEach((name, k) => {
    if (!Object.hasOwn(input.properties, name)) {
      issues.push(
        inputIssue(
          `${base}/required/${k}`,
          `Trường bắt buộc "${name}" không có trong danh sách trường (properties) của thông tin cán bộ nhập`,
          `Required field "${name}" is not among the input's properties`,
        ),
      )
    }
  })
  for (const [name, field] of Object.entries(input.properties)) {
    if (!field) continue
    const at = `${base}/properties/${name}`
    const text = field.type === 'string'
    const numeric = field.type === 'number' || field.type === 'integer'
    field.enum?.forEach((value, k) => {
      if (!valueFits(field, value)) {
        issues.push(
          inputIssue(
            `${at}/enum/${k}`,
            `Giá trị ${JSON.stringify(value)} không cùng kiểu ${field.type} của trường "${name}"`,
            `Value ${JSON.stringify(value)} is not of the field's type ${field.type}`,
          ),
        )
      }
    })
    if (field.default !== undefined && !valueFits(field, field.default)) {
      issues.push(
        inputIssue(
          `${at}/default`,
          `Giá trị mặc định không cùng kiểu ${field.type} của trường "${name}"`,
          `The default is not of the field's type ${field.type}`,
        ),
      )
    }
    for (const keyword of ['format', 'minLength', 'maxLength', 'pattern'] as const) {
      if (field[keyword] !== undefined && !text) {
        issues.push(
          inputIssue(
            `${at}/${keyword}`,
            `"${keyword}" chỉ dùng cho trường chữ (string); trường "${name}" là ${field.type}`,
            `"${keyword}" applies to string fields only; "${name}" is ${field.type}`,
          ),
        )
      }
    }
    for (const keyword of ['minimum', 'maximum'] as const) {
      if (field[keyword] !== undefined && !numeric) {
        issues.push(
          inputIssue(
            `${at}/${keyword}`,
            `"${keyword}" chỉ dùng cho trường số; trường "${name}" là ${field.type}`,
            `"${keyword}" applies to number fields only; "${name}" is ${field.type}`,
          ),
        )
      }
    }
    if (field.pattern !== undefined) {
      try {
        new RegExp(field.pattern, 'u')
      } catch {
        issues.push(
          inputIssue(
            `${at}/pattern`,
            `Mẫu kiểm tra (pattern) của trường "${name}" không phải biểu thức chính quy hợp lệ`,
            `The pattern of "${name}" is not a valid regular expression`,
          ),
        )
      }
    }
    if (field.minimum !== undefined && field.maximum !== undefined && field.minimum > field.maximum) {
      issues.push(
        inputIssue(
          `${at}/minimum`,
          `Giá trị nhỏ nhất (${field.minimum}) lớn hơn giá trị lớn nhất (${field.maximum}) của trường "${name}"`,
          `The minimum (${field.minimum}) exceeds the maximum (${field.maximum})`,
        ),
      )
    }
    if (field.minLength !== undefined && field.maxLength !== undefined && field.minLength > field.maxLength) {
      issues.push(
        inputIssue(
          `${at}/minLength`,
          `Độ dài tối thiểu (${field.minLength}) lớn hơn độ dài tối đa (${field.maxLength}) của trường "${name}"`,
          `minLength (${field.minLength}) exceeds maxLength (${field.maxLength})`,
        ),
      )
    }
  }
  if (issues.length > 0) return issues
  // a last net: what ajv itself refuses
  const message = compileError(inputSchemaOf(def, action)!)
  if (message !== undefined) {
    issues.push(
      issue(
        'action.input.invalid',
        base,
        `Thông tin cán bộ nhập không phải JSON Schema hợp lệ: ${message}`,
        `The input schema does not compile: ${message}`,
        { error: message },
      ),
    )
  }
  return issues
}

function checkRoutes(def: ProcedureDefinition, { action, step, at, listPath }: PlacedAction): Issue[] {
  if (action.to === undefined) {
    return [
      issue(
        'action.routesWithoutTarget',
        `${at}/routes`,
        `Thao tác "${action.key}" không có đích mặc định (to) nên không thể chọn đích theo điều kiện (routes): thêm "to" cho trường hợp không điều kiện nào đúng`,
        `Action "${action.key}" has routes but no default target (to): add "to" for when no route applies`,
      ),
    ]
  }
  if (action.setsCase) return [] // targets are checked against each chosen case's steps
  const keys = new Set(listOf(def, listPath).map((s) => s.key))
  const issues: Issue[] = []
  const expected = terminalActionOutcome[action.type]
  action.routes?.forEach((route, k) => {
    const path = `${at}/routes/${k}/to`
    if (!isTerminalOutcome(route.to) && !keys.has(route.to)) {
      issues.push(
        issue(
          'action.unknownTarget',
          path,
          `Đích "${route.to}" của thao tác "${action.key}" (bước "${step.key}") không phải một bước hay kết thúc ($returned, $refused, $withdrawn, $stopped)`,
          `Target "${route.to}" of action "${action.key}" is neither a step nor an outcome`,
          { to: route.to },
        ),
      )
    } else if (expected ? route.to !== expected : isTerminalOutcome(route.to)) {
      issues.push(
        issue(
          'action.targetMismatch',
          path,
          expected
            ? `Thao tác loại ${action.type} phải dẫn tới ${expected}, không phải "${route.to}"`
            : `Chỉ thao tác trả kết quả, từ chối, rút, dừng mới dẫn tới "${route.to}"; loại ${action.type} phải dẫn tới một bước`,
          expected
            ? `An action of type ${action.type} must lead to ${expected}, not "${route.to}"`
            : `Only return, refuse, withdraw and stop actions lead to "${route.to}"; type ${action.type} must lead to a step`,
          { type: action.type, to: route.to },
        ),
      )
    }
  })
  return issues
}

function checkSetsCase(def: ProcedureDefinition, { action, at }: PlacedAction): Issue[] {
  if (!def.cases?.length) {
    return [
      issue(
        'action.setsCaseNoCases',
        `${at}/setsCase`,
        `Thao tác "${action.key}" cho cán bộ chọn trường hợp (setsCase) nhưng thủ tục không có trường hợp nào (cases)`,
        `Action "${action.key}" lets the officer choose the case (setsCase) but the procedure has no cases`,
      ),
    ]
  }
  if (stayingActionTypes.includes(action.type) || terminalActionOutcome[action.type] || action.type === 'receive') {
    return [
      issue(
        'action.setsCaseNotMoving',
        `${at}/setsCase`,
        `Chỉ thao tác chuyển hồ sơ giữa các bước xử lý (forward, sendBack, approve) mới chọn được trường hợp; "${action.key}" là ${action.type}`,
        `Only an action moving the dossier between processing steps (forward, sendBack, approve) may choose the case; "${action.key}" is ${action.type}`,
      ),
    ]
  }
  const field = action.input?.properties.case
  if (field?.type !== 'string') {
    return [
      issue(
        'action.setsCaseNoInput',
        field ? `${at}/input/properties/case/type` : action.input ? `${at}/input/properties` : at,
        `Thao tác "${action.key}" chọn trường hợp nên thông tin cán bộ nhập (input) phải có trường "case" kiểu chữ: { "case": { "type": "string", "title": "Trường hợp" } }`,
        `Action "${action.key}" chooses the case, so its input needs a string field "case"`,
      ),
    ]
  }
  const issues: Issue[] = []
  const keys = (def.cases ?? []).map((c) => c.key)
  field.enum?.forEach((value, k) => {
    if (typeof value !== 'string' || !keys.includes(value)) {
      issues.push(
        issue(
          'action.setsCaseUnknownCase',
          `${at}/input/properties/case/enum/${k}`,
          `"${String(value)}" không phải trường hợp của thủ tục (dùng: ${keys.join(', ')})`,
          `"${String(value)}" is not a case of the procedure (use: ${keys.join(', ')})`,
          { case: value },
        ),
      )
    }
  })
  for (const caseKey of selectableCases(def, action)) {
    const steps = new Set(effectiveSteps(def, caseKey).map((s) => s.key))
    for (const { to, path } of actionTargets(action, at)) {
      if (isTerminalOutcome(to) || steps.has(to)) continue
      issues.push(
        issue(
          'action.targetNotInCase',
          path,
          `Khi chọn trường hợp "${caseKey}", hồ sơ chuyển tới bước "${to}" nhưng danh sách bước của trường hợp này không có bước đó`,
          `Choosing case "${caseKey}" leads to step "${to}", which that case's steps do not have`,
          { case: caseKey, to },
        ),
      )
    }
  }
  return issues
}

const listOf = (def: ProcedureDefinition, listPath: string) => {
  const match = /^\/cases\/(\d+)\/steps$/.exec(listPath)
  return match ? (def.cases?.[Number(match[1])]?.steps ?? []) : def.steps
}

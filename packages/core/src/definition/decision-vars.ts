import type { Issue } from '../errors'
import { placedActions } from './decision-actions'
import { issue } from './issue'
import type { ProcedureDefinition } from './procedure-definition.generated'

// guards and routes run when an officer acts; fees, components and cases' `when` run at submission, before any decision
const readsDecisions = /\/actions\/\d+\/(guard|routes\/\d+\/when)(\/|$)/

/**
 * Checks `decision.<action key>.<field>` paths in rules: the action asks for that field in its `input`, and the
 * rule runs when decisions exist (an action's guard or route, not a fee, component or case condition).
 */
export function decisionVarChecker(def: ProcedureDefinition) {
  const fields = new Map<string, Set<string>>()
  for (const { action } of placedActions(def)) {
    if (!action.input) continue
    const known = fields.get(action.key) ?? new Set<string>()
    for (const name of Object.keys(action.input.properties)) known.add(name)
    fields.set(action.key, known)
  }
  const described = [...fields].flatMap(([key, names]) => [...names].map((name) => `decision.${key}.${name}`))
  return {
    check(name: string, segments: readonly string[], path: string, issues: Issue[]): void {
      if (!readsDecisions.test(path)) {
        issues.push(
          issue(
            'rule.decisionTooEarly',
            path,
            `Quy tắc đọc "${name}" nhưng chạy khi nộp hồ sơ, lúc chưa có quyết định nào của cán bộ: chỉ điều kiện của thao tác (guard) và đích theo điều kiện (routes) đọc được decision.*`,
            `The rule reads "${name}" but runs at submission, before any officer decision: only action guards and routes may read decision.*`,
            { var: name },
          ),
        )
        return
      }
      const [actionKey, field, ...rest] = segments
      if (actionKey !== undefined && field !== undefined && rest.length === 0 && fields.get(actionKey)?.has(field))
        return
      issues.push(
        issue(
          'rule.unknownVar',
          path,
          `Quy tắc đọc "${name}", không phải thông tin cán bộ nhập ở thao tác nào (dùng decision.<mã thao tác>.<trường>${described.length ? `: ${described.join(', ')}` : ''})`,
          `The rule reads "${name}", which no action's input defines (use decision.<action key>.<field>${described.length ? `: ${described.join(', ')}` : ''})`,
          { var: name },
        ),
      )
    },
  }
}

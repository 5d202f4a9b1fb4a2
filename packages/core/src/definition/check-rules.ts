import type { Issue } from '../errors'
import { decisionVarChecker } from './decision-vars'
import { itemSchemas, resolveSegments, type SchemaSet } from './form-schema-paths'
import { isRecord, issue } from './issue'
import { type RuleVisitor, walkRule } from './json-logic'
import type { ProcedureDefinition, Step } from './procedure-definition.generated'

/** Which data a `var` reads: the rule's `{ form, case }`, an array item, or a `reduce` accumulator pair. */
type Scope = { kind: 'root' } | { kind: 'item'; schemas: SchemaSet } | { kind: 'reduce'; schemas: SchemaSet }

/** Every rule of a definition with its JSON pointer: case `when`, component `when`, fee `rule`, action `guard`. */
export function definitionRules(def: ProcedureDefinition): [unknown, string][] {
  const rules: [unknown, string][] = []
  def.components.forEach((component, i) => {
    if (component.when !== undefined) rules.push([component.when, `/components/${i}/when`])
  })
  def.fees.forEach((fee, i) => {
    if (fee.rule !== undefined) rules.push([fee.rule, `/fees/${i}/rule`])
  })
  const guards = (steps: Step[], base: string) =>
    steps.forEach((step, i) =>
      step.actions.forEach((action, j) => {
        if (action.guard !== undefined) rules.push([action.guard, `${base}/${i}/actions/${j}/guard`])
        action.routes?.forEach((route, k) => rules.push([route.when, `${base}/${i}/actions/${j}/routes/${k}/when`]))
      }),
    )
  def.cases?.forEach((procedureCase, i) => {
    if (procedureCase.when !== undefined) rules.push([procedureCase.when, `/cases/${i}/when`])
    if (procedureCase.steps) guards(procedureCase.steps, `/cases/${i}/steps`)
  })
  guards(def.steps, '/steps')
  return rules
}

/** Checks every rule: allow-listed operators, well-formed objects, `var` paths that exist in the form schema. */
export function checkRules(def: ProcedureDefinition): Issue[] {
  const issues: Issue[] = []
  const root = def.form.schema
  const decisionVars = decisionVarChecker(def)
  const unknownVar = (name: string, path: string) =>
    issues.push(
      issue(
        'rule.unknownVar',
        path,
        `Quy tắc đọc "${name}", không có trong biểu mẫu (chỉ dùng form.<trường> hoặc case)`,
        `The rule reads "${name}", which the form schema does not define (use form.<field> or case)`,
        { var: name },
      ),
    )
  const visitor: RuleVisitor<Scope> = {
    onVar(name, path, scope) {
      const segments = name === '' ? [] : name.split('.')
      if (scope.kind === 'root') {
        if (segments.length === 0) return
        const [head, ...rest] = segments
        if (head === 'case' && rest.length === 0) return
        if (head === 'form' && resolveSegments(root, [root], rest).length > 0) return
        if (head === 'decision') return decisionVars.check(name, rest, path, issues)
        return unknownVar(name, path)
      }
      if (scope.kind === 'reduce') {
        const [head, ...rest] = segments
        if (head === 'accumulator') return
        if (head === 'current' && resolveSegments(root, scope.schemas, rest).length > 0) return
        return unknownVar(name, path)
      }
      if (resolveSegments(root, scope.schemas, segments).length === 0) unknownVar(name, path)
    },
    onProblem(code, path, detail) {
      if (code === 'rule.unknownOperator') {
        issues.push(
          issue(
            code,
            path,
            `Toán tử "${detail}" không được phép trong quy tắc JSON Logic`,
            `Operator "${detail}" is not allowed in a JSON Logic rule`,
            { operator: detail },
          ),
        )
      } else {
        issues.push(
          issue(code, path, `Quy tắc JSON Logic không hợp lệ: ${detail}`, `Invalid JSON Logic rule: ${detail}`),
        )
      }
    },
    enterItems(op, arrayArgument, scope) {
      const schemas = itemSchemas(root, arraySchemas(root, arrayArgument, scope))
      return op === 'reduce' ? { kind: 'reduce', schemas } : { kind: 'item', schemas }
    },
  }
  for (const [rule, path] of definitionRules(def)) walkRule<Scope>(rule, path, { kind: 'root' }, visitor)
  return issues
}

/** The schemas of the array a `map`/`filter`/… iterates, when it is a literal `var`; `[true]` (unknown) otherwise. */
function arraySchemas(root: unknown, argument: unknown, scope: Scope): SchemaSet {
  if (!isRecord(argument) || Object.keys(argument).length !== 1 || !('var' in argument)) return [true]
  const raw = argument.var
  const name = Array.isArray(raw) ? raw[0] : raw
  if (typeof name !== 'string') return [true]
  const segments = name === '' ? [] : name.split('.')
  if (scope.kind === 'root') {
    return segments[0] === 'form' ? resolveSegments(root, [root], segments.slice(1)) : [true]
  }
  if (scope.kind === 'reduce') {
    return segments[0] === 'current' ? resolveSegments(root, scope.schemas, segments.slice(1)) : [true]
  }
  return resolveSegments(root, scope.schemas, segments)
}

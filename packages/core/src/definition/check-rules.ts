import type { Issue } from '../errors'
import { parseDate } from '../time/local-time'
import { decisionVarChecker } from './decision-vars'
import { itemSchemas, resolveSegments, type SchemaSet } from './form-schema-paths'
import { isRecord, issue } from './issue'
import { type RuleVisitor, walkRule } from './json-logic'
import { pointer } from './json-pointer'
import type { ProcedureDefinition } from './procedure-definition.generated'
import { allSound, items, type Soundness } from './well-formed'

/** The names a rule reads besides `form.<field>` and `const.<key>`: the case, the channel and today's date. */
const contextVars = new Set(['case', 'channel', 'today'])

/** Which data a `var` reads: the rule's `{ form, case }`, an array item, or a `reduce` accumulator pair. */
type Scope = { kind: 'root' } | { kind: 'item'; schemas: SchemaSet } | { kind: 'reduce'; schemas: SchemaSet }

/**
 * Every rule of a definition with its JSON pointer: case `when`, component `when`, fee `rule`, action `guard`.
 * Safe on a malformed document: parts that are not lists or objects hold no rules.
 */
export function definitionRules(def: ProcedureDefinition): [unknown, string][] {
  const rules: [unknown, string][] = []
  const at = (value: unknown, key: string): unknown => (isRecord(value) ? value[key] : undefined)
  items(def.components).forEach((component, i) => {
    if (at(component, 'when') !== undefined) rules.push([at(component, 'when'), `/components/${i}/when`])
  })
  items(def.fees).forEach((fee, i) => {
    if (at(fee, 'rule') !== undefined) rules.push([at(fee, 'rule'), `/fees/${i}/rule`])
  })
  const guards = (steps: unknown, base: string) =>
    items(steps).forEach((step, i) =>
      items(at(step, 'actions')).forEach((action, j) => {
        if (at(action, 'guard') !== undefined) rules.push([at(action, 'guard'), `${base}/${i}/actions/${j}/guard`])
        items(at(action, 'routes')).forEach((route, k) =>
          rules.push([at(route, 'when'), `${base}/${i}/actions/${j}/routes/${k}/when`]),
        )
      }),
    )
  items(def.cases).forEach((procedureCase, i) => {
    // a case without `when` is chosen only by an officer (an action with `setsCase`)
    if (at(procedureCase, 'when') !== undefined) rules.push([at(procedureCase, 'when'), `/cases/${i}/when`])
    guards(at(procedureCase, 'steps'), `/cases/${i}/steps`)
  })
  guards(def.steps, '/steps')
  return rules
}

/**
 * Checks every rule: allow-listed operators, well-formed objects, `var` paths that exist in the form schema or
 * name a declared constant, and date operators given dates. Only the sound parts are checked.
 */
export function checkRules(def: ProcedureDefinition, sound: Soundness = allSound): Issue[] {
  const issues: Issue[] = []
  // a form schema or constants the meta-schema refused cannot say which paths exist: those vars are not judged
  const formKnown = sound('/form/schema')
  const constantsKnown = sound('/constants')
  const root = formKnown ? def.form.schema : true
  const constants = constantsKnown && isRecord(def.constants) ? def.constants : {}
  // the officers' inputs say which decision paths exist: unjudged while any step list is malformed
  const decisionVars = sound('/steps') && sound('/cases') ? decisionVarChecker(def) : undefined
  const unknownVar = (name: string, path: string) =>
    issues.push(
      issue(
        'rule.unknownVar',
        path,
        `Quy tắc đọc "${name}", không có trong biểu mẫu. Hãy sửa thành form.<mã trường> của một trường có trong biểu mẫu, hoặc case, channel, today, const.<mã hằng số>`,
        `The rule reads "${name}", which the form schema does not define (use form.<field>, case, channel, today or const.<key>)`,
        { var: name },
      ),
    )
  const unknownConstant = (name: string, path: string) => {
    const known = Object.keys(constants)
    issues.push(
      issue(
        'rule.unknownConstant',
        path,
        `Quy tắc đọc hằng số "${name}" nhưng thủ tục không khai báo hằng số này. ${
          known.length
            ? `Các hằng số đã khai báo: ${known.map((k) => `const.${k}`).join(', ')}.`
            : 'Thủ tục chưa có hằng số nào.'
        } Hãy sửa tên hoặc thêm hằng số vào mục "constants".`,
        `The rule reads "${name}", which is not a declared constant (declare it under "constants" or fix the name)`,
        { var: name, constants: known },
      ),
    )
  }
  const visitor: RuleVisitor<Scope> = {
    onVar(name, path, scope) {
      const segments = name === '' ? [] : name.split('.')
      if (scope.kind === 'root') {
        if (segments.length === 0) return
        const [head, ...rest] = segments
        if (contextVars.has(head!) && rest.length === 0) return
        if (head === 'const') {
          if (!constantsKnown) return
          if (rest.length === 1 && Object.hasOwn(constants, rest[0]!)) return
          return unknownConstant(name, path)
        }
        if (head === 'form' && (!formKnown || resolveSegments(root, [root], rest).length > 0)) return
        if (head === 'decision') return decisionVars?.check(name, rest, path, issues)
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
            `Toán tử "${detail}" không được phép trong quy tắc JSON Logic. Hãy dùng một toán tử trong danh sách cho phép (xem FORMAT.md, mục Rules).`,
            `Operator "${detail}" is not allowed in a JSON Logic rule`,
            { operator: detail },
          ),
        )
      } else {
        issues.push(
          issue(
            code,
            path,
            `Quy tắc JSON Logic không hợp lệ: ${detail}. Hãy sửa quy tắc theo FORMAT.md, mục Rules.`,
            `Invalid JSON Logic rule: ${detail}`,
          ),
        )
      }
    },
    enterItems(op, arrayArgument, scope) {
      const schemas = itemSchemas(root, arraySchemas(root, arrayArgument, scope))
      return op === 'reduce' ? { kind: 'reduce', schemas } : { kind: 'item', schemas }
    },
    onDateArgument(argument, path, scope) {
      const notADate = (what: string, whatEn: string) =>
        issues.push(
          issue(
            'rule.notADate',
            path,
            `Phép tính ngày cần một ngày dạng YYYY-MM-DD, ở đây là ${what}. Hãy dùng một trường ngày của biểu mẫu (format "date"), today, hoặc một ngày viết đúng như "2026-01-31".`,
            `A date operator needs a YYYY-MM-DD date; this is ${whatEn}`,
          ),
        )
      if (typeof argument === 'string') {
        if (parseDate(argument) === undefined) notADate(`"${argument}"`, `"${argument}"`)
        return
      }
      if (typeof argument === 'number' || typeof argument === 'boolean' || argument === null) {
        return notADate(String(argument), String(argument))
      }
      if (!formKnown || scope.kind !== 'root' || !isRecord(argument) || !('var' in argument)) return
      const name = Array.isArray(argument.var) ? argument.var[0] : argument.var
      if (typeof name !== 'string') return
      const [head, ...rest] = name.split('.')
      if (head === 'channel' && rest.length === 0) return notADate('kênh nộp (channel)', 'the channel')
      if (head !== 'form') return
      const schemas = resolveSegments(root, [root], rest)
      if (schemas.length === 0 || schemas.includes(true)) return
      const isDate = (schema: unknown) => isRecord(schema) && schema.format === 'date'
      if (!schemas.some(isDate))
        notADate(`trường "${name}" (không phải trường ngày, format "date")`, `"${name}", not a date field`)
    },
  }
  for (const [rule, path] of definitionRules(def)) {
    if (!sound(path)) continue
    walkRule<Scope>(rule, path, { kind: 'root' }, visitor)
    issues.push(...channelTypos(rule, path))
  }
  return issues
}

const channelNames = new Set(['counter', 'online', 'post'])
const isChannelVar = (value: unknown) =>
  isRecord(value) && (value.var === 'channel' || (Array.isArray(value.var) && value.var[0] === 'channel'))

/** A string compared with `channel` (`==`, `!=`, `in`) that is no channel: the comparison could never hold. */
function channelTypos(rule: unknown, path: string, depth = 0): Issue[] {
  if (depth > 64 || (!isRecord(rule) && !Array.isArray(rule))) return []
  const found: Issue[] = []
  const typo = (value: unknown, at: string) => {
    if (typeof value === 'string' && !channelNames.has(value))
      found.push(
        issue(
          'rule.unknownChannel',
          at,
          `"${value}" không phải một kênh nộp: channel chỉ là "counter" (trực tiếp), "online" (trực tuyến) hoặc "post" (bưu chính). Hãy sửa lại`,
          `"${value}" is not a channel: use "counter", "online" or "post"`,
          { channel: value },
        ),
      )
  }
  const entries: [string, unknown][] = Array.isArray(rule) ? rule.map((v, i) => [String(i), v]) : Object.entries(rule)
  for (const [key, value] of entries) {
    const at = pointer(path, key)
    if (isRecord(rule) && ['==', '===', '!=', '!=='].includes(key) && Array.isArray(value) && value.length === 2) {
      if (isChannelVar(value[0])) typo(value[1], pointer(at, 1))
      if (isChannelVar(value[1])) typo(value[0], pointer(at, 0))
    }
    if (isRecord(rule) && key === 'in' && Array.isArray(value) && isChannelVar(value[0]) && Array.isArray(value[1])) {
      value[1].forEach((item, i) => typo(item, pointer(pointer(at, 1), i)))
    }
    found.push(...channelTypos(value, at, depth + 1))
  }
  return found
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

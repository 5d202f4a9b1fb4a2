import type { Issue } from '../errors'
import { isRecord, issue } from './issue'
import type { ProcedureDefinition } from './procedure-definition.generated'
import { items } from './well-formed'

/** Keys are unique within their list: steps, actions of one step, components, fees, cases, plugin slugs. */
export function checkKeys(def: ProcedureDefinition): Issue[] {
  const issues: Issue[] = []
  const unique = (list: unknown, base: string, what: string, whatEn: string) => {
    const seen = new Map<string, number>()
    items(list).forEach((item, i) => {
      if (!isRecord(item) || typeof item.key !== 'string') return
      const first = seen.get(item.key)
      if (first === undefined) return seen.set(item.key, i)
      issues.push(
        issue(
          'key.duplicate',
          `${base}/${i}/key`,
          `Mã "${item.key}" của ${what} bị trùng (đã dùng tại ${base}/${first}). Hãy đặt một mã khác, chưa dùng trong danh sách này`,
          `Duplicate ${whatEn} key "${item.key}" (already used at ${base}/${first})`,
          { key: item.key, first: `${base}/${first}` },
        ),
      )
    })
  }
  const steps = (list: unknown, base: string) => {
    unique(list, base, 'bước', 'step')
    items(list).forEach(
      (step, i) => isRecord(step) && unique(step.actions, `${base}/${i}/actions`, 'thao tác', 'action'),
    )
  }
  steps(def.steps, '/steps')
  unique(def.components, '/components', 'thành phần hồ sơ', 'component')
  unique(def.fees, '/fees', 'khoản phí', 'fee')
  unique(def.cases, '/cases', 'trường hợp', 'case')
  items(def.cases).forEach(
    (procedureCase, i) => isRecord(procedureCase) && steps(procedureCase.steps, `/cases/${i}/steps`),
  )
  const slugs = new Map<string, number>()
  items(def.plugins).forEach((plugin, i) => {
    if (!isRecord(plugin) || typeof plugin.slug !== 'string') return
    const first = slugs.get(plugin.slug)
    if (first === undefined) return slugs.set(plugin.slug, i)
    issues.push(
      issue(
        'key.duplicate',
        `/plugins/${i}/slug`,
        `Plugin "${plugin.slug}" được khai báo hai lần`,
        `Plugin "${plugin.slug}" is listed twice`,
        { key: plugin.slug, first: `/plugins/${first}` },
      ),
    )
  })
  return issues
}

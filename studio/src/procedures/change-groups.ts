import type { DefinitionChange } from '@motcua/core'

/** The parts of a procedure an administrator thinks in, in the order the publish dialog lists them. */
export const CHANGE_GROUPS = ['general', 'form', 'components', 'fees', 'workflow'] as const
export type ChangeGroup = (typeof CHANGE_GROUPS)[number]

const groupOf = (path: string): ChangeGroup => {
  const top = path.split('/')[1] ?? ''
  if (top === 'form') return 'form'
  if (top === 'components') return 'components'
  if (top === 'fees') return 'fees'
  if (top === 'steps' || top === 'cases') return 'workflow'
  return 'general'
}

/**
 * A draft's changes by part: thông tin chung, biểu mẫu, thành phần hồ sơ, lệ phí, quy trình; empty parts left out.
 * @example groupChanges([{ path: '/fees/0/rule', … }]) // [['fees', [{ path: '/fees/0/rule', … }]]]
 */
export function groupChanges(changes: DefinitionChange[]): [ChangeGroup, DefinitionChange[]][] {
  return CHANGE_GROUPS.map((group) => [group, changes.filter((c) => groupOf(c.path) === group)] as const)
    .filter(([, list]) => list.length > 0)
    .map(([group, list]) => [group, list])
}

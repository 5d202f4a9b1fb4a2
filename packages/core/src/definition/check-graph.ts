import type { Issue } from '../errors'
import { actionTargets } from './decision-actions'
import { issue } from './issue'
import { isTerminalOutcome } from './model'
import type { StepList } from './step-lists'

const LEAVES_LIST = '$case'

/** Every step is reachable from the first, and every step can reach a terminal outcome. */
export function checkGraph({ path, steps, entries = [] }: StepList): Issue[] {
  const index = new Map(steps.map((step, i) => [step.key, i]))
  // an officer's choice of case leaves this list for the case's own (checked there): as good as an outcome here
  // a consultation moves the dossier on to its `then` by itself
  const targets = steps.map((step) => [
    ...step.actions.flatMap((action) => [
      ...(action.setsCase ? [LEAVES_LIST] : []),
      ...actionTargets(action, '').map((target) => target.to),
    ]),
    ...(step.consult ? [step.consult.then] : []),
  ])

  const starts = [0, ...entries.flatMap((key) => index.get(key) ?? [])]
  const reachable = new Set<number>(starts)
  const queue = [...reachable]
  for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
    for (const to of targets[current] ?? []) {
      const next = index.get(to)
      if (next !== undefined && !reachable.has(next)) {
        reachable.add(next)
        queue.push(next)
      }
    }
  }

  const ends = new Set<number>()
  for (let changed = true; changed; ) {
    changed = false
    targets.forEach((list, i) => {
      if (ends.has(i)) return
      if (list.some((to) => to === LEAVES_LIST || isTerminalOutcome(to) || ends.has(index.get(to) ?? -1))) {
        ends.add(i)
        changed = true
      }
    })
  }

  const issues: Issue[] = []
  steps.forEach((step, i) => {
    if (!reachable.has(i)) {
      issues.push(
        issue(
          'step.unreachable',
          `${path}/${i}`,
          `Không thể tới bước "${step.key}" từ bước đầu "${steps[0]?.key}"`,
          `Step "${step.key}" cannot be reached from the first step "${steps[0]?.key}"`,
        ),
      )
    }
    if (!ends.has(i)) {
      issues.push(
        issue(
          'step.noTerminal',
          `${path}/${i}`,
          `Từ bước "${step.key}" không có đường tới kết thúc (trả kết quả, từ chối, rút hoặc dừng)`,
          `From step "${step.key}" no path leads to an outcome (returned, refused, withdrawn or stopped)`,
        ),
      )
    }
  })
  return issues
}

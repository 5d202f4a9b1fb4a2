// PLACEHOLDER until this section lands (issue #12); replaced by its helper.
import type { SectionProps } from './section'

export function TestRunSection({ definition }: SectionProps) {
  return <p>TestRunSection {String(definition.code)}</p>
}

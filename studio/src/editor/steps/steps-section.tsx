// PLACEHOLDER until this section lands (issue #12); replaced by its helper.
import type { SectionProps } from '../section'

export function StepsSection({ definition }: SectionProps) {
  return <p>StepsSection {String(definition.code)}</p>
}

// PLACEHOLDER until this section lands (issue #12); replaced by its helper.
import type { SectionProps } from './section'

export function FeesSection({ definition }: SectionProps) {
  return <p>FeesSection {String(definition.code)}</p>
}

// PLACEHOLDER until this section lands (issue #12); replaced by its helper.
import type { SectionProps } from './section'

export function ComponentsSection({ definition }: SectionProps) {
  return <p>ComponentsSection {String(definition.code)}</p>
}

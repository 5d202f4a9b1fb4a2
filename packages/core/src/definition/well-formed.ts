import type { Issue } from '../errors'

/**
 * Whether the part of a definition at a JSON pointer passed the meta-schema: no meta-schema issue lies at it,
 * above it (its object is missing or of the wrong type) or below it. Semantic checks run on the parts that are
 * sound, so an administrator sees every problem at once, not only the first layer.
 */
export type Soundness = (path: string) => boolean

/** Every part is sound: the meta-schema passed. */
export const allSound: Soundness = () => true

/** The soundness left by these meta-schema issues. */
export function soundnessOf(issues: readonly Issue[]): Soundness {
  const broken = issues.map((i) => i.path)
  return (path) => !broken.some((p) => p === path || p.startsWith(`${path}/`) || path.startsWith(`${p}/`))
}

/** The items of a list, or none when the value is not a list (a malformed part). */
export const items = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])

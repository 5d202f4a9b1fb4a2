import type { Issue } from '@motcua/core'
import { useI18n } from '../i18n/i18n'
import { problemsUnder } from './section'

/**
 * The problems about one thing, placed beside it: at `path` only (`exact`), or also under it.
 * Renders nothing when there are none.
 */
export function Problems({ problems, path, exact = false }: { problems: Issue[]; path: string; exact?: boolean }) {
  const { pick } = useI18n()
  const here = exact ? problems.filter((p) => p.path === path) : problemsUnder(problems, path)
  if (here.length === 0) return null
  return (
    <ul className="problems" data-path={path}>
      {here.map((p, i) => (
        <li key={`${p.path}-${p.code}-${i}`}>{pick(p.message)}</li>
      ))}
    </ul>
  )
}

import type { Issue } from '@motcua/core'
import { useI18n } from '../i18n/i18n'
import { placeOf } from './places'
import type { DraftDefinition } from './section'

/** Every problem of the draft, each a link to where it is; shown while there are any. */
export function ProblemsPanel({
  definition,
  problems,
  onOpen,
}: {
  definition: DraftDefinition
  problems: Issue[]
  onOpen: (problem: Issue) => void
}) {
  const { t, pick } = useI18n()
  if (problems.length === 0) return null
  return (
    <details className="editor-problems" open={problems.length <= 8}>
      <summary>
        <strong>{t('editor.problems', { count: String(problems.length) })}</strong>{' '}
        <span className="muted">{t('editor.problemsLead')}</span>
      </summary>
      <ul aria-label={t('editor.problems', { count: String(problems.length) })}>
        {problems.map((problem, i) => (
          <li key={`${problem.path}-${problem.code}-${i}`}>
            <button type="button" className="link-button" onClick={() => onOpen(problem)}>
              <span className="editor-problems__place">{pick(placeOf(definition, problem.path))}</span>:{' '}
              {pick(problem.message)}
            </button>
          </li>
        ))}
      </ul>
    </details>
  )
}

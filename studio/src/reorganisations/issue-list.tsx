import type { Issue } from '@motcua/web-kit'
import { catalogues, type MessageKey, useI18n } from '../i18n/i18n'

/** What an administrator does about an issue of this code (`reorg.todo.<code>`), else the general advice. */
const todoKey = (code: string): MessageKey => {
  const key = `reorg.todo.${code}`
  return key in catalogues.vi ? (key as MessageKey) : 'reorg.todo.default'
}

/**
 * Issues (a plan's problems, warnings, or the API's refusal) in the page's language, each with its place in the
 * plan file and, with `todo`, what to do about it.
 */
export function IssueList({ issues, todo = false, testId }: { issues: Issue[]; todo?: boolean; testId?: string }) {
  const { t, pick } = useI18n()
  return (
    <ul className="reorg-issues" data-testid={testId}>
      {issues.map((issue, i) => (
        <li key={`${issue.path}-${issue.code}-${i}`}>
          <p>{pick(issue.message)}</p>
          {todo && <p>{t('reorg.problems.todo', { todo: t(todoKey(issue.code)) })}</p>}
          <p className="muted reorg-issues__path">
            {t('reorg.issue.at', { path: issue.path || t('reorg.issue.root') })}
          </p>
        </li>
      ))}
    </ul>
  )
}

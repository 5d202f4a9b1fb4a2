import { useEffect } from 'react'
import { ApiError } from './api'
import { useMessages } from './i18n'
import { kitTexts } from './kit-texts'

/** A polite "Đang tải…" line for screen readers and eyes. */
export function Loading() {
  const { t } = useMessages(kitTexts)
  return (
    <p className="loading" role="status">
      {t('loading')}
    </p>
  )
}

/**
 * An error from the API (or the network) in the page's language, with a "Thử lại" button when one helps.
 * @example <ErrorBox error={error} onRetry={reload} />
 */
export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, pick } = useMessages(kitTexts)
  const message = error instanceof ApiError ? pick(error.userMessage) : String(error)
  return (
    <div className="notice notice--error" role="alert">
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  )
}

/** Sets the tab's title: the page's name, then the app's. */
export function usePageTitle(title: string, appTitle: string) {
  useEffect(() => {
    document.title = `${title} – ${appTitle}`
  }, [title, appTitle])
}

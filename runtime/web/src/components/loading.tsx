import { ApiError } from '@motcua/web-kit'
import { useI18n } from '../i18n/i18n'

export function Loading() {
  const { t } = useI18n()
  return (
    <p className="loading" role="status">
      {t('app.loading')}
    </p>
  )
}

/** An error from the API (or the network) in the page's language, with a retry button when one helps. */
export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, pick } = useI18n()
  const message = error instanceof ApiError ? pick(error.userMessage) : String(error)
  return (
    <div className="notice notice--error" role="alert">
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  )
}

import { ApiError } from '@motcua/web-kit'
import { useState } from 'react'
import { useI18n } from '../i18n/i18n'
import { downloadTrackedFile } from '../lib/download'
import { showSize } from '../lib/format'
import type { TrackedFile } from '../lib/types'

/** A button that downloads one file of a tracked dossier with the PIN, and says why when it cannot. */
export function FileDownload({
  code,
  pin,
  file,
  primary = false,
}: {
  code: string
  pin: string
  file: TrackedFile /** A big button (the result) rather than a link-like one. */
  primary?: boolean
}) {
  const { t, locale, pick } = useI18n()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const download = async () => {
    setBusy(true)
    setError(undefined)
    try {
      await downloadTrackedFile(code, pin, file)
    } catch (e) {
      setError(
        t('files.failed', { name: file.fileName, reason: e instanceof ApiError ? pick(e.userMessage) : String(e) }),
      )
    } finally {
      setBusy(false)
    }
  }
  return (
    <span className="file-download">
      <button
        type="button"
        className={primary ? 'button button--wide file-download__button' : 'link-button file-download__link'}
        disabled={busy}
        aria-busy={busy || undefined}
        onClick={() => void download()}
      >
        {primary ? t('files.downloadNamed', { name: file.fileName, size: showSize(file.size, locale) }) : file.fileName}
        {!primary && <span className="mc-sr-only"> ({t('files.download')})</span>}
      </button>
      {!primary && <span className="hint"> ({showSize(file.size, locale)})</span>}
      {busy && <span className="hint"> {t('files.downloading')}</span>}
      {error && (
        <span className="field-error block" role="alert">
          ⚠ {error}
        </span>
      )}
    </span>
  )
}

import { ApiError } from '@motcua/web-kit'
import { useId, useState } from 'react'
import { useI18n } from '../i18n/i18n'
import { IssueList } from './issue-list'
import { parsePlanFile, previewPlan, type ReorganisationReport } from './reorganisations'

const MAX_BYTES = 1024 * 1024

type Failure = { message: string; issues?: ApiError['issues'] }

/**
 * "Xem trước kế hoạch từ tệp": the administrator picks a plan file, read in the browser and sent as `{plan}`; a
 * file that is not JSON, or a plan the server finds invalid, is explained with the places to correct.
 */
export function PlanUpload({
  onPreview,
}: {
  onPreview: (plan: Record<string, unknown>, report: ReorganisationReport) => void
}) {
  const { t, pick } = useI18n()
  const inputId = useId()
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<Failure>()
  const read = async (file: File) => {
    setFailure(undefined)
    if (file.size > MAX_BYTES)
      return setFailure({ message: t('reorg.upload.tooLarge', { file: file.name, size: Math.ceil(file.size / 1024) }) })
    const parsed = parsePlanFile(await file.text())
    if ('error' in parsed)
      return setFailure({
        message:
          parsed.error === 'invalidJson'
            ? t('reorg.upload.invalidJson', { file: file.name, detail: parsed.detail })
            : t('reorg.upload.notObject', { file: file.name }),
      })
    setBusy(true)
    try {
      onPreview(parsed.plan, await previewPlan({ plan: parsed.plan }))
    } catch (caught) {
      if (caught instanceof ApiError && caught.issues.length)
        setFailure({ message: t('reorg.upload.invalid', { file: file.name }), issues: caught.issues })
      else setFailure({ message: caught instanceof ApiError ? pick(caught.userMessage) : String(caught) })
    } finally {
      setBusy(false)
    }
  }
  return (
    <section className="reorg-upload stack" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`}>{t('reorg.upload.title')}</h2>
      <p className="muted">{t('reorg.upload.lead')}</p>
      <div className="field">
        <label className="label" htmlFor={inputId}>
          {t('reorg.upload.label')}
        </label>
        <input
          id={inputId}
          type="file"
          className="input"
          accept=".json,application/json"
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0]
            e.target.value = ''
            if (file) void read(file)
          }}
        />
      </div>
      {busy && (
        <p className="loading" role="status">
          {t('reorg.upload.reading')}
        </p>
      )}
      {failure && (
        <div className="notice notice--error" role="alert" data-testid="upload-error">
          <p>{failure.message}</p>
          {failure.issues && <IssueList issues={failure.issues} />}
        </div>
      )}
    </section>
  )
}

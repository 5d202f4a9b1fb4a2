import {
  type ErrorSchema,
  formValidator,
  issuesToErrorSchema,
  ProcedureForm,
  type RJSFSchema,
  type UiSchema,
} from '@motcua/forms'
import { ApiError, api, csrf, networkError, toApiError } from '@motcua/web-kit'
import { type FormEvent, useRef, useState } from 'react'
import { ErrorBox } from '../components/status'
import { useI18n } from '../i18n/i18n'
import { isStale } from './slips'
import type { DossierView } from './types'

/** Posts files as multipart with the tab's CSRF token; errors as ApiError. */
async function postFiles<T>(url: string, body: FormData): Promise<T> {
  const token = csrf.get()
  let response: Response
  try {
    response = await fetch(url, {
      method: 'POST',
      body,
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(token ? { 'x-csrf-token': token } : {}) },
    })
  } catch {
    throw networkError()
  }
  const json: unknown = await response.json().catch(() => null)
  if (!response.ok) throw await toApiError(response.status, json)
  return json as T
}

/**
 * Preparing the result before it is returned: the result data the procedure asks for, its document generated from
 * the template (or printed), a scanned result attached. Each change reloads the dossier; a 409 goes to `onStale`.
 */
export function ResultPanel({
  dossier,
  onChanged,
  onStale,
}: {
  dossier: DossierView
  onChanged: () => void
  onStale: (error: ApiError) => void
}) {
  const { t, locale } = useI18n()
  const base = `/api/desk/dossiers/${encodeURIComponent(dossier.receiptCode)}`
  // what the form opens with, kept as it was when the panel opened (the form keeps its own state afterwards)
  const [initial] = useState(() => dossier.resultData ?? {})
  const [data, setData] = useState<unknown>(initial)
  const [errors, setErrors] = useState<ErrorSchema>()
  const [error, setError] = useState<unknown>()
  const [done, setDone] = useState<string>()
  const [busy, setBusy] = useState(false)
  const fileRef = useRef<HTMLInputElement>(null)
  const { resultData, resultDocument } = dossier.definition

  const run = async (work: () => Promise<string>) => {
    setError(undefined)
    setDone(undefined)
    setBusy(true)
    try {
      setDone(await work())
      onChanged()
    } catch (caught) {
      if (caught instanceof ApiError && isStale(caught)) {
        onStale(caught)
        return
      }
      if (caught instanceof ApiError) setErrors(issuesToErrorSchema(caught.issues, '/data', locale))
      setError(caught)
    } finally {
      setBusy(false)
    }
  }

  const save = (event: FormEvent) => {
    event.preventDefault()
    void run(async () => {
      await api(`${base}/result-data`, { method: 'PUT', body: { expectedVersion: dossier.version, data } })
      setErrors(undefined)
      return t('dossier.results.saved')
    })
  }
  const generate = () =>
    run(async () => {
      const file = await api<{ fileName: string }>(`${base}/result-document`, {
        method: 'POST',
        body: { expectedVersion: dossier.version },
      })
      return t('dossier.results.generated', { name: file.fileName })
    })
  const upload = (event: FormEvent) => {
    event.preventDefault()
    const files = [...(fileRef.current?.files ?? [])]
    if (files.length === 0) {
      setError(new ApiError(400, 'INVALID_DATA', { vi: 'Vui lòng chọn tệp.', en: 'Choose a file.' }))
      return
    }
    void run(async () => {
      const body = new FormData()
      for (const file of files) body.append('attachments.ket_qua', file)
      const answer = await postFiles<{ files: number }>(`${base}/results`, body)
      if (fileRef.current) fileRef.current.value = ''
      return t('dossier.results.uploaded', { count: answer.files })
    })
  }

  return (
    <section aria-labelledby="dossier-results" className="dossier-panel" data-testid="results">
      <h2 id="dossier-results">{t('dossier.results')}</h2>
      <p className="hint">{t('dossier.results.lead')}</p>
      {resultData && (
        <form onSubmit={save} className="stack">
          <h3>{t('dossier.results.data')}</h3>
          <ProcedureForm
            schema={resultData.schema as RJSFSchema}
            uiSchema={resultData.uiSchema as UiSchema | undefined}
            initialFormData={initial}
            onChange={setData}
            locale={locale}
            validator={formValidator(locale)}
            {...(errors ? { errors } : {})}
          />
          <button type="submit" className="button button--secondary" disabled={busy}>
            {t('dossier.results.save')}
          </button>
        </form>
      )}
      {resultDocument && (
        <div className="row">
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => void generate()}>
            {t('dossier.results.generate')}
          </button>
          <a href={`${base}/result-document`} target="_blank" rel="noopener">
            {t('dossier.results.printable')}
          </a>
        </div>
      )}
      <form onSubmit={upload} className="stack">
        <label className="label" htmlFor="result-file">
          {t('dossier.results.upload')}
        </label>
        <div className="row">
          <input
            ref={fileRef}
            id="result-file"
            type="file"
            accept="application/pdf,image/jpeg,image/png"
            multiple
            className="dossier-file-input"
          />
          <button type="submit" className="button button--secondary" disabled={busy}>
            {t('dossier.results.uploadButton')}
          </button>
        </div>
      </form>
      {done && (
        <p className="notice notice--ok" role="status">
          {done}
        </p>
      )}
      {error !== undefined && <ErrorBox error={error} />}
    </section>
  )
}

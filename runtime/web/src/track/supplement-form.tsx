import type { DossierComponent } from '@motcua/core'
import { acceptOf, checkFile, maxMbOf } from '@motcua/forms'
import { ApiError, postMultipart, useAsync } from '@motcua/web-kit'
import { useRef, useState } from 'react'
import { ErrorBox, Loading } from '../components/loading'
import { useI18n } from '../i18n/i18n'
import { showSize } from '../lib/format'
import { loadProcedure } from '../lib/procedures'
import { fileIssues, uploadOrder } from './track-data'

const typeName = (mime: string) => mime.split('/')[1]!.replace('jpeg', 'jpg').toUpperCase()

/** Before a component is chosen, a file is checked against the runtime's defaults (PDF, JPG, PNG; 10 MB). */
const ANY: DossierComponent = { key: '', name: '', required: false }

interface Row {
  id: number
  componentKey: string
  file?: File | undefined
  /** Why the file cannot go (checked here, or answered by the runtime). */
  problem?: string | undefined
  /** No component chosen for a file. */
  unassigned?: boolean | undefined
}

/**
 * Answering a supplement request (`POST /api/track/:code/supplement` with the PIN): one or more files, each for
 * a component of the procedure, checked for type and size before anything is sent; an optional note; upload
 * progress; the runtime's objections beside the file they concern.
 */
export default function SupplementForm({
  code,
  pin,
  procedureCode,
  onSent,
}: {
  code: string
  pin: string
  procedureCode: string
  onSent: (files: number) => void
}) {
  const { value: procedure, error, reload } = useAsync(() => loadProcedure(procedureCode), [procedureCode])
  if (error !== undefined) return <ErrorBox error={error} onRetry={reload} />
  if (!procedure) return <Loading />
  return <Form code={code} pin={pin} components={procedure.components} onSent={onSent} />
}

function Form({
  code,
  pin,
  components,
  onSent,
}: {
  code: string
  pin: string
  components: DossierComponent[]
  onSent: (files: number) => void
}) {
  const { t, locale, pick } = useI18n()
  const nextId = useRef(2)
  const only = components.length === 1 ? components[0]!.key : ''
  const [rows, setRows] = useState<Row[]>([{ id: 1, componentKey: only }])
  const [note, setNote] = useState('')
  const [sending, setSending] = useState<{ loaded: number; total: number } | null>(null)
  const [failure, setFailure] = useState<unknown>()
  const componentOf = (key: string) => components.find((c) => c.key === key)
  const update = (id: number, change: Partial<Row>) =>
    setRows((all) => all.map((row) => (row.id === id ? { ...row, ...change } : row)))

  const problemOf = async (file: File, component: DossierComponent): Promise<string | undefined> => {
    const found = await checkFile(file, component)
    if (!found) return undefined
    return found.kind === 'tooLarge'
      ? t('form.fileTooLarge', { name: file.name, size: showSize(file.size, locale), max: found.maxMb })
      : t('form.fileWrongType', { name: file.name, types: found.accepted.map(typeName).join(', ') })
  }
  const chooseFile = async (row: Row, file: File | undefined, input: HTMLInputElement) => {
    if (!file) return
    const problem = await problemOf(file, componentOf(row.componentKey) ?? ANY)
    if (problem) {
      input.value = ''
      update(row.id, { file: undefined, problem })
    } else update(row.id, { file, problem: undefined })
  }
  const chooseComponent = async (row: Row, key: string) => {
    const component = componentOf(key)
    const problem = row.file && component ? await problemOf(row.file, component) : undefined
    update(row.id, {
      componentKey: key,
      unassigned: false,
      ...(problem ? { problem, file: undefined } : { problem: undefined }),
    })
  }

  const send = async () => {
    if (sending) return
    setFailure(undefined)
    // Rows left untouched are ignored (unless all are); a file needs its component and a component its file.
    const touched = rows.filter((row) => row.file || (row.componentKey && row.componentKey !== only))
    const checked = (touched.length ? touched : rows.slice(0, 1)).map((row) => ({
      ...row,
      unassigned: !!row.file && !row.componentKey,
      problem: row.problem ?? (row.file ? undefined : t('supplement.fileMissing')),
    }))
    if (checked.some((row) => row.unassigned || row.problem)) {
      setRows((all) => all.map((row) => checked.find((c) => c.id === row.id) ?? row))
      document
        .getElementById(`supplement-row-${checked.find((row) => row.unassigned || row.problem)!.id}`)
        ?.scrollIntoView({ block: 'center' })
      return
    }
    const ordered = uploadOrder(checked as (Row & { file: File })[])
    const body = new FormData()
    for (const row of ordered) body.append(`attachments.${row.componentKey}`, row.file, row.file.name)
    if (note.trim()) body.append('note', note.trim())
    setSending({ loaded: 0, total: 1 })
    try {
      await postMultipart<{ files: number }>(
        `/api/track/${encodeURIComponent(code)}/supplement`,
        body,
        { 'X-Lookup-Pin': pin },
        (loaded, total) => setSending({ loaded, total }),
      )
      onSent(ordered.length)
    } catch (e) {
      const issues = e instanceof ApiError ? fileIssues(e.issues) : new Map()
      if (issues.size) {
        setRows((all) =>
          all.map((row) => {
            const at = ordered.findIndex((o) => o.id === row.id)
            const issue = issues.get(at)
            return issue ? { ...row, problem: pick(issue.message) } : row
          }),
        )
      }
      setFailure(e)
    } finally {
      setSending(null)
    }
  }

  const percent = sending ? Math.round((sending.loaded / Math.max(sending.total, 1)) * 100) : 0
  return (
    <form
      className="supplement-form"
      noValidate
      aria-labelledby="supplement-form-title"
      onSubmit={(e) => {
        e.preventDefault()
        void send()
      }}
    >
      <h3 id="supplement-form-title">{t('supplement.formTitle')}</h3>
      <p>{t('supplement.lead')}</p>
      <ul className="attachments">
        {rows.map((row, i) => {
          const component = componentOf(row.componentKey)
          const fileId = `supplement-file-${row.id}`
          const selectId = `supplement-component-${row.id}`
          return (
            <li
              key={row.id}
              id={`supplement-row-${row.id}`}
              className={`attachment${row.problem || row.unassigned ? ' attachment--invalid' : ''}`}
            >
              <p className="attachment__name">{t('supplement.fileN', { n: i + 1 })}</p>
              <label className="label" htmlFor={selectId}>
                {t('supplement.component')}
              </label>
              <select
                id={selectId}
                className="input select"
                value={row.componentKey}
                aria-invalid={row.unassigned || undefined}
                aria-describedby={row.unassigned ? `${selectId}-error` : undefined}
                onChange={(e) => void chooseComponent(row, e.target.value)}
              >
                <option value="">{t('supplement.pickComponent')}</option>
                {components.map((c) => (
                  <option key={c.key} value={c.key}>
                    {c.name}
                  </option>
                ))}
              </select>
              {component && <p className="supplement-form__chosen">{component.name}</p>}
              {row.unassigned && (
                <p className="field-error" id={`${selectId}-error`}>
                  ⚠ {t('supplement.componentMissing')}
                </p>
              )}
              <p className="hint" id={`${fileId}-hint`}>
                {t('procedure.accept', {
                  types: acceptOf(component ?? ANY)
                    .map(typeName)
                    .join(', '),
                  size: maxMbOf(component ?? ANY),
                })}
              </p>
              {row.file && (
                <p className="attachment__file">
                  <span className="attachment__filename">{row.file.name}</span>{' '}
                  <span className="hint">({showSize(row.file.size, locale)})</span>
                </p>
              )}
              {row.problem && (
                <p className="field-error" id={`${fileId}-error`}>
                  ⚠ {row.problem}
                </p>
              )}
              <div className="attachment__actions">
                <label className="button button--secondary file-button" htmlFor={fileId}>
                  {row.file ? t('form.replaceFile') : t('form.chooseFile')}
                  <span className="mc-sr-only">: {t('supplement.fileN', { n: i + 1 })}</span>
                </label>
                <input
                  id={fileId}
                  className="file-input"
                  type="file"
                  accept={acceptOf(component ?? ANY).join(',')}
                  aria-describedby={`${fileId}-hint${row.problem ? ` ${fileId}-error` : ''}`}
                  aria-invalid={row.problem ? true : undefined}
                  onChange={(e) => void chooseFile(row, e.target.files?.[0], e.target)}
                />
                {rows.length > 1 && (
                  <button
                    type="button"
                    className="button button--ghost"
                    onClick={() => setRows((all) => all.filter((r) => r.id !== row.id))}
                  >
                    {t('supplement.removeRow')}
                    <span className="mc-sr-only"> {i + 1}</span>
                  </button>
                )}
              </div>
            </li>
          )
        })}
      </ul>
      {rows.length < 20 && (
        <button
          type="button"
          className="button button--secondary supplement-form__add"
          onClick={() => setRows((all) => [...all, { id: nextId.current++, componentKey: only }])}
        >
          {t('supplement.addFile')}
        </button>
      )}
      <label className="label supplement-form__note" htmlFor="supplement-note">
        {t('supplement.note')}
      </label>
      <p className="hint" id="supplement-note-hint">
        {t('supplement.noteHint')}
      </p>
      <textarea
        id="supplement-note"
        className="input textarea"
        rows={3}
        maxLength={1000}
        value={note}
        aria-describedby="supplement-note-hint"
        onChange={(e) => setNote(e.target.value)}
      />
      {sending && (
        <div className="upload-progress" role="status">
          <p>{t('supplement.sending', { percent })}</p>
          <progress max={sending.total} value={sending.loaded} />
        </div>
      )}
      {failure !== undefined && (
        <div className="notice notice--error" role="alert">
          <p>
            <strong>{t('supplement.failed')}</strong>
          </p>
          <p>{failure instanceof ApiError ? pick(failure.userMessage) : String(failure)}</p>
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="button button--wide" disabled={!!sending}>
          {t('supplement.submit')}
        </button>
      </div>
    </form>
  )
}

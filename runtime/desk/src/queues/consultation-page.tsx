import { FormSummary, type RJSFSchema, type UiSchema } from '@motcua/forms'
import { ApiError, api, Link, useAsync } from '@motcua/web-kit'
import { type FormEvent, useState } from 'react'
import { ErrorBox, Loading, usePageTitle } from '../components/status'
import { useI18n } from '../i18n/i18n'
import { ConsultationDue, type ConsultationItem } from './consultation-table'
import { dateTime } from './format'
import { viewAddress } from './queue-address'
import './queues.css'

type Opinion = 'agree' | 'disagree' | 'comments'

interface Consultation {
  id: string
  dueAt: string
  state: ConsultationItem['state']
  workingMinutesLeft: number | null
  workingDayMinutes: number | null
  answeredAt: string | null
  answeredBy: string | null
  opinion: Opinion | null
  note: string | null
  question: { name: string; description: string | null }
  dossier: {
    receiptCode: string
    procedure: { code: string; name: string }
    unit: { code: string; name: string }
    applicant: { fullName: string }
    formData: Record<string, unknown>
    form: { schema: RJSFSchema; uiSchema: UiSchema | null }
    attachments: { id: string; fileName: string; size: number }[]
  }
}

const opinions: Opinion[] = ['agree', 'disagree', 'comments']

/** My unit's answer: the opinion and, unless agreeing, the words. */
function AnswerForm({ c, onAnswered }: { c: Consultation; onAnswered: () => void }) {
  const { t, pick } = useI18n()
  const [opinion, setOpinion] = useState<Opinion>('agree')
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      await api(`/api/desk/dossiers/${encodeURIComponent(c.dossier.receiptCode)}/consultations/${c.id}/answer`, {
        method: 'POST',
        body: { opinion, ...(note.trim() ? { note: note.trim() } : {}) },
      })
      onAnswered()
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  const noteIssue = error instanceof ApiError ? error.issues.find((i) => i.path.endsWith('/note')) : undefined
  return (
    <form className="q-answer stack" onSubmit={submit}>
      <h2>{t('queues.consultation.answer')}</h2>
      <fieldset>
        <legend className="label">{t('queues.consultation.opinion')}</legend>
        {opinions.map((o) => (
          <label key={o} className="check">
            <input type="radio" name="opinion" value={o} checked={opinion === o} onChange={() => setOpinion(o)} />{' '}
            {t(`queues.consultation.opinion.${o}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label className="label" htmlFor="q-note">
          {t('queues.consultation.note')}
        </label>
        <p className="hint" id="q-note-hint">
          {t('queues.consultation.noteHint')}
        </p>
        <textarea
          id="q-note"
          className="textarea"
          rows={5}
          maxLength={5000}
          value={note}
          aria-describedby="q-note-hint"
          aria-invalid={noteIssue ? true : undefined}
          onChange={(e) => setNote(e.target.value)}
        />
        {noteIssue && (
          <p className="notice notice--error" role="alert">
            {pick(noteIssue.message)}
          </p>
        )}
      </div>
      {error && !noteIssue ? <ErrorBox error={error} /> : null}
      <div>
        <button type="submit" className="button" disabled={busy}>
          {t('queues.consultation.send')}
        </button>
      </div>
    </form>
  )
}

/** A consultation (xin ý kiến) another unit sent to mine: the question, the dossier's papers, and my unit's answer. */
export function ConsultationPage({ id }: { id: string }) {
  const { t, locale } = useI18n()
  const {
    value: c,
    error,
    reload,
  } = useAsync(() => api<Consultation>(`/api/desk/consultations/${encodeURIComponent(id)}`), [id])
  const [sent, setSent] = useState(false)
  usePageTitle(c ? t('queues.consultation.title', { code: c.dossier.receiptCode }) : t('queues.tab.consultations'))
  const back = (
    <Link to={viewAddress({ tab: 'consultations', q: '', unit: '', status: '', channel: '', procedure: '', page: 1 })}>
      {t('queues.consultation.back')}
    </Link>
  )
  if (error)
    return (
      <>
        {back}
        <ErrorBox error={error} onRetry={reload} />
      </>
    )
  if (!c) return <Loading />
  const open = c.state === 'open' || c.state === 'overdue'
  return (
    <div className="q-page">
      {back}
      <h1>{t('queues.consultation.title', { code: c.dossier.receiptCode })}</h1>
      <p>
        {t('queues.consultation.asking', { unit: c.dossier.unit.name })} · {c.dossier.procedure.name}
      </p>
      <p className="q-table" data-testid="consultation-due">
        <ConsultationDue {...c} />
      </p>
      <div className="q-consult">
        <div>
          <h2>{t('queues.consultation.question')}</h2>
          <p>
            <strong>{c.question.name}</strong>
          </p>
          {c.question.description && <p>{c.question.description}</p>}
          <p>{t('queues.consultation.applicant', { name: c.dossier.applicant.fullName })}</p>
          <h2>{t('queues.consultation.papers')}</h2>
          {c.dossier.attachments.length === 0 ? (
            <p className="muted">{t('queues.consultation.noPapers')}</p>
          ) : (
            <ul>
              {c.dossier.attachments.map((f) => (
                <li key={f.id}>
                  <a href={`/api/desk/consultations/${c.id}/files/${f.id}`} target="_blank" rel="noreferrer">
                    {f.fileName}
                  </a>{' '}
                  <span className="muted">({Math.max(1, Math.round(f.size / 1024))} KB)</span>
                </li>
              ))}
            </ul>
          )}
          <section className="q-form">
            <h2>{t('queues.consultation.form')}</h2>
            <FormSummary
              schema={c.dossier.form.schema}
              {...(c.dossier.form.uiSchema ? { uiSchema: c.dossier.form.uiSchema } : {})}
              formData={c.dossier.formData}
              locale={locale}
            />
          </section>
        </div>
        <div>
          {sent && (
            <p className="notice notice--ok" role="status">
              {t('queues.consultation.sent')}
            </p>
          )}
          {open ? (
            <AnswerForm
              c={c}
              onAnswered={() => {
                setSent(true)
                reload()
              }}
            />
          ) : c.answeredAt ? (
            <p className="notice" data-testid="consultation-answered">
              {t('queues.consultation.answered', {
                opinion: c.opinion ? t(`queues.consultation.opinion.${c.opinion}`) : '',
                date: dateTime(c.answeredAt, locale),
                by: c.answeredBy ?? '',
              })}
            </p>
          ) : null}
        </div>
      </div>
    </div>
  )
}

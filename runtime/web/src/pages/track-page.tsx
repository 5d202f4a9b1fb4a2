import { FormSummary, type RJSFSchema, type UiSchema } from '@motcua/forms'
import { channels } from '@motcua/core'
import { useEffect, useState } from 'react'
import { ErrorBox, Loading } from '../components/loading'
import { usePageTitle } from '../components/page-title'
import { StatusBadge } from '../components/status-badge'
import { TrackForm } from '../components/track-form'
import { useI18n } from '../i18n/i18n'
import { ApiError, api } from '../lib/api'
import { showDateTime, showSize } from '../lib/format'
import { loadProcedure } from '../lib/procedures'
import type { ProcedureDetail, TrackedDossier } from '../lib/types'
import { navigate, useLocation } from '../router'

function track(code: string, pin?: string): Promise<TrackedDossier> {
  return api<TrackedDossier>(`/api/track/${encodeURIComponent(code)}`, pin ? { headers: { 'x-lookup-pin': pin } } : {})
}

/** What the citizen must do now, for the statuses that ask something of them; the portal cannot do it online yet. */
function Todo({ dossier }: { dossier: TrackedDossier }) {
  const { t } = useI18n()
  const unit = dossier.unit.name
  const todo =
    dossier.status === 5
      ? [t('track.supplementTodo'), t('track.notSupported', { unit })]
      : dossier.status === 6
        ? [t('track.paymentTodo'), t('track.paymentNotSupported', { unit })]
        : dossier.status === 9
          ? [t('track.resultTodo'), t('track.resultNotSupported', { unit })]
          : null
  if (!todo) return null
  return (
    <section className="notice notice--action" aria-labelledby="todo-title">
      <h2 id="todo-title">{t('track.todo')}</h2>
      <p>{todo[0]}</p>
      <p className="placeholder">{todo[1]}</p>
    </section>
  )
}

function Details({ dossier }: { dossier: TrackedDossier }) {
  const { t, locale } = useI18n()
  const [procedure, setProcedure] = useState<ProcedureDetail>()
  useEffect(() => {
    loadProcedure(dossier.procedure.code).then(setProcedure, () => undefined)
  }, [dossier.procedure.code])
  return (
    <section aria-labelledby="details-title">
      <h2 id="details-title">{t('track.details')}</h2>
      {dossier.applicant && (
        <p>
          {t('track.applicant')}: <strong>{dossier.applicant.fullName}</strong>
          {dossier.applicant.phone ? ` · ${dossier.applicant.phone}` : ''}
        </p>
      )}
      {procedure ? (
        <FormSummary schema={procedure.form.schema as RJSFSchema} uiSchema={procedure.form.uiSchema as UiSchema} formData={dossier.formData} locale={locale} />
      ) : (
        <Loading />
      )}
      {!!dossier.attachments?.length && (
        <>
          <h3>{t('track.files')}</h3>
          <ul className="plain-list">
            {dossier.attachments.map((file, i) => (
              <li key={i}>
                {procedure?.components.find((c) => c.key === file.componentKey)?.name ?? file.componentKey}: {file.fileName} ({showSize(file.size, locale)})
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}

/** `/tra-cuu/:code`: status and timeline for anyone with the code; with the PIN, what was declared. */
export function TrackPage({ code }: { code?: string }) {
  const { t, pick } = useI18n()
  usePageTitle(code ? `${t('track.title')} ${code}` : t('track.title'))
  const { state } = useLocation()
  const statePin = (state as { pin?: string } | null)?.pin
  const [pin, setPin] = useState(statePin ?? '')
  const [dossier, setDossier] = useState<TrackedDossier>()
  const [error, setError] = useState<unknown>()
  const [pending, setPending] = useState(false)
  const [round, setRound] = useState(0)
  useEffect(() => {
    if (!code) return
    let live = true
    setPending(true)
    setError(undefined)
    track(code, statePin)
      .catch((e: unknown) => (statePin && e instanceof ApiError && e.status === 403 ? track(code) : Promise.reject(e)))
      .then(
        (found) => live && setDossier(found),
        (e: unknown) => live && (setDossier(undefined), setError(e)),
      )
      .finally(() => live && setPending(false))
    return () => {
      live = false
    }
  }, [code, statePin, round])
  const withPin = async () => {
    if (!code || !pin.trim()) return
    setPending(true)
    setError(undefined)
    try {
      setDossier(await track(code, pin.trim()))
    } catch (e) {
      setError(e)
    } finally {
      setPending(false)
    }
  }
  if (!code) {
    return (
      <>
        <h1>{t('track.title')}</h1>
        <TrackForm idPrefix="track" withPin />
      </>
    )
  }
  return (
    <>
      <h1>
        {t('track.title')}: <span className="code">{code}</span>
      </h1>
      {pending && !dossier && <Loading />}
      {error !== undefined && <ErrorBox error={error} onRetry={error instanceof ApiError && error.status === 403 ? undefined : () => setRound((r) => r + 1)} />}
      {dossier && (
        <>
          <section className="panel" aria-labelledby="status-title">
            <h2 id="status-title">{t('track.status')}</h2>
            <p className="status-line">
              <StatusBadge status={dossier.status} name={dossier.statusName} />
            </p>
            <dl className="facts">
              <div>
                <dt>{t('receipt.procedure')}</dt>
                <dd>{dossier.procedure.name}</dd>
              </div>
              <div>
                <dt>{t('receipt.unit')}</dt>
                <dd>{dossier.unit.name}</dd>
              </div>
              <div>
                <dt>{t('track.channel')}</dt>
                <dd>{pick(channels[dossier.channel as keyof typeof channels] ?? { vi: '—', en: '—' })}</dd>
              </div>
              <div>
                <dt>{t('receipt.submittedAt')}</dt>
                <dd>{showDateTime(dossier.submittedAt)}</dd>
              </div>
              <div>
                <dt>{t('track.received')}</dt>
                <dd>{dossier.receivedAt ? showDateTime(dossier.receivedAt) : t('track.notReceived')}</dd>
              </div>
              {dossier.dueAt && (
                <div>
                  <dt>{t('track.due')}</dt>
                  <dd>{showDateTime(dossier.dueAt)}</dd>
                </div>
              )}
            </dl>
          </section>
          <Todo dossier={dossier} />
          <section aria-labelledby="timeline-title">
            <h2 id="timeline-title">{t('track.timeline')}</h2>
            <ol className="timeline">
              {dossier.timeline.map((entry, i) => (
                <li key={i}>
                  <p className="timeline__when">{showDateTime(entry.at)}</p>
                  <p className="timeline__what">
                    <strong>{pick(entry.actionName)}</strong>
                    {entry.step ? ` · ${entry.step}` : ''}
                  </p>
                  <p>
                    <StatusBadge status={entry.status} name={entry.statusName} />
                  </p>
                  {entry.note && <p className="hint">{entry.note}</p>}
                </li>
              ))}
            </ol>
          </section>
          {dossier.formData ? (
            <Details dossier={dossier} />
          ) : (
            <form
              className="panel track-pin"
              onSubmit={(e) => {
                e.preventDefault()
                void withPin()
              }}
            >
              <label htmlFor="pin" className="label">
                {t('track.pin')}
              </label>
              <p className="hint" id="pin-hint">
                {t('track.pinHint')}
              </p>
              <input id="pin" className="input input--short" inputMode="numeric" autoComplete="off" value={pin} aria-describedby="pin-hint" onChange={(e) => setPin(e.target.value)} />
              <button type="submit" className="button">
                {t('track.withPin')}
              </button>
            </form>
          )}
        </>
      )}
      <section className="panel">
        <h2>{t('home.trackTitle')}</h2>
        <TrackForm key={code} idPrefix="track-other" onTrack={(next, nextPin) => navigate(`/tra-cuu/${encodeURIComponent(next)}`, { state: nextPin ? { pin: nextPin } : null })} withPin />
      </section>
    </>
  )
}

import { channels } from '@motcua/core'
import { FormSummary, type RJSFSchema, type UiSchema } from '@motcua/forms'
import { ApiError, api, navigate, useLocation } from '@motcua/web-kit'
import { lazy, type ReactNode, Suspense, useCallback, useEffect, useRef, useState } from 'react'
import { useContentLang } from '../components/content-language'
import { FileDownload } from '../components/file-download'
import { ErrorBox, Loading } from '../components/loading'
import { usePageTitle } from '../components/page-title'
import { StatusBadge } from '../components/status-badge'
import { TrackForm } from '../components/track-form'
import { UnitContact } from '../components/unit-contact'
import { useI18n } from '../i18n/i18n'
import { showDateTime, showVnd } from '../lib/format'
import { loadProcedure } from '../lib/procedures'
import type { ProcedureDetail, TrackedDossier } from '../lib/types'
import { ReceiptPdfButton } from '../receipt/receipt-pdf-button'
import { RatingPanel } from '../track/rating-panel'
import { latestOf, missingItems, requestedAmount, supplementAnswer } from '../track/track-data'

const PAYMENT_POLL_MS = 10_000

function track(code: string, pin?: string): Promise<TrackedDossier> {
  return api<TrackedDossier>(`/api/track/${encodeURIComponent(code)}`, pin ? { headers: { 'x-lookup-pin': pin } } : {})
}

const SupplementForm = lazy(() => import('../track/supplement-form'))
const PaymentPanel = lazy(() => import('../track/payment-panel'))

/** Answering the supplement request: what is missing, then the upload form, or the confirmation once answered. */
function Supplement({ dossier, pin, onChanged }: { dossier: TrackedDossier; pin: string; onChanged: () => void }) {
  const { t } = useI18n()
  const answer = supplementAnswer(dossier.timeline)
  const [sent, setSent] = useState<number | null>(null)
  const [more, setMore] = useState(false)
  const confirmation = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (sent !== null) confirmation.current?.focus()
  }, [sent])
  if ((answer || sent !== null) && !more) {
    return (
      <div className="notice notice--success" role="status" data-testid="supplement-sent">
        <h3 ref={confirmation} tabIndex={-1}>
          {t('supplement.sent')}
        </h3>
        {answer && <p>{t('supplement.sentAt', { at: showDateTime(answer.at) })}</p>}
        <p>{t('supplement.sentLead')}</p>
        <button type="button" className="button button--secondary" onClick={() => setMore(true)}>
          {t('supplement.more')}
        </button>
      </div>
    )
  }
  return (
    <Suspense fallback={<Loading />}>
      <SupplementForm
        code={dossier.receiptCode}
        pin={pin}
        procedureCode={dossier.procedure.code}
        onSent={(files) => {
          setSent(files)
          setMore(false)
          onChanged()
        }}
      />
    </Suspense>
  )
}

/** What the citizen must do now, for the statuses that ask something of them; the details need the PIN. */
function Todo({
  dossier,
  pin,
  onChanged,
}: {
  dossier: TrackedDossier
  pin: string | undefined
  onChanged: () => void
}) {
  const { t } = useI18n()
  // the result waits at the counter of the unit handling the dossier now (the centre that received it)
  const unit = dossier.handlingUnit?.name ?? dossier.unit.name
  const results = dossier.attachments?.filter((f) => f.kind === 'result') ?? []
  let body: ReactNode
  if (dossier.status === 5) {
    const items = missingItems(dossier.timeline)
    const note = latestOf(dossier.timeline, 'requestSupplement')?.entry.note
    body = !pin ? (
      <>
        <p>{t('track.supplementTodo')}</p>
        <p>{t('supplement.pinFirst')}</p>
      </>
    ) : (
      <>
        {items.length ? (
          <>
            <p>{t('supplement.asked')}</p>
            <ul className="missing-items" data-testid="missing-items">
              {items.map((item, i) => (
                <li key={i}>{item}</li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t('track.supplementTodo')}</p>
        )}
        {note && <p className="hint">{note}</p>}
        <Supplement dossier={dossier} pin={pin} onChanged={onChanged} />
      </>
    )
  } else if (dossier.status === 6) {
    const amount = requestedAmount(dossier.timeline)
    body = !pin ? (
      <>
        <p>{t('track.paymentTodo')}</p>
        <p>{t('payment.pinFirst')}</p>
      </>
    ) : (
      <>
        <p>{amount ? t('payment.asked', { amount: showVnd(amount) }) : t('track.paymentTodo')}</p>
        <Suspense fallback={<Loading />}>
          <PaymentPanel code={dossier.receiptCode} amount={amount} unitName={unit} />
        </Suspense>
      </>
    )
  } else if (dossier.status === 9) {
    body = (
      <>
        <p>{t('track.resultTodo')}</p>
        <p>
          {results.length
            ? t('result.online')
            : dossier.delivery?.method === 'post' && dossier.delivery.address
              ? t('track.resultByPost', { address: dossier.delivery.address.text })
              : pin
                ? t('track.resultCounter', { unit })
                : `${t('result.pinFirst')} ${t('track.resultCounter', { unit })}`}
        </p>
      </>
    )
  } else return null
  return (
    <section className="notice notice--action todo" aria-labelledby="todo-title">
      <h2 id="todo-title">{t('track.todo')}</h2>
      {body}
    </section>
  )
}

/** The result's files, for a procedure handled online (with the PIN). */
function Results({ dossier, pin }: { dossier: TrackedDossier; pin: string }) {
  const { t } = useI18n()
  const results = dossier.attachments?.filter((f) => f.kind === 'result') ?? []
  if (!results.length) return null
  return (
    <section className="panel panel--result" aria-labelledby="result-title">
      <h2 id="result-title">{t('result.title')}</h2>
      <p>{t('result.lead')}</p>
      <ul className="download-list">
        {results.map((file) => (
          <li key={file.id}>
            <FileDownload code={dossier.receiptCode} pin={pin} file={file} primary />
          </li>
        ))}
      </ul>
    </section>
  )
}

function Details({ dossier, pin }: { dossier: TrackedDossier; pin: string }) {
  const { t, locale } = useI18n()
  const [procedure, setProcedure] = useState<ProcedureDetail>()
  useEffect(() => {
    loadProcedure(dossier.procedure.code).then(setProcedure, () => undefined)
  }, [dossier.procedure.code])
  const own = dossier.attachments?.filter((f) => f.kind !== 'result') ?? []
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
        <FormSummary
          schema={procedure.form.schema as RJSFSchema}
          uiSchema={procedure.form.uiSchema as UiSchema}
          formData={dossier.formData}
          locale={locale}
        />
      ) : (
        <Loading />
      )}
      {own.length > 0 && (
        <>
          <h3>{t('track.files')}</h3>
          <p className="hint">{t('files.lead')}</p>
          <ul className="plain-list download-list" data-testid="own-files">
            {own.map((file) => (
              <li key={file.id}>
                <span className="download-list__component">
                  {procedure?.components.find((c) => c.key === file.componentKey)?.name ?? file.componentKey}
                  {file.kind === 'supplement' && <span className="tag tag--supplement">{t('files.supplement')}</span>}
                </span>
                <FileDownload code={dossier.receiptCode} pin={pin} file={file} />
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
  const lang = useContentLang()
  usePageTitle(code ? `${t('track.title')} ${code}` : t('track.title'))
  const { state } = useLocation()
  const statePin = (state as { pin?: string } | null)?.pin
  const [pin, setPin] = useState(statePin ?? '')
  const [dossier, setDossier] = useState<TrackedDossier>()
  const [error, setError] = useState<unknown>()
  const [pending, setPending] = useState(false)
  const [round, setRound] = useState(0)
  /** The PIN the dossier shown was read with (undefined: the public view). */
  const [viewPin, setViewPin] = useState<string>()
  /** Set when a refresh found a new status, to say so. */
  const [updated, setUpdated] = useState<TrackedDossier['statusName']>()
  useEffect(() => {
    if (!code) return
    let live = true
    setPending(true)
    setError(undefined)
    setUpdated(undefined)
    track(code, statePin)
      .then(
        (found) => [found, statePin] as const,
        (e: unknown) =>
          statePin && e instanceof ApiError && e.status === 403
            ? track(code).then((found) => [found, undefined] as const)
            : Promise.reject(e),
      )
      .then(
        ([found, usedPin]) => {
          if (!live) return
          setDossier(found)
          setViewPin(usedPin)
        },
        (e: unknown) => {
          if (!live) return
          setDossier(undefined)
          setError(e)
        },
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
      setViewPin(pin.trim())
      // Kept in this history entry (never the address), so a reload still shows the details.
      window.history.replaceState({ ...(window.history.state as object | null), pin: pin.trim() }, '')
    } catch (e) {
      setError(e)
    } finally {
      setPending(false)
    }
  }
  /** Reads the dossier again in the background (after a supplement, while a payment is awaited). */
  const refresh = useCallback(() => {
    if (!code) return
    track(code, viewPin).then(
      (next) =>
        setDossier((previous) => {
          if (previous && previous.status !== next.status) setUpdated(next.statusName)
          return next
        }),
      () => undefined,
    )
  }, [code, viewPin])
  // Waiting for the bank: the status changes by itself once the payment is confirmed, so look again every 10 s.
  const awaitingPayment = dossier?.status === 6
  useEffect(() => {
    if (!awaitingPayment) return
    const timer = setInterval(() => {
      if (!document.hidden) refresh()
    }, PAYMENT_POLL_MS)
    return () => clearInterval(timer)
  }, [awaitingPayment, refresh])
  const notFound = error instanceof ApiError && error.status === 404
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
      {error !== undefined && !notFound && (
        <ErrorBox
          error={error}
          onRetry={error instanceof ApiError && error.status === 403 ? undefined : () => setRound((r) => r + 1)}
        />
      )}
      {dossier && (
        <>
          <section className="panel" aria-labelledby="status-title">
            <h2 id="status-title">{t('track.status')}</h2>
            <p className="status-line">
              <StatusBadge status={dossier.status} name={dossier.statusName} />
            </p>
            <p className="status-updated" role="status">
              {updated ? t('track.updated', { status: pick(updated) }) : ''}
            </p>
            <dl className="facts">
              <div>
                <dt>{t('receipt.procedure')}</dt>
                <dd lang={lang}>{dossier.procedure.name}</dd>
              </div>
              <div>
                <dt>{t('receipt.unit')}</dt>
                <dd lang={lang}>{dossier.unit.name}</dd>
              </div>
              {dossier.handlingUnit && dossier.handlingUnit.code !== dossier.unit.code && (
                <div>
                  <dt>{t('track.handlingUnit')}</dt>
                  <dd data-testid="handling-unit" lang={lang}>
                    {dossier.handlingUnit.name}
                  </dd>
                </div>
              )}
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
          <Todo key={dossier.receiptCode} dossier={dossier} pin={viewPin} onChanged={refresh} />
          {viewPin && <Results dossier={dossier} pin={viewPin} />}
          {viewPin && <ReceiptPdfButton code={dossier.receiptCode} pin={viewPin} secondary />}
          <RatingPanel key={`rating-${dossier.receiptCode}`} dossier={dossier} pin={viewPin} />
          <UnitContact receiptCode={dossier.receiptCode} />
          <section aria-labelledby="timeline-title">
            <h2 id="timeline-title">{t('track.timeline')}</h2>
            <ol className="timeline">
              {dossier.timeline.map((entry, i) => (
                <li key={i}>
                  <p className="timeline__when">{showDateTime(entry.at)}</p>
                  <p className="timeline__what">
                    <strong>{pick(entry.actionName)}</strong>
                    {entry.step ? ' · ' : ''}
                    {entry.step && <span lang={lang}>{entry.step}</span>}
                  </p>
                  <p>
                    <StatusBadge status={entry.status} name={entry.statusName} />
                  </p>
                  {entry.dueChange && (
                    <p data-testid="due-change">
                      {t('track.dueChanged', { at: showDateTime(entry.dueChange.dueAt) })}{' '}
                      {pick(entry.dueChange.reason)}
                    </p>
                  )}
                  {entry.note && <p className="hint">{entry.note}</p>}
                </li>
              ))}
            </ol>
          </section>
          {dossier.formData && viewPin ? (
            <Details dossier={dossier} pin={viewPin} />
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
              <input
                id="pin"
                className="input input--short"
                inputMode="numeric"
                autoComplete="off"
                value={pin}
                aria-describedby="pin-hint"
                onChange={(e) => setPin(e.target.value)}
              />
              <button type="submit" className="button">
                {t('track.withPin')}
              </button>
            </form>
          )}
        </>
      )}
      <section className="panel">
        <h2>{t('home.trackTitle')}</h2>
        <TrackForm
          key={notFound ? `${code}-not-found` : code}
          idPrefix="track-other"
          initialCode={notFound ? code : ''}
          problem={notFound ? t('track.notFoundCode', { code }) : undefined}
          onTrack={(next, nextPin) =>
            navigate(`/tra-cuu/${encodeURIComponent(next)}`, { state: nextPin ? { pin: nextPin } : null })
          }
          withPin
        />
      </section>
    </>
  )
}

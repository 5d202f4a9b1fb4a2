import { channels } from '@motcua/core'
import { FormSummary, formatVnd, type RJSFSchema, type UiSchema } from '@motcua/forms'
import { type ApiError, api, Link, useAsync } from '@motcua/web-kit'
import { useEffect, useRef, useState } from 'react'
import { ErrorBox, Loading, usePageTitle } from '../components/status'
import { type MessageKey, useI18n } from '../i18n/i18n'
import { useShortcut } from '../lib/shortcuts'
import { timeLeft } from '../lib/time-left'
import { ActionDialog, type ActionDone } from './action-dialog'
import { Attachments } from './attachments'
import { when } from './format'
import { ResultPanel } from './result-panel'
import { actionKeys, isStale, type SlipKind, slipFor, slipsOf, slipUrl } from './slips'
import { CallOuts, Consultations, Timeline } from './timeline'
import type { DossierAction, DossierEvent, DossierView } from './types'
import './dossier.css'

type Outcome =
  | { kind: 'done'; label: string; slip: SlipKind | null }
  | { kind: 'stale' }
  | { kind: 'refused'; error: ApiError }

const openSlip = (code: string, kind: SlipKind) => window.open(slipUrl(code, kind), '_blank', 'noopener')

/** The essentials kept in sight: code, procedure, applicant, status, step and unit, deadline. */
function Essentials({ dossier }: { dossier: DossierView }) {
  const { t, locale, pick } = useI18n()
  const left = timeLeft(dossier, locale)
  const ref = useRef<HTMLElement>(null)
  // the actions stick just under it, however many lines it takes
  useEffect(() => {
    const head = ref.current
    if (!head || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(() =>
      head.parentElement?.style.setProperty('--dossier-head', `${head.offsetHeight}px`),
    )
    observer.observe(head)
    return () => observer.disconnect()
  }, [])
  return (
    <header className="dossier-head" data-testid="dossier-head" ref={ref}>
      <div className="dossier-head__title">
        <h1>
          <span className="dossier-code">{dossier.receiptCode}</span>
          <span className="badge dossier-status">{pick(dossier.statusName)}</span>
        </h1>
        <p className="dossier-procedure" title={dossier.procedure.name}>
          {dossier.procedure.name}{' '}
          <span className="muted">
            ({dossier.procedure.code}, {t('dossier.versionShort', { version: dossier.procedure.version })})
          </span>
        </p>
        <nav className="dossier-jump" aria-label={t('dossier.jump')}>
          <a href="#dossier-form">{t('dossier.formData')}</a>
          <a href="#dossier-files">
            {t('dossier.files')} ({dossier.attachments.length})
          </a>
          <a href="#dossier-fees">{t('dossier.fees')}</a>
          <a href="#dossier-timeline">
            {t('dossier.timeline')} ({dossier.events.length})
          </a>
        </nav>
      </div>
      <dl className="dossier-facts">
        <div>
          <dt>{t('dossier.applicant')}</dt>
          <dd>{dossier.applicantName}</dd>
        </div>
        <div>
          <dt>{t('dossier.step')}</dt>
          <dd>
            {dossier.step ? dossier.step.name : t('dossier.ended')}
            {dossier.currentUnit && <div className="muted">{dossier.currentUnit.name}</div>}
          </dd>
        </div>
        <div data-testid="deadline">
          <dt>{t('dossier.due')}</dt>
          <dd>
            {dossier.dueAt ? (
              <>
                {when(dossier.dueAt)}
                {dossier.dueProvisional && (
                  <span className="badge" title={t('dossier.provisionalHint')}>
                    {t('dossier.provisional')}
                  </span>
                )}
                {left.text && <div className={`time-left time-left--${left.tone}`}>{left.text}</div>}
              </>
            ) : (
              <span className="muted">{t('dossier.noDue')}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('dossier.channel')}</dt>
          <dd>
            {pick(channels[dossier.channel])}
            <div className="muted">{when(dossier.submittedAt)}</div>
          </dd>
        </div>
      </dl>
    </header>
  )
}

/** The applicant, the form read-only, the officers' decisions and the fees. */
function Details({ dossier }: { dossier: DossierView }) {
  const { t, locale } = useI18n()
  const a = dossier.applicant
  const fees = dossier.fees ?? []
  const paid = paymentsOf(dossier.events)
  return (
    <>
      <section aria-labelledby="dossier-applicant" className="dossier-section">
        <h2 id="dossier-applicant">{t('dossier.applicantDetails')}</h2>
        <dl className="dossier-pairs">
          <dt>{t('dossier.applicant')}</dt>
          <dd>{a.fullName}</dd>
          {a.idNumber && (
            <>
              <dt>{t('dossier.idNumber')}</dt>
              <dd>{a.idNumber}</dd>
            </>
          )}
          {a.phone && (
            <>
              <dt>{t('dossier.phone')}</dt>
              <dd>{a.phone}</dd>
            </>
          )}
          {a.email && (
            <>
              <dt>{t('dossier.email')}</dt>
              <dd>{a.email}</dd>
            </>
          )}
          {dossier.case && (
            <>
              <dt>{t('dossier.case')}</dt>
              <dd>{dossier.case.name}</dd>
            </>
          )}
          {dossier.delivery && (
            <>
              <dt>{t('dossier.delivery')}</dt>
              <dd>
                {t(`dossier.delivery.${dossier.delivery.method}` as MessageKey)}
                {dossier.delivery.address && <div className="muted">{dossier.delivery.address.text}</div>}
              </dd>
            </>
          )}
        </dl>
      </section>
      <section aria-labelledby="dossier-form" className="dossier-section">
        <h2 id="dossier-form">{t('dossier.formData')}</h2>
        <FormSummary
          schema={dossier.definition.form.schema as RJSFSchema}
          uiSchema={dossier.definition.form.uiSchema as UiSchema | undefined}
          formData={dossier.formData}
          locale={locale}
        />
      </section>
      {dossier.decisions.length > 0 && (
        <section aria-labelledby="dossier-decisions" className="dossier-section">
          <h2 id="dossier-decisions">{t('dossier.decisions')}</h2>
          <dl className="dossier-pairs">
            {dossier.decisions.flatMap((d) =>
              d.values.map((v) => [
                <dt key={`${d.actionKey}-${v.field}-t`}>
                  {d.label}: {v.title}
                </dt>,
                <dd key={`${d.actionKey}-${v.field}-v`}>{v.text}</dd>,
              ]),
            )}
          </dl>
        </section>
      )}
      <section aria-labelledby="dossier-fees" className="dossier-section">
        <h2 id="dossier-fees">{t('dossier.fees')}</h2>
        {fees.length === 0 ? (
          <p className="muted">{t('dossier.noFees')}</p>
        ) : (
          <table className="table dossier-fees">
            <tbody>
              {fees.map((f) => (
                <tr key={f.key ?? f.name}>
                  <td>{f.name}</td>
                  <td className="num">{formatVnd(f.amount)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t('dossier.total')}</th>
                <th className="num">{formatVnd(fees.reduce((sum, f) => sum + f.amount, 0))}</th>
              </tr>
            </tbody>
          </table>
        )}
        {paid.length > 0 && (
          <ul className="dossier-paid">
            {paid.map((p) => (
              <li key={p.seq}>
                {t(p.atCounter ? 'dossier.paidAtCounter' : 'dossier.paid', {
                  amount: formatVnd(p.amount),
                  when: when(p.at),
                  who: p.actorName ?? '',
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  )
}

/** The fees collected: at the counter when it received the dossier, and each payment an officer confirmed. */
function paymentsOf(events: DossierEvent[]) {
  return events.flatMap((e) => {
    const atCounter = e.action === 'submit' && typeof e.data?.feesPaid === 'number' && e.data.feesPaid > 0
    const confirmed = e.action === 'confirmPayment' && typeof e.data?.amount === 'number'
    if (!atCounter && !confirmed) return []
    const amount = (atCounter ? e.data!.feesPaid : e.data!.amount) as number
    return [{ seq: e.seq, at: e.at, actorName: e.actorName, amount, atCounter }]
  })
}

/** The actions this officer may take now, each with its shortcut, and the slips to print. */
function ActionsPanel({
  dossier,
  onChoose,
  outcome,
}: {
  dossier: DossierView
  onChoose: (action: DossierAction) => void
  outcome: Outcome | undefined
}) {
  const { t } = useI18n()
  const slips = slipsOf(dossier.events)
  const shortcutOf = (a: DossierAction) =>
    dossier.actions.find((other) => other.type === a.type) === a ? actionKeys[a.type] : undefined
  return (
    <section aria-labelledby="dossier-actions" className="dossier-panel" data-testid="actions">
      <h2 id="dossier-actions">{t('dossier.actions')}</h2>
      {outcome?.kind === 'done' && (
        <div className="notice notice--ok" role="status" data-testid="outcome">
          <p>{t('dossier.done', { label: outcome.label })}</p>
          {outcome.slip && (
            <a
              className="button button--small"
              href={slipUrl(dossier.receiptCode, outcome.slip)}
              target="_blank"
              rel="noopener"
              aria-keyshortcuts="p"
            >
              {t('dossier.printSlip', { slip: t(`dossier.slip.${outcome.slip}` as MessageKey) })}
              <kbd>p</kbd>
            </a>
          )}
        </div>
      )}
      {outcome?.kind === 'stale' && (
        <p className="notice notice--warn" role="alert" data-testid="stale">
          {t('dossier.stale')}
        </p>
      )}
      {outcome?.kind === 'refused' && <ErrorBox error={outcome.error} />}
      {dossier.actions.length === 0 ? (
        <p className="muted">{t('dossier.noActions')}</p>
      ) : (
        <div className="dossier-actions">
          {dossier.actions.map((a) => {
            const key = shortcutOf(a)
            const danger = ['refuse', 'stop', 'withdraw'].includes(a.type)
            return (
              <button
                key={a.key}
                type="button"
                className={`button ${danger ? 'button--secondary dossier-danger' : ''}`}
                aria-keyshortcuts={key}
                title={key ? t('dossier.shortcutHint', { key }) : undefined}
                onClick={() => onChoose(a)}
              >
                {a.label}
                {key && <kbd>{key}</kbd>}
              </button>
            )
          })}
        </div>
      )}
      <h3>{t('dossier.slips')}</h3>
      <ul className="dossier-list dossier-slips" data-testid="slips">
        {slips.map((kind) => (
          <li key={kind}>
            <a href={slipUrl(dossier.receiptCode, kind)} target="_blank" rel="noopener">
              {t(`dossier.slip.${kind}` as MessageKey)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  )
}

/** One dossier: its data, files, timeline and the actions this officer may take now. */
export function DossierPage({ code }: { code: string }) {
  // another dossier starts afresh: no outcome, no dialog
  return <DossierScreen key={code} code={code} />
}

function DossierScreen({ code }: { code: string }) {
  const { t } = useI18n()
  usePageTitle(t('dossier.titleOf', { code }))
  const [round, setRound] = useState(0)
  const {
    value: dossier,
    error,
    pending,
  } = useAsync(() => api<DossierView>(`/api/desk/dossiers/${encodeURIComponent(code)}`), [code, round])
  const [open, setOpen] = useState<DossierAction>()
  const [outcome, setOutcome] = useState<Outcome>()
  const panel = useRef<HTMLDivElement>(null)
  const reload = () => setRound((r) => r + 1)

  const choose = (type: string) => {
    const action = dossier?.actions.find((a) => a.type === type)
    if (action) setOpen(action)
  }
  const ready = !!dossier && !open
  useShortcut('t', () => choose('receive'), ready)
  useShortcut('c', () => choose('forward'), ready)
  useShortcut('d', () => choose('approve'), ready)
  useShortcut('b', () => choose('requestSupplement'), ready)
  useShortcut('n', () => choose('acceptSupplement'), ready)
  useShortcut('r', () => choose('return'), ready)
  useShortcut(
    'p',
    () => {
      if (!dossier) return
      const slip = outcome?.kind === 'done' && outcome.slip ? outcome.slip : 'control-slip'
      openSlip(dossier.receiptCode, slip)
    },
    ready,
  )

  const done = (action: DossierAction, _answer: ActionDone) => {
    setOpen(undefined)
    setOutcome({ kind: 'done', label: action.label, slip: slipFor(action.type) })
    reload()
    panel.current?.focus()
  }
  const stale = (caught: ApiError) => {
    setOpen(undefined)
    setOutcome(isStale(caught) ? { kind: 'stale' } : { kind: 'refused', error: caught })
    reload()
    panel.current?.focus()
  }

  if (!dossier) return error ? <ErrorBox error={error} onRetry={reload} /> : <Loading />
  // the unit's own officers prepare the result while the dossier is received, in progress and not waiting on the applicant
  const preparesResult =
    dossier.step !== null &&
    dossier.receivedAt !== null &&
    !dossier.paused &&
    dossier.actions.length > 0 &&
    dossier.currentUnitCode === dossier.unitCode
  return (
    <div className="dossier" aria-busy={pending}>
      <Link to="/desk" className="dossier-back">
        {t('dossier.back')}
      </Link>
      <Essentials dossier={dossier} />
      {error !== undefined && <ErrorBox error={error} onRetry={reload} />}
      <div className="dossier-layout">
        <aside className="dossier-aside" ref={panel} tabIndex={-1} aria-label={t('dossier.actions')}>
          <ActionsPanel dossier={dossier} onChoose={setOpen} outcome={outcome} />
          {preparesResult && (
            <ResultPanel key={dossier.receiptCode} dossier={dossier} onChanged={reload} onStale={stale} />
          )}
        </aside>
        <div className="dossier-body">
          <Details dossier={dossier} />
          <Attachments dossier={dossier} />
          <Consultations dossier={dossier} />
          <Timeline dossier={dossier} />
          <CallOuts dossier={dossier} />
        </div>
      </div>
      {open && (
        <ActionDialog
          key={`${open.key}-${dossier.version}`}
          dossier={dossier}
          action={open}
          onClose={() => setOpen(undefined)}
          onDone={done}
          onStale={stale}
        />
      )}
    </div>
  )
}

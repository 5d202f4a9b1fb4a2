import { dossierStatuses, type Message } from '@motcua/core'
import { api, Link, navigate, useAsync, useLocation, useSession } from '@motcua/web-kit'
import { lazy, Suspense, useState } from 'react'
import { ConfirmDialog, ErrorBox, Loading, usePageTitle } from '../components/status'
import { type MessageKey, useI18n } from '../i18n/i18n'
import { officerGrants } from '../lib/officer'
import { timeLeft } from '../lib/time-left'
import type { QueueItem } from '../lib/types'
import './leader.css'

// the statistics load when the leader opens them: the overview stays light
const StatisticsView = lazy(() => import('./statistics-view').then((m) => ({ default: m.StatisticsView })))

type BulkItem = QueueItem & { action: { key: string; label: string; labelEn?: string } }

interface Officer {
  username: string
  fullName: string
  roles: string[]
  open: number
  overdue: number
  recentActions: number
}

/** `GET /api/desk/units/:unitCode/overview`. */
interface Overview {
  unit: { code: string; name: string }
  leads: { code: string; name: string }[]
  counts: Record<'open' | 'overdue' | 'dueSoon' | 'supplement' | 'payment' | 'toReturn', number>
  overdue: { items: QueueItem[]; total: number }
  dueSoon: { items: QueueItem[]; total: number }
  officers: Officer[]
  bulk: BulkItem[]
}

type Outcome =
  | { receiptCode: string; ok: true; status: number }
  | { receiptCode: string; ok: false; error: { code: string; message: Message } }

const COUNTS = ['open', 'overdue', 'dueSoon', 'supplement', 'payment', 'toReturn'] as const

/** The leader's overview of the unit: overdue and due soon, each officer's load, sign-off in bulk. */
export function LeaderPage() {
  const { t } = useI18n()
  usePageTitle(t('leader.title'))
  const { user } = useSession()
  const { query } = useLocation()
  const led = user
    ? [
        ...new Set(
          officerGrants(user)
            .filter((g) => g.role === 'leader')
            .map((g) => g.unitCode),
        ),
      ]
    : []
  const wanted = query.get('don-vi')
  const unitCode = wanted && led.includes(wanted) ? wanted : led[0]
  if (!unitCode)
    return (
      <div className="narrow">
        <h1>{t('leader.title')}</h1>
        <p className="notice">{t('leader.notLeader')}</p>
      </div>
    )
  return <UnitOverview key={unitCode} unitCode={unitCode} />
}

function UnitOverview({ unitCode }: { unitCode: string }) {
  const { t } = useI18n()
  const overview = useAsync(
    () => api<Overview>(`/api/desk/units/${encodeURIComponent(unitCode)}/overview`, { cache: 'no-store' }),
    [unitCode],
  )
  const data = overview.value
  return (
    <div className="leader">
      <div className="leader-head">
        <h1>
          {t('leader.title')}
          {data && <span className="leader-head__unit">{data.unit.name}</span>}
        </h1>
        <div className="row">
          {data && data.leads.length > 1 && (
            <div className="row">
              <label className="label" htmlFor="leader-unit">
                {t('leader.unit')}
              </label>
              <select
                id="leader-unit"
                className="select"
                value={unitCode}
                onChange={(e) => navigate(`/desk/lanh-dao?don-vi=${encodeURIComponent(e.target.value)}`)}
              >
                {data.leads.map((u) => (
                  <option key={u.code} value={u.code}>
                    {u.name} ({u.code})
                  </option>
                ))}
              </select>
            </div>
          )}
          <button type="button" className="button button--secondary" onClick={overview.reload}>
            {t('leader.refresh')}
          </button>
        </div>
      </div>
      {overview.error !== undefined && <ErrorBox error={overview.error} />}
      {!data && overview.pending && <Loading />}
      {data && (
        <>
          <section aria-label={t('leader.summary')}>
            <ul className="leader-counts">
              {COUNTS.map((key) => (
                <li
                  key={key}
                  className={`leader-count${key === 'overdue' && data.counts.overdue > 0 ? ' leader-count--alert' : ''}`}
                >
                  <span className="leader-count__n">{data.counts[key]}</span>
                  <span className="leader-count__label">{t(`leader.count.${key}` as MessageKey)}</span>
                </li>
              ))}
            </ul>
          </section>
          <Statistics unitCode={unitCode} />
          <div className="leader-lists">
            <DueList
              id="leader-overdue"
              title={t('leader.overdue')}
              empty={t('leader.noneOverdue')}
              page={data.overdue}
            />
            <DueList
              id="leader-due-soon"
              title={t('leader.dueSoon')}
              empty={t('leader.noneDueSoon')}
              page={data.dueSoon}
            />
          </div>
          <Officers officers={data.officers} />
          <BulkSign items={data.bulk} onSigned={overview.reload} />
        </>
      )}
    </div>
  )
}

/** The unit's statistics, closed until asked for. */
function Statistics({ unitCode }: { unitCode: string }) {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  return (
    <section aria-labelledby="leader-stats" className="leader-stats">
      <div className="leader-stats__head">
        <h2 id="leader-stats">{t('leader.stats')}</h2>
        <button
          type="button"
          className="button button--secondary"
          aria-expanded={open}
          aria-controls="leader-stats-body"
          onClick={() => setOpen(!open)}
        >
          {t(open ? 'leader.stats.close' : 'leader.stats.open')}
        </button>
      </div>
      <div id="leader-stats-body">
        {open ? (
          <Suspense fallback={<Loading />}>
            <StatisticsView unitCode={unitCode} />
          </Suspense>
        ) : (
          <p className="hint">{t('leader.stats.lead')}</p>
        )}
      </div>
    </section>
  )
}

/** The deadline of a row in words, marked by text (not colour alone). */
function Deadline({ item }: { item: QueueItem }) {
  const { t, locale } = useI18n()
  const left = timeLeft(item, locale)
  return (
    <span className={`leader-due leader-due--${left.tone}`}>
      {left.text ?? t('leader.noDeadline')}
      {item.dueAt && (
        <small className="muted">
          {new Date(item.dueAt).toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB', {
            dateStyle: 'short',
            timeStyle: 'short',
            timeZone: 'Asia/Ho_Chi_Minh',
          })}
        </small>
      )}
    </span>
  )
}

/** The headings of `DossierCells`' columns. */
function DossierHeads() {
  const { t } = useI18n()
  return (
    <>
      <th scope="col">{t('leader.col.code')}</th>
      <th scope="col">{t('leader.col.applicant')}</th>
      <th scope="col">{t('leader.col.step')}</th>
      <th scope="col">{t('leader.col.due')}</th>
    </>
  )
}

function DossierCells({ item }: { item: QueueItem }) {
  const { pick } = useI18n()
  const step = item.step?.name ?? pick(item.statusName)
  return (
    <>
      <td>
        <Link to={`/desk/ho-so/${encodeURIComponent(item.receiptCode)}`} className="leader-code">
          {item.receiptCode}
        </Link>
      </td>
      <td>
        <span className="leader-applicant">{item.applicantName}</span>
        <small className="muted leader-procedure" title={item.procedure.name}>
          {item.procedure.name}
        </small>
      </td>
      <td className="leader-step">
        <span className="leader-step__name" title={step}>
          {step}
        </span>
      </td>
      <td>
        <Deadline item={item} />
      </td>
    </>
  )
}

function DueList({
  id,
  title,
  empty,
  page,
}: {
  id: string
  title: string
  empty: string
  page: { items: QueueItem[]; total: number }
}) {
  const { t } = useI18n()
  return (
    <section aria-labelledby={id} className="leader-list">
      <h2 id={id}>
        {title} <span className="badge">{page.total}</span>
      </h2>
      {page.items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <>
          <table className="table leader-table">
            <thead>
              <tr>
                <DossierHeads />
              </tr>
            </thead>
            <tbody>
              {page.items.map((item) => (
                <tr key={item.receiptCode}>
                  <DossierCells item={item} />
                </tr>
              ))}
            </tbody>
          </table>
          {page.total > page.items.length && (
            <p className="muted">{t('leader.more', { shown: page.items.length, total: page.total })}</p>
          )}
        </>
      )}
    </section>
  )
}

type SortKey = 'fullName' | 'open' | 'overdue' | 'recentActions'

function Officers({ officers }: { officers: Officer[] }) {
  const { t, locale } = useI18n()
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'open', desc: true })
  const sorted = [...officers].sort((a, b) => {
    const order = sort.key === 'fullName' ? a.fullName.localeCompare(b.fullName, locale) : a[sort.key] - b[sort.key]
    return (sort.desc ? -order : order) || a.username.localeCompare(b.username)
  })
  const header = (key: SortKey, label: string) => (
    <th
      scope="col"
      aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}
      className={key === 'fullName' ? undefined : 'leader-num'}
    >
      <button
        type="button"
        className="leader-sort"
        onClick={() => setSort({ key, desc: sort.key === key ? !sort.desc : key !== 'fullName' })}
      >
        {label}
        <span aria-hidden="true">{sort.key === key ? (sort.desc ? ' ▼' : ' ▲') : ' ↕'}</span>
      </button>
    </th>
  )
  return (
    <section aria-labelledby="leader-officers">
      <h2 id="leader-officers">{t('leader.officers')}</h2>
      <p className="hint">{t('leader.officersHint')}</p>
      {officers.length === 0 ? (
        <p className="muted">{t('leader.noOfficers')}</p>
      ) : (
        <table className="table leader-table leader-officers">
          <thead>
            <tr>
              {header('fullName', t('leader.col.officer'))}
              <th scope="col">{t('leader.col.roles')}</th>
              {header('open', t('leader.col.open'))}
              {header('overdue', t('leader.col.overdue'))}
              {header('recentActions', t('leader.col.recent'))}
            </tr>
          </thead>
          <tbody>
            {sorted.map((o) => (
              <tr key={o.username} className={o.overdue > 0 ? 'leader-officer--overdue' : undefined}>
                <td>
                  <span className="leader-applicant">{o.fullName}</span>
                  <small className="muted">{o.username}</small>
                </td>
                <td>{o.roles.map((r) => t(`role.${r}` as MessageKey)).join(', ')}</td>
                <td className="leader-num">{o.open}</td>
                <td className="leader-num">
                  {o.overdue > 0 ? (
                    <strong className="leader-overdue-text">
                      <span aria-hidden="true">⚠ </span>
                      {t('leader.overdueCount', { n: o.overdue })}
                    </strong>
                  ) : (
                    0
                  )}
                </td>
                <td className="leader-num">{o.recentActions}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

/** Which dossiers of a bulk sign-off went one way, each with what happened to it; nothing when none did. */
function OutcomeList({
  tone,
  title,
  outcomes,
  say,
}: {
  tone: 'ok' | 'error'
  title: string
  outcomes: Outcome[]
  say: (o: Outcome) => string
}) {
  if (outcomes.length === 0) return null
  return (
    <div className={`notice notice--${tone}`}>
      <p>{title}</p>
      <ul>
        {outcomes.map((o) => (
          <li key={o.receiptCode}>
            <Link to={`/desk/ho-so/${encodeURIComponent(o.receiptCode)}`}>{o.receiptCode}</Link>: {say(o)}
          </li>
        ))}
      </ul>
    </div>
  )
}

function BulkSign({ items, onSigned }: { items: BulkItem[]; onSigned: () => void }) {
  const { t, locale, pick } = useI18n()
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [confirming, setConfirming] = useState(false)
  const [outcomes, setOutcomes] = useState<Outcome[] | null>(null)
  const chosen = items.filter((d) => selected.has(d.receiptCode))
  const all = items.length > 0 && chosen.length === items.length
  const toggle = (code: string) =>
    setSelected((s) => {
      const next = new Set(s)
      if (next.has(code)) next.delete(code)
      else next.add(code)
      return next
    })
  const sign = async () => {
    // one request per action key: dossiers of different procedures may sign with different actions
    const byAction = new Map<string, BulkItem[]>()
    for (const d of chosen) byAction.set(d.action.key, [...(byAction.get(d.action.key) ?? []), d])
    const results: Outcome[] = []
    for (const [key, group] of byAction) {
      const answer = await api<{ results: Outcome[] }>(`/api/desk/bulk/${encodeURIComponent(key)}`, {
        method: 'POST',
        body: { dossiers: group.map((d) => ({ receiptCode: d.receiptCode, expectedVersion: d.version })) },
      })
      results.push(...answer.results)
    }
    setOutcomes(results)
    setSelected(new Set())
    setConfirming(false)
    onSigned()
  }
  const done = outcomes?.filter((o) => o.ok) ?? []
  const failed = outcomes?.filter((o) => !o.ok) ?? []
  const n = chosen.length
  return (
    <section aria-labelledby="leader-bulk">
      <h2 id="leader-bulk">{t('leader.bulk')}</h2>
      <p className="hint">{t('leader.bulkHint')}</p>
      {outcomes && (
        <div className="stack leader-results" role="status" aria-label={t('leader.resultsTitle')}>
          <OutcomeList
            tone="ok"
            title={t('leader.done', { n: done.length })}
            outcomes={done}
            say={(o) =>
              o.ok
                ? t('leader.resultOk', { status: pick(dossierStatuses[o.status as keyof typeof dossierStatuses]) })
                : ''
            }
          />
          <OutcomeList
            tone="error"
            title={t('leader.failed', { n: failed.length })}
            outcomes={failed}
            say={(o) => (o.ok ? '' : pick(o.error.message))}
          />
        </div>
      )}
      {items.length === 0 ? (
        <p className="muted">{t('leader.noBulk')}</p>
      ) : (
        <>
          <div className="row leader-bulk-bar">
            <button type="button" className="button" disabled={n === 0} onClick={() => setConfirming(true)}>
              {n === 0 ? t('leader.signNone') : t('leader.signSelected', { n })}
            </button>
            <span className="muted" aria-live="polite">
              {t('leader.selected', { n })}
            </span>
          </div>
          <table className="table leader-table leader-bulk">
            <thead>
              <tr>
                <th scope="col" className="leader-check">
                  <input
                    type="checkbox"
                    aria-label={t('leader.selectAll')}
                    checked={all}
                    ref={(el) => {
                      if (el) el.indeterminate = n > 0 && !all
                    }}
                    onChange={() => setSelected(all ? new Set() : new Set(items.map((d) => d.receiptCode)))}
                  />
                </th>
                <DossierHeads />
                <th scope="col">{t('leader.col.action')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.receiptCode} className={selected.has(d.receiptCode) ? 'leader-row--selected' : undefined}>
                  <td className="leader-check">
                    <input
                      type="checkbox"
                      aria-label={t('leader.select', { code: d.receiptCode })}
                      checked={selected.has(d.receiptCode)}
                      onChange={() => toggle(d.receiptCode)}
                    />
                  </td>
                  <DossierCells item={d} />
                  <td>{locale === 'en' && d.action.labelEn ? d.action.labelEn : d.action.label}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('leader.confirmTitle', { n })}
        confirmLabel={t('leader.confirm', { n })}
        onConfirm={sign}
        onClose={() => setConfirming(false)}
      >
        <p>{t('leader.confirmBody', { n })}</p>
        <ul className="leader-confirm-list">
          {chosen.map((d) => (
            <li key={d.receiptCode}>
              {d.receiptCode}: {d.applicantName}
            </li>
          ))}
        </ul>
      </ConfirmDialog>
    </section>
  )
}

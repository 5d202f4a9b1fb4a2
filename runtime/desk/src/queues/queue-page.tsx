import { ApiError, api, Link, navigate, useAsync, useLocation, useSession } from '@motcua/web-kit'
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react'
import { ErrorBox, usePageTitle } from '../components/status'
import { useI18n } from '../i18n/i18n'
import { officerGrants } from '../lib/officer'
import { useShortcut } from '../lib/shortcuts'
import type { QueuePage as Page } from '../lib/types'
import { type ConsultationItem, ConsultationTable, consultationAddress } from './consultation-table'
import { apiQuery, PAGE_SIZE, type QueueView, readView, type Tab, tabs, viewAddress } from './queue-address'
import { dossierAddress, QueueTable } from './queue-table'
import { ShortcutsDialog } from './shortcuts-dialog'
import { useRefresh } from './use-refresh'
import './queues.css'

type Counts = Record<Tab, number>
type Listing = { kind: 'dossiers'; page: Page } | { kind: 'consultations'; items: ConsultationItem[]; total: number }

const statuses = [1, 2, 4, 5, 6, 9, 3, 7, 8, 10] as const

async function load(view: QueueView): Promise<Listing> {
  if (view.tab === 'consultations') {
    const offset = (view.page - 1) * PAGE_SIZE
    const page = await api<{ items: ConsultationItem[]; total: number }>(
      `/api/desk/consultations?limit=${PAGE_SIZE}&offset=${offset}`,
    )
    return { kind: 'consultations', ...page }
  }
  return { kind: 'dossiers', page: await api<Page>(`/api/desk/dossiers?${apiQuery(view)}`) }
}

/** The officer's queues: counts, search, filters in the address, the deadline in sight. */
export function QueuePage() {
  const { t, locale } = useI18n()
  usePageTitle(t('queues.title'))
  const { query } = useLocation()
  const { user } = useSession()
  const view = readView(query)
  const address = viewAddress(view)
  const go = (change: Partial<QueueView>) => navigate(viewAddress({ ...view, page: 1, ...change }))
  const units = [...new Set((user ? officerGrants(user) : []).map((g) => g.unitCode))]
  // the procedures the unit in view handles, to filter by (its first when the officer has several)
  const procedureUnit = view.unit || units[0]
  const procedures = useAsync(
    () =>
      procedureUnit
        ? api<{ code: string; name: string }[]>(`/api/procedures?unit=${encodeURIComponent(procedureUnit)}`)
        : Promise.resolve([]),
    [procedureUnit],
  )

  const list = useAsync(() => load(view), [address])
  const counts = useAsync(
    () => api<Counts>(`/api/desk/counts${view.unit ? `?unit=${encodeURIComponent(view.unit)}` : ''}`),
    [view.unit],
  )
  const [refreshedAt, setRefreshedAt] = useState(() => new Date())
  const refresh = () => {
    list.reload()
    counts.reload()
    setRefreshedAt(new Date())
  }
  useRefresh(refresh)

  // the search box follows the address (back/forward), and is sent with Enter
  const [typed, setTyped] = useState(view.q)
  useEffect(() => setTyped(view.q), [view.q])
  const search = useRef<HTMLInputElement>(null)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    // a search looks through the dossiers, not the consultations
    go({ q: typed.trim(), ...(view.tab === 'consultations' ? { tab: 'inProgress' as const } : {}) })
  }

  const rows = list.value?.kind === 'dossiers' ? list.value.page.items : (list.value?.items ?? [])
  const total = list.value?.kind === 'dossiers' ? list.value.page.total : (list.value?.total ?? 0)
  const [active, setActive] = useState(-1)
  useEffect(() => setActive(-1), [address])
  const open = (i: number) => {
    const value = list.value
    if (!value || i < 0) return
    if (value.kind === 'dossiers' && value.page.items[i]) navigate(dossierAddress(value.page.items[i].receiptCode))
    if (value.kind === 'consultations' && value.items[i]) navigate(consultationAddress(value.items[i].id))
  }
  useShortcut('/', () => search.current?.focus())
  useShortcut('j', () => setActive((a) => Math.min(a + 1, rows.length - 1)))
  useShortcut('k', () => setActive((a) => Math.max(a - 1, 0)))
  useShortcut(
    'Enter',
    () => {
      // Enter on a focused link or button still does what it says, not open the highlighted row
      const focused = document.activeElement
      if (focused instanceof HTMLAnchorElement || focused instanceof HTMLButtonElement) focused.click()
      else open(active)
    },
    active >= 0,
  )
  for (const [i, tab] of tabs.entries()) {
    // a fixed list: the hooks are called in the same order on every render
    // biome-ignore lint/correctness/useHookAtTopLevel: tabs is a constant array
    useShortcut(String(i + 1), () => go({ tab }))
  }

  const error = list.error instanceof ApiError ? list.error : undefined
  const forbidden = error?.status === 403
  const tooShort = error?.issues.find((issue) => issue.path === '/query/q')
  // the API pages up to offset 10,000: past that, a search or a filter narrows better than paging
  const pages = Math.min(Math.max(1, Math.ceil(total / PAGE_SIZE)), 10_000 / PAGE_SIZE + 1)
  const filtered = !!(view.status || view.channel || view.procedure)
  const empty = view.q
    ? t('queues.empty.search', { q: view.q })
    : filtered
      ? t('queues.empty.filtered')
      : t(`queues.empty.${view.tab}`)
  const countOf = useMemo(() => counts.value ?? ({} as Partial<Counts>), [counts.value])

  return (
    <div className="q-page">
      <div className="q-top">
        <h1>{t('queues.title')}</h1>
        <search className="q-search">
          <form onSubmit={submit}>
            <label htmlFor="q-search" className="q-sr">
              {t('queues.searchLabel')}
            </label>
            <input
              id="q-search"
              ref={search}
              className="input"
              type="search"
              value={typed}
              maxLength={100}
              placeholder={t('queues.searchPlaceholder')}
              aria-describedby={tooShort ? 'q-search-error' : undefined}
              aria-invalid={tooShort ? true : undefined}
              onChange={(e) => setTyped(e.target.value)}
              onKeyDown={(e) => e.key === 'Escape' && e.currentTarget.blur()}
            />
            <button type="submit" className="button">
              {t('common.search')}
            </button>
            {view.q && (
              <button type="button" className="button button--secondary" onClick={() => go({ q: '' })}>
                {t('queues.searchClear')}
              </button>
            )}
          </form>
        </search>
        <ShortcutsDialog />
      </div>
      {tooShort && (
        <p id="q-search-error" className="notice notice--error" role="alert">
          {locale === 'vi' ? tooShort.message.vi : tooShort.message.en}
        </p>
      )}

      <nav aria-label={t('queues.tabs')} className="q-tabs">
        {tabs.map((tab, i) => (
          <Link
            key={tab}
            to={viewAddress({ ...view, tab, page: 1 })}
            aria-current={view.tab === tab ? 'page' : undefined}
            className={tab === 'overdue' && (countOf.overdue ?? 0) > 0 ? 'q-tab q-tab--alert' : 'q-tab'}
            data-testid={`tab-${tab}`}
          >
            <kbd>{i + 1}</kbd>
            <span>{t(`queues.tab.${tab}`)}</span>
            <span className="q-count">{countOf[tab] ?? '–'}</span>
          </Link>
        ))}
      </nav>

      <div className="q-filters">
        {units.length > 1 && (
          <label>
            {t('queues.unit')}
            <select className="select" value={view.unit} onChange={(e) => go({ unit: e.target.value })}>
              <option value="">{t('queues.allUnits')}</option>
              {units.map((u) => (
                <option key={u} value={u}>
                  {u}
                </option>
              ))}
            </select>
          </label>
        )}
        {view.tab !== 'consultations' && (
          <>
            <label>
              {t('queues.status')}
              <select className="select" value={view.status} onChange={(e) => go({ status: e.target.value })}>
                <option value="">{t('common.all')}</option>
                {statuses.map((s) => (
                  <option key={s} value={s}>
                    {t(`queues.statusName.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('queues.procedure')}
              <select
                className="select q-procedure"
                value={view.procedure}
                onChange={(e) => go({ procedure: e.target.value })}
              >
                <option value="">{t('common.all')}</option>
                {procedures.value?.map((p) => (
                  <option key={p.code} value={p.code}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('queues.channel')}
              <select className="select" value={view.channel} onChange={(e) => go({ channel: e.target.value })}>
                <option value="">{t('common.all')}</option>
                {(['1', '2', '3'] as const).map((c) => (
                  <option key={c} value={c}>
                    {t(`queues.channel.${c}`)}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        <span className="q-meta" aria-live="polite">
          {list.value && <strong data-testid="queue-total">{t('queues.total', { total })}</strong>}
          <span className="muted">
            {t('queues.refreshed', { time: refreshedAt.toLocaleTimeString(locale === 'vi' ? 'vi-VN' : 'en-GB') })}
          </span>
          <button type="button" className="link-button" onClick={refresh}>
            {t('queues.refresh')}
          </button>
        </span>
      </div>
      {view.q && !tooShort && <p className="q-searching">{t('queues.searching', { q: view.q })}</p>}

      {forbidden ? (
        <div className="notice notice--error" role="alert" data-testid="queue-forbidden">
          <p>{t('queues.forbidden', { unit: view.unit })}</p>
          <Link to="/desk">{t('queues.backToMine')}</Link>
        </div>
      ) : list.error && !tooShort ? (
        <ErrorBox error={list.error} onRetry={list.reload} />
      ) : null}

      {list.value && !list.error && (
        <div className={list.pending ? 'q-list q-list--pending' : 'q-list'} aria-busy={list.pending}>
          {rows.length === 0 ? (
            <p className="notice q-empty">{empty}</p>
          ) : list.value.kind === 'dossiers' ? (
            <QueueTable items={list.value.page.items} active={active} />
          ) : (
            <ConsultationTable items={list.value.items} active={active} />
          )}
          {pages > 1 && (
            <nav aria-label={t('queues.paging')} className="q-paging">
              {view.page > 1 ? (
                <Link to={viewAddress({ ...view, page: view.page - 1 })}>{t('common.previous')}</Link>
              ) : (
                <span />
              )}
              <span>{t('queues.page', { page: view.page, pages })}</span>
              {view.page < pages ? (
                <Link to={viewAddress({ ...view, page: view.page + 1 })}>{t('common.next')}</Link>
              ) : (
                <span />
              )}
            </nav>
          )}
        </div>
      )}
      {!list.value && list.pending && <p className="loading">{t('app.loading')}</p>}
    </div>
  )
}

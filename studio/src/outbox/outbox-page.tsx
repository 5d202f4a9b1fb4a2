import { useAsync } from '@motcua/web-kit'
import { useEffect, useState } from 'react'
import { ConfirmDialog } from '../components/dialog'
import { ErrorBox, Loading, usePageTitle } from '../components/status'
import { useI18n } from '../i18n/i18n'
import {
  changeMessages,
  listMessages,
  loadPlugins,
  loadSummary,
  type OutboxAction,
  type OutboxCount,
  type OutboxFilter,
  type OutboxMessage,
  PAGE,
  STATES,
} from './outbox'
import './outbox.css'

type Target = { ids: number[] } | { plugin: string }
interface Asked {
  action: OutboxAction
  target: Target
  count: number
}

/** `/studio/hang-doi`: the plugins' messages of the administrator's units, and what to do with the dead ones. */
export function OutboxPage() {
  const { t, pick } = useI18n()
  usePageTitle(t('outbox.title'))
  const [filter, setFilter] = useState<OutboxFilter>({ plugin: '', state: 'dead' })
  const [round, setRound] = useState(0)
  const plugins = useAsync(loadPlugins, [])
  const summary = useAsync(loadSummary, [round])
  const first = useAsync(() => listMessages(filter), [filter, round])
  const [older, setOlder] = useState<OutboxMessage[]>([])
  // whether the last page read was full, so older messages may follow
  const [olderFull, setOlderFull] = useState<boolean>()
  const [selected, setSelected] = useState<Set<number>>(new Set())
  const [asked, setAsked] = useState<Asked>()
  const [done, setDone] = useState<string>()
  useEffect(() => {
    setOlder([])
    setOlderFull(undefined)
    setSelected(new Set())
  }, [first.value])

  const nameOf = (slug: string | null) => {
    const plugin = plugins.value?.find((p) => p.slug === slug)
    return plugin ? pick(plugin.name) : (slug ?? '—')
  }
  const messages = [...(first.value ?? []), ...older]
  const lastPage = olderFull === undefined ? (first.value?.length ?? 0) < PAGE : !olderFull
  const dead = messages.filter((m) => m.state === 'dead')
  const deadOfPlugin = filter.plugin
    ? (summary.value?.find((s) => s.plugin === filter.plugin && s.state === 'dead')?.count ?? 0)
    : 0
  const toggle = (id: number) =>
    setSelected((s) => {
      const next = new Set(s)
      if (!next.delete(id)) next.add(id)
      return next
    })
  const act = async ({ action, target }: Asked) => {
    const { count } = await changeMessages(action, target)
    setAsked(undefined)
    setDone(t(`outbox.done.${action}`, { count: String(count) }))
    setRound((r) => r + 1)
  }

  return (
    <div className="outbox stack">
      <div>
        <h1>{t('outbox.title')}</h1>
        <p className="muted">{t('outbox.lead')}</p>
      </div>

      {summary.value && summary.value.length > 0 && (
        <Summary counts={summary.value} nameOf={nameOf} onPick={(plugin, state) => setFilter({ plugin, state })} />
      )}

      <section className="outbox-filters" aria-label={t('outbox.filters')}>
        <div className="field">
          <label className="label" htmlFor="outbox-plugin">
            {t('outbox.filter.plugin')}
          </label>
          <select
            id="outbox-plugin"
            className="select"
            value={filter.plugin}
            onChange={(e) => setFilter((f) => ({ ...f, plugin: e.target.value }))}
          >
            <option value="">{t('outbox.filter.allPlugins')}</option>
            {plugins.value?.map((p) => (
              <option key={p.slug} value={p.slug}>
                {pick(p.name)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="label" htmlFor="outbox-state">
            {t('outbox.filter.state')}
          </label>
          <select
            id="outbox-state"
            className="select"
            value={filter.state}
            onChange={(e) => setFilter((f) => ({ ...f, state: e.target.value as OutboxFilter['state'] }))}
          >
            <option value="">{t('outbox.filter.allStates')}</option>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {t(`outbox.state.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </section>

      {done && (
        <p className="notice notice--ok" role="status">
          {done}
        </p>
      )}

      {(dead.length > 0 || deadOfPlugin > 0) && (
        <div className="outbox-actions">
          {dead.length > 0 && (
            <label className="check">
              <input
                type="checkbox"
                checked={dead.every((m) => selected.has(m.id))}
                onChange={(e) => setSelected(new Set(e.target.checked ? dead.map((m) => m.id) : []))}
              />{' '}
              {t('outbox.selectAll')}
            </label>
          )}
          {selected.size > 0 && (
            <>
              <span className="muted">{t('outbox.selected', { count: String(selected.size) })}</span>
              {(['requeue', 'discard'] as const).map((action) => (
                <button
                  key={action}
                  type="button"
                  className={`button button--small ${action === 'discard' ? 'button--danger' : ''}`}
                  onClick={() => setAsked({ action, target: { ids: [...selected] }, count: selected.size })}
                >
                  {t(`outbox.${action}Selected`)}
                </button>
              ))}
            </>
          )}
          {deadOfPlugin > 0 &&
            (['requeue', 'discard'] as const).map((action) => (
              <button
                key={action}
                type="button"
                className="button button--secondary button--small"
                onClick={() => setAsked({ action, target: { plugin: filter.plugin }, count: deadOfPlugin })}
              >
                {t(`outbox.${action}All`, { count: String(deadOfPlugin), plugin: nameOf(filter.plugin) })}
              </button>
            ))}
        </div>
      )}

      {first.error ? (
        <ErrorBox error={first.error} onRetry={first.reload} />
      ) : !first.value ? (
        <Loading />
      ) : messages.length === 0 ? (
        <p className="notice">{t('outbox.none')}</p>
      ) : (
        <ul className="outbox-list">
          {messages.map((m) => (
            <MessageItem
              key={m.id}
              message={m}
              pluginName={nameOf(m.plugin)}
              selected={selected.has(m.id)}
              onToggle={() => toggle(m.id)}
              onAsk={(action) => setAsked({ action, target: { ids: [m.id] }, count: 1 })}
            />
          ))}
        </ul>
      )}
      {first.value && !lastPage && (
        <button
          type="button"
          className="button button--secondary"
          onClick={async () => {
            const page = await listMessages(filter, messages[messages.length - 1]!.id)
            setOlder((o) => [...o, ...page])
            setOlderFull(page.length === PAGE)
          }}
        >
          {t('outbox.more')}
        </button>
      )}

      {asked && (
        <ConfirmDialog
          open
          title={t(`outbox.confirm.${asked.action}.title`)}
          confirmLabel={t(`outbox.${asked.action}`)}
          danger={asked.action === 'discard'}
          onClose={() => setAsked(undefined)}
          onConfirm={() => act(asked)}
        >
          <p>{t(`outbox.confirm.${asked.action}`, { count: String(asked.count) })}</p>
        </ConfirmDialog>
      )}
    </div>
  )
}

function Summary({
  counts,
  nameOf,
  onPick,
}: {
  counts: OutboxCount[]
  nameOf: (slug: string | null) => string
  onPick: (plugin: string, state: OutboxFilter['state']) => void
}) {
  const { t } = useI18n()
  const slugs = [...new Set(counts.map((c) => c.plugin))]
  return (
    <section aria-labelledby="outbox-summary">
      <h2 id="outbox-summary">{t('outbox.summary')}</h2>
      <ul className="outbox-summary">
        {slugs.map((slug) => (
          <li key={slug ?? ''}>
            <strong>{nameOf(slug)}</strong>
            <span className="outbox-summary__counts">
              {STATES.map((s) => {
                const count = counts.find((c) => c.plugin === slug && c.state === s)?.count ?? 0
                const label = `${t(`outbox.state.${s}`)}: ${count}`
                return count > 0 && slug ? (
                  <button key={s} type="button" className="link-button" onClick={() => onPick(slug, s)}>
                    {label}
                  </button>
                ) : (
                  <span key={s} className="muted">
                    {label}
                  </span>
                )
              })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}

const when = (iso: string, locale: string) =>
  new Date(iso).toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    dateStyle: 'short',
    timeStyle: 'short',
  })

function MessageItem({
  message: m,
  pluginName,
  selected,
  onToggle,
  onAsk,
}: {
  message: OutboxMessage
  pluginName: string
  selected: boolean
  onToggle: () => void
  onAsk: (action: OutboxAction) => void
}) {
  const { t, locale } = useI18n()
  const dead = m.state === 'dead'
  return (
    <li className="outbox-item" data-testid={`outbox-${m.id}`}>
      <div className="outbox-item__head">
        {dead && (
          <input
            type="checkbox"
            aria-label={t('outbox.select', { id: String(m.id) })}
            checked={selected}
            onChange={onToggle}
          />
        )}
        <strong>{m.receiptCode ?? t('outbox.noDossier')}</strong>
        <span className={`badge outbox-state--${m.state}`}>{t(`outbox.state.${m.state}`)}</span>
      </div>
      <dl className="outbox-facts">
        <div>
          <dt>{t('outbox.filter.plugin')}</dt>
          <dd>{pluginName}</dd>
        </div>
        <div>
          <dt>{t('outbox.topic')}</dt>
          <dd>{m.topic}</dd>
        </div>
        <div>
          <dt>{t('outbox.attempts')}</dt>
          <dd>{m.attempts}</dd>
        </div>
        <div>
          <dt>{m.state === 'pending' ? t('outbox.nextAttempt') : t('outbox.createdAt')}</dt>
          <dd>{when(m.state === 'pending' ? m.nextAttemptAt : m.createdAt, locale)}</dd>
        </div>
      </dl>
      {m.lastError && (
        <p className="outbox-error">
          <span className="muted">{t('outbox.lastError')}:</span> {m.lastError}
        </p>
      )}
      {m.requestId && (
        <p className="outbox-request muted">
          {t('outbox.requestId')}: <code>{m.requestId}</code>
        </p>
      )}
      {dead && (
        <div className="row">
          <button type="button" className="button button--secondary button--small" onClick={() => onAsk('requeue')}>
            {t('outbox.requeue')}
          </button>
          <button type="button" className="button button--danger button--small" onClick={() => onAsk('discard')}>
            {t('outbox.discard')}
          </button>
        </div>
      )}
    </li>
  )
}

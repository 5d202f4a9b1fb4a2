import { api, useAsync } from '@motcua/web-kit'
import type { ReactNode } from 'react'
import { ErrorBox, Loading, usePageTitle } from '../components/status'
import { type MessageKey, useI18n } from '../i18n/i18n'
import type { InstalledPlugin } from './installed-plugin'
import './plugins.css'

/** `/studio/tien-ich`: every loaded plugin with everything it contributes, each part labelled with its owner. */
export function PluginsPage() {
  const { t } = useI18n()
  usePageTitle(t('plugins.title'))
  const plugins = useAsync(() => api<InstalledPlugin[]>('/api/admin/plugins'), [])
  if (plugins.error) return <ErrorBox error={plugins.error} onRetry={plugins.reload} />
  if (!plugins.value) return <Loading />
  return (
    <div className="stack">
      <h1>{t('plugins.title')}</h1>
      <p className="muted">{t('plugins.lead')}</p>
      {plugins.value.length === 0 && <p className="notice">{t('plugins.none')}</p>}
      {plugins.value.map((plugin) => (
        <PluginCard key={plugin.slug} plugin={plugin} />
      ))}
    </div>
  )
}

function Part({ title, owner, children }: { title: string; owner: string; children: ReactNode }) {
  const { t } = useI18n()
  return (
    <section className="plugin-part">
      <h3>{title}</h3>
      <p className="plugin-part__owner">{t('plugins.owner', { name: owner })}</p>
      {children}
    </section>
  )
}

function PluginCard({ plugin }: { plugin: InstalledPlugin }) {
  const { t, pick } = useI18n()
  const owner = pick(plugin.name)
  const entries = <T,>(record: Record<string, T>) => Object.entries(record)
  const properties = (plugin.configSchema.properties ?? {}) as Record<string, { title?: string; description?: string }>
  const required = (plugin.configSchema.required ?? []) as string[]
  return (
    <article className="plugin-card" aria-labelledby={`plugin-${plugin.slug}`}>
      <h2 id={`plugin-${plugin.slug}`}>
        {owner} <code className="plugin-card__slug">{plugin.slug}</code>
      </h2>
      {plugin.description && <p>{pick(plugin.description)}</p>}

      {(plugin.hooks.length > 0 || plugin.deliver) && (
        <Part title={t('plugins.hooks')} owner={owner}>
          <ul>
            {plugin.hooks.map((hook) => (
              <li key={hook}>{t(`plugins.hook.${hook}` as MessageKey)}</li>
            ))}
            {plugin.deliver && <li>{t('plugins.deliver')}</li>}
          </ul>
        </Part>
      )}

      <Part title={t('plugins.reads')} owner={owner}>
        {Object.keys(plugin.reads).length === 0 ? (
          <p className="muted">{t('plugins.readsNone')}</p>
        ) : (
          <ul>
            {entries(plugin.reads).map(([code, fields]) => (
              <li key={code}>
                {t('plugins.procedure', { code })}:{' '}
                {fields.map((f) => (
                  <code key={f}>{f}</code>
                ))}
              </li>
            ))}
          </ul>
        )}
      </Part>

      {Object.keys(plugin.lookups).length > 0 && (
        <Part title={t('plugins.lookups')} owner={owner}>
          {entries(plugin.lookups).map(([key, lookup]) => (
            <dl key={key} className="plugin-facts">
              <dt>{pick(lookup.name)}</dt>
              <dd>
                <code>{key}</code>
              </dd>
              <dt>{t('plugins.consent')}</dt>
              <dd>
                <blockquote>{pick(lookup.consent)}</blockquote>
              </dd>
              <dt>{t('plugins.returns')}</dt>
              <dd>
                {entries(lookup.returns)
                  .map(([field, label]) => `${pick(label)} (${field})`)
                  .join(', ')}
              </dd>
            </dl>
          ))}
        </Part>
      )}

      {Object.keys(plugin.formats).length > 0 && (
        <Part title={t('plugins.formats')} owner={owner}>
          {entries(plugin.formats).map(([name, format]) => (
            <dl key={name} className="plugin-facts">
              <dt>
                <code>{name}</code>
              </dt>
              <dd>{pick(format.message)}</dd>
              <dt>{t('plugins.pattern')}</dt>
              <dd>
                <code className="plugin-facts__pattern">{format.pattern}</code>
              </dd>
              {format.example !== undefined && (
                <>
                  <dt>{t('plugins.example')}</dt>
                  <dd>
                    <code>{format.example}</code>
                  </dd>
                </>
              )}
            </dl>
          ))}
        </Part>
      )}

      {Object.keys(plugin.widgets).length > 0 && (
        <Part title={t('plugins.widgets')} owner={owner}>
          <ul>
            {entries(plugin.widgets).map(([name, widget]) => (
              <li key={name}>
                {pick(widget.name)} <code>{name}</code>
                {[
                  widget.inputMode && t('plugins.widget.inputMode', { mode: widget.inputMode }),
                  widget.maxLength && t('plugins.widget.maxLength', { n: String(widget.maxLength) }),
                  widget.placeholder && t('plugins.widget.placeholder', { text: pick(widget.placeholder) }),
                ]
                  .filter(Boolean)
                  .map((fact) => ` · ${fact}`)}
              </li>
            ))}
          </ul>
        </Part>
      )}

      {Object.keys(plugin.actions).length > 0 && (
        <Part title={t('plugins.actions')} owner={owner}>
          <ul>
            {entries(plugin.actions).map(([key, action]) => (
              <li key={key}>
                {pick(action.name)} <code>{key}</code>
                {action.description && ` · ${pick(action.description)}`}
              </li>
            ))}
          </ul>
        </Part>
      )}

      {plugin.routes.length > 0 && (
        <Part title={t('plugins.routes')} owner={owner}>
          <ul>
            {plugin.routes.map((route) => (
              <li key={`${route.method} ${route.path}`}>
                <code className="plugin-facts__pattern">
                  {route.method.toUpperCase()} {route.path}
                </code>
              </li>
            ))}
          </ul>
        </Part>
      )}

      {plugin.sendsReceipt && (
        <Part title={t('plugins.receipt')} owner={owner}>
          <p>{t(plugin.sendsReceipt === 'sms' ? 'plugins.receiptSms' : 'plugins.receiptEmail')}</p>
        </Part>
      )}

      {plugin.deliver && (
        <Part title={t('plugins.retry')} owner={owner}>
          <p>
            {t('plugins.retryPolicy', {
              attempts: String(plugin.retry.attempts),
              seconds: String(plugin.retry.backoffMs / 1000),
            })}
          </p>
        </Part>
      )}

      <Part title={t('plugins.config')} owner={owner}>
        {Object.keys(properties).length === 0 ? (
          <p className="muted">{t('plugins.configNone')}</p>
        ) : (
          <ul>
            {entries(properties).map(([key, property]) => (
              <li key={key}>
                {property.title ?? key} <code>{key}</code>
                {required.includes(key) && ` · ${t('plugins.required')}`}
                {plugin.secrets.includes(key) && <strong className="plugin-secret"> · {t('plugins.secret')}</strong>}
              </li>
            ))}
          </ul>
        )}
      </Part>
    </article>
  )
}

import { useAsync } from '@motcua/web-kit'
import { lazy, Suspense, useState } from 'react'
import { ErrorBox, Loading, usePageTitle } from '../components/status'
import { type MessageKey, useI18n } from '../i18n/i18n'
import { type AdminUnit, loadAdminUnits } from './admin-units'
import { ApprovalTab } from './approval-tab'
import { CalendarTab } from './calendar-tab'
import { ContactTab } from './contact-tab'
import { OfferingTab } from './offering-tab'
import { UnitTree } from './unit-tree'
import './units.css'

// The plugins' forms (rjsf) load only when their tab is opened, as the editor does.
const PluginsTab = lazy(() => import('./plugins-tab'))

const TABS = ['offering', 'plugins', 'calendar', 'approval', 'contact'] as const
type Tab = (typeof TABS)[number]

/** `/studio/don-vi[/:code]`: the administrator's units as a tree, and the chosen unit's settings by tab. */
export function UnitsPage({ unitCode }: { unitCode?: string }) {
  const { t } = useI18n()
  usePageTitle(t('units.title'))
  const units = useAsync(loadAdminUnits, [])
  if (units.error) return <ErrorBox error={units.error} onRetry={units.reload} />
  if (!units.value) return <Loading />
  const unit = unitCode ? units.value.find((u) => u.code === unitCode) : undefined
  return (
    <div className="units-layout">
      <div className="units-layout__tree">
        <h1>{t('units.title')}</h1>
        <UnitTree units={units.value} current={unitCode} />
      </div>
      <div className="units-layout__detail">
        {!unitCode ? (
          <p className="notice">{t('units.choose')}</p>
        ) : !unit ? (
          <p className="notice notice--error" role="alert">
            {t('units.notYours', { code: unitCode })}
          </p>
        ) : (
          <UnitDetail key={unit.code} unit={unit} units={units.value} />
        )}
      </div>
    </div>
  )
}

function UnitDetail({ unit, units }: { unit: AdminUnit; units: AdminUnit[] }) {
  const { t } = useI18n()
  const [tab, setTab] = useState<Tab>('offering')
  const levelKey = `units.level.${unit.level}` as MessageKey
  const moveFocus = (from: number, step: number) => {
    const next = TABS[(from + step + TABS.length) % TABS.length]!
    setTab(next)
    document.getElementById(`tab-${next}`)?.focus()
  }
  return (
    <section aria-labelledby="unit-title" className="stack">
      <div>
        <h2 id="unit-title" className="unit-title">
          {unit.name}
        </h2>
        <p className="muted">
          {t('units.code', { code: unit.code })} · {t(levelKey)}
        </p>
      </div>
      <div role="tablist" aria-label={t('units.tabs')} className="tabs">
        {TABS.map((name, index) => (
          <button
            key={name}
            id={`tab-${name}`}
            type="button"
            role="tab"
            aria-selected={tab === name}
            aria-controls={`panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            className="tabs__tab"
            onClick={() => setTab(name)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowRight') moveFocus(index, 1)
              if (e.key === 'ArrowLeft') moveFocus(index, -1)
            }}
          >
            {t(`units.tab.${name}`)}
          </button>
        ))}
      </div>
      <div id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`} className="tabs__panel">
        {tab === 'offering' && <OfferingTab unit={unit} />}
        {tab === 'plugins' && (
          <Suspense fallback={<Loading />}>
            <PluginsTab unit={unit} units={units} />
          </Suspense>
        )}
        {tab === 'calendar' && <CalendarTab unit={unit} />}
        {tab === 'approval' && <ApprovalTab unit={unit} units={units} />}
        {tab === 'contact' && <ContactTab unit={unit} />}
      </div>
    </section>
  )
}

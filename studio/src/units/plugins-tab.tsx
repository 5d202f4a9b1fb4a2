import { api, useAsync } from '@motcua/web-kit'
import { useState } from 'react'
import { ErrorBox, Loading } from '../components/status'
import { useI18n } from '../i18n/i18n'
import type { AdminUnit } from './admin-units'
import { NOTHING_INHERITED, type UnitPlugin } from './plugin-schema'
import { PluginSetting } from './plugin-setting'
import { type PickableProcedure, ProcedurePicker } from './procedure-picker'

/**
 * "Tiện ích": each installed plugin at the unit, its setting for every procedure and its settings for single
 * procedures, each showing what it inherits and from which unit.
 */
export default function PluginsTab({ unit }: { unit: AdminUnit; units: AdminUnit[] }) {
  const { t } = useI18n()
  const base = `/api/admin/units/${encodeURIComponent(unit.code)}`
  const plugins = useAsync(() => api<UnitPlugin[]>(`${base}/plugins`), [base])
  const offered = useAsync(
    async () =>
      (await api<{ procedures: PickableProcedure[] }>(`${base}/offering`)).procedures.map(({ code, name }) => ({
        code,
        name,
      })),
    [base],
  )
  const [saved, setSaved] = useState<string>()
  if (plugins.error) return <ErrorBox error={plugins.error} onRetry={plugins.reload} />
  if (!plugins.value) return <Loading />
  return (
    <div className="stack">
      <p className="muted">{t('units.plugins.lead')}</p>
      {plugins.value.length === 0 && <p className="notice">{t('units.plugins.noneInstalled')}</p>}
      {plugins.value.map((plugin) => (
        <PluginCard
          // a new setting from the server starts the forms afresh
          key={`${plugin.slug}-${JSON.stringify(plugin.own)}`}
          plugin={plugin}
          unitCode={unit.code}
          procedures={offered.value ?? []}
          saved={saved}
          onSaved={(which) => {
            setSaved(which)
            plugins.reload()
          }}
        />
      ))}
    </div>
  )
}

function PluginCard({
  plugin,
  unitCode,
  procedures,
  saved,
  onSaved,
}: {
  plugin: UnitPlugin
  unitCode: string
  procedures: PickableProcedure[]
  saved: string | undefined
  onSaved: (which: string) => void
}) {
  const { t, pick } = useI18n()
  const [picking, setPicking] = useState(false)
  const [added, setAdded] = useState<PickableProcedure[]>([])
  const all = plugin.inForce.find((f) => f.procedureCode === '')
  // the procedures with a setting here or above, then those added on this page and not saved yet
  const listed = [
    ...plugin.inForce
      .filter((f) => f.procedureCode !== '')
      .map((f) => ({ code: f.procedureCode, name: f.procedureName ?? f.procedureCode })),
    ...added,
  ]
  const which = (code: string) => `${plugin.slug}/${code}`
  return (
    <article
      className="plugin-card stack"
      aria-labelledby={`plugin-${plugin.slug}`}
      data-testid={`plugin-${plugin.slug}`}
    >
      <h3 id={`plugin-${plugin.slug}`}>{pick(plugin.name)}</h3>
      {plugin.description && <p className="muted">{pick(plugin.description)}</p>}
      <PluginSetting
        plugin={plugin}
        unitCode={unitCode}
        procedureCode=""
        title={t('units.plugins.allProcedures')}
        own={plugin.own.find((o) => o.procedureCode === '')}
        inForce={all}
        inherited={all?.inherited ?? NOTHING_INHERITED}
        justSaved={saved === which('')}
        onSaved={() => onSaved(which(''))}
      />
      <h4>{t('units.plugins.perProcedure')}</h4>
      {listed.length === 0 && <p className="hint">{t('units.plugins.perProcedureNone')}</p>}
      {listed.map((procedure) => {
        const inForce = plugin.inForce.find((f) => f.procedureCode === procedure.code)
        return (
          <PluginSetting
            key={procedure.code}
            plugin={plugin}
            unitCode={unitCode}
            procedureCode={procedure.code}
            title={`${procedure.name} (${procedure.code})`}
            own={plugin.own.find((o) => o.procedureCode === procedure.code)}
            inForce={inForce}
            // a procedure without a setting here or above inherits the setting for every procedure
            inherited={inForce?.inherited ?? all ?? NOTHING_INHERITED}
            justSaved={saved === which(procedure.code)}
            onSaved={() => onSaved(which(procedure.code))}
            {...(inForce ? {} : { onDiscard: () => setAdded((a) => a.filter((p) => p.code !== procedure.code)) })}
          />
        )
      })}
      {picking ? (
        <ProcedurePicker
          procedures={procedures.filter((p) => !listed.some((l) => l.code === p.code))}
          onPick={(procedure) => {
            setAdded((a) => [...a, procedure])
            setPicking(false)
          }}
          onCancel={() => setPicking(false)}
        />
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setPicking(true)}>
          {t('units.plugins.addProcedure')}
        </button>
      )}
    </article>
  )
}

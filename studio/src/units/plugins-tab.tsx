import { api, useAsync } from '@motcua/web-kit'
import { useState } from 'react'
import { ErrorBox, Loading } from '../components/status'
import { useI18n } from '../i18n/i18n'
import type { AdminUnit } from './admin-units'
import type { UnitPlugin } from './plugin-schema'
import { PluginSetting } from './plugin-setting'
import { useUnitName } from './unit-name'

/** "Tiện ích": each installed plugin at the unit, its own setting or the one it inherits. */
export default function PluginsTab({ unit, units }: { unit: AdminUnit; units: AdminUnit[] }) {
  const { t } = useI18n()
  const plugins = useAsync(
    () => api<UnitPlugin[]>(`/api/admin/units/${encodeURIComponent(unit.code)}/plugins`),
    [unit.code],
  )
  const [saved, setSaved] = useState<string>()
  if (plugins.error) return <ErrorBox error={plugins.error} onRetry={plugins.reload} />
  if (!plugins.value) return <Loading />
  return (
    <div className="stack">
      <p className="muted">{t('units.plugins.lead')}</p>
      {plugins.value.length === 0 && <p className="notice">{t('units.plugins.noneInstalled')}</p>}
      {plugins.value.map((plugin) => (
        <PluginEntry
          // a new setting from the server starts the form afresh
          key={`${plugin.slug}-${JSON.stringify(plugin.own)}-${plugin.inheritedFrom}`}
          plugin={plugin}
          unitCode={unit.code}
          units={units}
          justSaved={saved === plugin.slug}
          onSaved={() => {
            setSaved(plugin.slug)
            plugins.reload()
          }}
        />
      ))}
    </div>
  )
}

function PluginEntry({
  plugin,
  unitCode,
  units,
  justSaved,
  onSaved,
}: {
  plugin: UnitPlugin
  unitCode: string
  units: AdminUnit[]
  justSaved: boolean
  onSaved: () => void
}) {
  const from = useUnitName(plugin.inheritedFrom, units)
  return (
    <PluginSetting
      plugin={plugin}
      unitCode={unitCode}
      inheritedFromName={from}
      justSaved={justSaved}
      onSaved={onSaved}
    />
  )
}

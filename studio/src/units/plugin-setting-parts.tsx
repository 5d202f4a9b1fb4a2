import { useI18n } from '../i18n/i18n'
import type { ResolvedSetting, SettingSource } from './plugin-schema'

/** A setting's own on/off: as inherited, on, or off. */
export type OnOff = 'inherit' | 'on' | 'off'

/** The choice of on, off or as inherited, the inherited state named with its unit. */
export function OnOffChoice({
  name,
  value,
  onChange,
  inherited,
}: {
  name: string
  value: OnOff
  onChange: (value: OnOff) => void
  inherited: ResolvedSetting
}) {
  const { t } = useI18n()
  const now = inherited.enabled ? t('units.plugins.on') : t('units.plugins.off')
  const options: [OnOff, string][] = [
    [
      'inherit',
      inherited.enabledFrom?.unitName
        ? t('units.plugins.onOff.inherit', { state: now.toLowerCase(), unit: inherited.enabledFrom.unitName })
        : t('units.plugins.onOff.inheritNone'),
    ],
    ['on', t('units.plugins.onOff.on')],
    ['off', t('units.plugins.onOff.off')],
  ]
  return (
    <fieldset className="plugin-on-off">
      <legend className="label">{t('units.plugins.onOff')}</legend>
      {options.map(([option, text]) => (
        <label key={option} className="check">
          <input type="radio" name={`${name}-on-off`} checked={value === option} onChange={() => onChange(option)} />
          {text}
        </label>
      ))}
    </fieldset>
  )
}

const shown = (value: unknown) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return text.length > 80 ? `${text.slice(0, 79)}…` : text
}

/** The value a field inherits and the unit (or the procedure's definition) it comes from. */
export function InheritedValue({ value, source }: { value: unknown; source: SettingSource | undefined }) {
  const { t } = useI18n()
  if (value === undefined || !source) return <span className="hint">{t('units.plugins.noInherited')}</span>
  return (
    <span className="hint" data-testid="inherited-value">
      {source.unitName
        ? t('units.plugins.inheritedValue', { value: shown(value), unit: source.unitName })
        : t('units.plugins.definitionValue', { value: shown(value) })}
    </span>
  )
}

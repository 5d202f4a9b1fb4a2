import { type Issue, matchesQuery } from '@motcua/core'
import type { AdministrativeUnit } from '@motcua/forms'
import { useState } from 'react'
import { useI18n } from '../i18n/i18n'
import { Problems } from './problems'

interface UnitsChecklistProps {
  /** The real units of the procedure's level. */
  units: AdministrativeUnit[]
  levelName: string
  /** `definition.units`: undefined = every unit of the level. */
  chosen: string[] | undefined
  readOnly: boolean
  problems: Issue[]
  onChange: (next: string[] | undefined) => void
}

/** Which units offer the procedure: all of its level, or those ticked in a searchable list. */
export function UnitsChecklist({ units, levelName, chosen, readOnly, problems, onChange }: UnitsChecklistProps) {
  const { t } = useI18n()
  const [query, setQuery] = useState('')
  const shown = query ? units.filter((u) => matchesQuery(`${u.name} ${u.code}`, query)) : units
  const some = Array.isArray(chosen)
  const picked = new Set(chosen ?? [])
  // codes the definition names that are not units of this level (kept, and shown so they can be removed)
  const foreign = (chosen ?? []).filter((code) => !units.some((u) => u.code === code))
  return (
    <fieldset className="editor-fieldset" data-path="/units">
      <legend>{t('editor.general.units')}</legend>
      <div className="row">
        <label className="check">
          <input
            type="radio"
            name="units-mode"
            checked={!some}
            disabled={readOnly}
            onChange={() => onChange(undefined)}
          />
          {t('editor.general.unitsAll', { level: levelName })}
        </label>
        <label className="check">
          <input type="radio" name="units-mode" checked={some} disabled={readOnly} onChange={() => onChange([])} />
          {t('editor.general.unitsSome')}
        </label>
      </div>
      {some && (
        <div className="stack">
          <p className="hint" role="status">
            {picked.size
              ? t('editor.general.unitsChosen', { count: String(picked.size) })
              : t('editor.general.unitsNone')}
          </p>
          <label className="field">
            <span className="label">{t('editor.general.unitsSearch')}</span>
            <input className="input" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
          </label>
          <ul className="editor-units">
            {[...foreign.map((code) => ({ code, name: code })), ...shown].map((unit) => (
              <li key={unit.code}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={picked.has(unit.code)}
                    disabled={readOnly}
                    onChange={(e) =>
                      onChange(
                        e.target.checked
                          ? [...(chosen ?? []), unit.code]
                          : (chosen ?? []).filter((code) => code !== unit.code),
                      )
                    }
                  />
                  {unit.name} <span className="muted">({unit.code})</span>
                </label>
              </li>
            ))}
          </ul>
        </div>
      )}
      <Problems problems={problems} path="/units" />
    </fieldset>
  )
}

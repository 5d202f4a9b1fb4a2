import { matchesQuery } from '@motcua/core'
import { useId, useMemo, useState } from 'react'
import { useI18n } from '../i18n/i18n'

/** A procedure the unit offers, as the picker lists it. */
export interface PickableProcedure {
  code: string
  name: string
}

/**
 * One of the unit's procedures, found by typing part of its name (with or without diacritics) or its code, then
 * added with a button.
 */
export function ProcedurePicker({
  procedures,
  onPick,
  onCancel,
}: {
  procedures: PickableProcedure[]
  onPick: (procedure: PickableProcedure) => void
  onCancel: () => void
}) {
  const { t } = useI18n()
  const id = useId()
  const [query, setQuery] = useState('')
  const [chosen, setChosen] = useState('')
  const shown = useMemo(() => procedures.filter((p) => matchesQuery(`${p.name} ${p.code}`, query)), [procedures, query])
  const picked = procedures.find((p) => p.code === chosen)
  return (
    <div className="stack procedure-picker">
      {procedures.length > 8 && (
        <input
          type="search"
          className="input"
          aria-label={t('units.plugins.pickSearch')}
          placeholder={t('units.plugins.pickPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      )}
      <label className="label" htmlFor={id}>
        {t('units.plugins.pick')}
      </label>
      <select id={id} className="select" value={chosen} onChange={(e) => setChosen(e.target.value)}>
        <option value="">{t('units.plugins.pickNone', { count: shown.length })}</option>
        {shown.map((p) => (
          <option key={p.code} value={p.code}>
            {`${p.name} (${p.code})`}
          </option>
        ))}
      </select>
      <div className="row">
        <button type="button" className="button" disabled={!picked} onClick={() => picked && onPick(picked)}>
          {t('units.plugins.pickAdd')}
        </button>
        <button type="button" className="link-button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  )
}

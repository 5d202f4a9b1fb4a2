import { useId, useMemo, useState } from 'react'
import { useI18n } from '../i18n/i18n'
import { type AdminUnit, filterTree, type UnitNode, unitLabel, unitTree } from './admin-units'

const flatten = (nodes: UnitNode[], depth = 0): { unit: UnitNode; depth: number }[] =>
  nodes.flatMap((unit) => [{ unit, depth }, ...flatten(unit.children, depth + 1)])

/**
 * One of the administrator's units, found by typing part of its name (with or without diacritics) or its code:
 * only the units the administrator may choose are offered.
 */
export function UnitSelect({
  units,
  value,
  onChange,
  label,
  emptyLabel,
  invalid,
  describedBy,
}: {
  units: AdminUnit[]
  value: string
  onChange: (code: string) => void
  label: string
  /** The first choice, for "no unit" (a filter's "all units"); without it a unit must be chosen. */
  emptyLabel: string
  invalid?: boolean
  describedBy?: string
}) {
  const { t } = useI18n()
  const id = useId()
  const [query, setQuery] = useState('')
  const tree = useMemo(() => unitTree(units), [units])
  const shown = useMemo(() => flatten(filterTree(tree, query)), [tree, query])
  const chosen = units.find((u) => u.code === value)
  return (
    <div className="unit-select">
      <label className="label" htmlFor={`${id}-unit`}>
        {label}
      </label>
      <input
        type="search"
        className="input"
        aria-label={t('units.select.search', { label })}
        placeholder={t('units.select.placeholder')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <select
        id={`${id}-unit`}
        className="select"
        value={value}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{emptyLabel}</option>
        {chosen && !shown.some((s) => s.unit.code === chosen.code) && (
          <option value={chosen.code}>{unitLabel(chosen)}</option>
        )}
        {shown.map(({ unit, depth }) => (
          <option key={unit.code} value={unit.code}>
            {`${'\u00a0\u00a0'.repeat(depth)}${unitLabel(unit)}`}
          </option>
        ))}
      </select>
      {query && <span className="hint">{t('units.select.found', { count: shown.length })}</span>}
    </div>
  )
}

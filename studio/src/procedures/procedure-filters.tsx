import { navigate } from '@motcua/web-kit'
import { useI18n } from '../i18n/i18n'
import type { AdminProcedure, AdminUnit } from './api'
import { listAddress, PROVINCE_WIDE, type ProcedureFilter, STATE_FILTERS } from './filters'
import { LEVELS } from './levels'

/** The list's search and filters; every change goes into the address bar (so a filtered list can be shared). */
export function ProcedureFilters({
  filter,
  items,
  units,
}: {
  filter: ProcedureFilter
  items: AdminProcedure[]
  units: AdminUnit[]
}) {
  const { t } = useI18n()
  const set = (change: Partial<ProcedureFilter>) => navigate(listAddress({ ...filter, ...change }), { replace: true })
  const levels = [...new Set([...units.map((u) => u.level), ...items.map((p) => p.level ?? '')])].filter(Boolean)
  const fields = [...new Set(items.map((p) => p.field ?? ''))].filter(Boolean).sort((a, b) => a.localeCompare(b, 'vi'))
  const levelName = (level: string) => (level in LEVELS ? t(LEVELS[level]!) : level)
  const provinceWide = items.some((p) => p.ownerUnitCode === null)
  return (
    <search className="filters">
      <label className="field filters__search">
        <span className="label">{t('procedures.filter.search')}</span>
        <input
          className="input"
          type="search"
          value={filter.q}
          placeholder={t('procedures.filter.searchHint')}
          onChange={(e) => set({ q: e.target.value })}
        />
      </label>
      <label className="field">
        <span className="label">{t('procedures.filter.level')}</span>
        <select className="select" value={filter.level} onChange={(e) => set({ level: e.target.value })}>
          <option value="">{t('common.all')}</option>
          {levels.map((level) => (
            <option key={level} value={level}>
              {levelName(level)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="label">{t('procedures.filter.unit')}</span>
        <select className="select" value={filter.unit} onChange={(e) => set({ unit: e.target.value })}>
          <option value="">{t('common.all')}</option>
          {provinceWide && <option value={PROVINCE_WIDE}>{t('procedures.provinceWide')}</option>}
          {units.map((u) => (
            <option key={u.code} value={u.code}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="label">{t('procedures.filter.field')}</span>
        <select className="select" value={filter.field} onChange={(e) => set({ field: e.target.value })}>
          <option value="">{t('common.all')}</option>
          {fields.map((field) => (
            <option key={field} value={field}>
              {field}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="label">{t('procedures.filter.state')}</span>
        <select className="select" value={filter.state} onChange={(e) => set({ state: e.target.value })}>
          <option value="">{t('common.all')}</option>
          {STATE_FILTERS.map((state) => (
            <option key={state} value={state}>
              {t(`procedures.filter.state.${state}`)}
            </option>
          ))}
        </select>
      </label>
    </search>
  )
}

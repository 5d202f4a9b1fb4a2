import type { Figures, ProcedureFigures, ProvinceStatistics, StatUnit } from '@motcua/core'
import { useLocation } from '@motcua/web-kit'
import { useI18n } from '../i18n/i18n'
import type { MessageKey } from '../i18n/messages'
import { FiguresTable } from './figures-table'
import { useStatsI18n } from './i18n'
import { useLevelName } from './levels'

/** Units with their key rates, each leading to its own page; searched and sorted. */
export function UnitsList({
  units,
  levels,
  period,
  title,
  caption,
}: {
  units: { unit: StatUnit; figures: Figures }[]
  levels: ProvinceStatistics['levels']
  period: string
  title?: string
  caption?: string
}) {
  const { t } = useStatsI18n()
  const levelName = useLevelName()
  const { query: search } = useLocation()
  // a unit that has ended is named by its first day too: its code may be another unit's since
  const hrefOf = (unit: StatUnit) => {
    const params = new URLSearchParams(search)
    if (unit.to) params.set('ngay', unit.from)
    else params.delete('ngay')
    return `/thong-ke/don-vi/${encodeURIComponent(unit.code)}${params.size ? `?${params}` : ''}`
  }
  return (
    <section aria-labelledby="units-title">
      <h2 id="units-title">{title ?? t('units.title')}</h2>
      <FiguresTable
        caption={caption ?? t('units.caption', { period })}
        nameHeader={t('units.name')}
        rows={units.map(({ unit, figures }) => ({
          // codes are reused (06652 named one ward until 2025 and another since): both may be listed
          key: `${unit.code}|${unit.parentCode}|${unit.name}`,
          name: unit.name,
          href: hrefOf(unit),
          level: unit.level,
          figures,
        }))}
        filter={{ levels: levels.map((l) => ({ level: l.level, name: levelName(l.level, l.name) })) }}
      />
    </section>
  )
}

/** The figures by field and by procedure. */
export function Breakdowns({
  fields,
  procedures,
  period,
}: {
  fields: { field: string; figures: Figures }[]
  procedures: ProcedureFigures[]
  period: string
}) {
  const { t } = useStatsI18n()
  const { t: portal } = useI18n()
  const mode = (m: ProcedureFigures['onlineMode']) =>
    portal(`online.${m === 'full' || m === 'partial' ? m : 'none'}` as MessageKey)
  return (
    <>
      {fields.length > 0 && (
        <section aria-labelledby="fields-title">
          <h2 id="fields-title">{t('fields.title')}</h2>
          <FiguresTable
            caption={t('fields.caption', { period })}
            nameHeader={t('fields.name')}
            rows={fields.map((f) => ({ key: f.field, name: f.field, figures: f.figures }))}
          />
        </section>
      )}
      {procedures.length > 0 && (
        <section aria-labelledby="procedures-title">
          <h2 id="procedures-title">{t('procedures.title')}</h2>
          <FiguresTable
            caption={t('procedures.caption', { period })}
            nameHeader={t('procedures.name')}
            extraHeader={t('procedures.mode')}
            rows={procedures.map((p) => ({
              key: p.code,
              name: p.name,
              href: `/thu-tuc/${encodeURIComponent(p.code)}`,
              extra: <span className={`tag tag--${p.onlineMode}`}>{mode(p.onlineMode)}</span>,
              figures: p.figures,
            }))}
          />
        </section>
      )}
    </>
  )
}

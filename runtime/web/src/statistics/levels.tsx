import type { ProvinceStatistics } from '@motcua/core'
import { Chart } from './chart'
import { showCount, showShare } from './format'
import { useStatsI18n } from './i18n'
import { ONLINE_2019_H1 } from './seed-2019'
import { TableScroll } from './table-scroll'

const LEVELS = ['province', 'department', 'district', 'commune'] as const

/** A level's name in the reader's language, or the API's name for a level the portal does not know. */
export function useLevelName() {
  const { t } = useStatsI18n()
  return (level: string, fallback: string) =>
    (LEVELS as readonly string[]).includes(level) ? t(`level.${level as (typeof LEVELS)[number]}`) : fallback
}

/** The province by level (departments, districts, communes) and the online share against the first half of 2019. */
export function Levels({ levels, period }: { levels: ProvinceStatistics['levels']; period: string }) {
  const { t, locale } = useStatsI18n()
  const levelName = useLevelName()
  const n = (v: number) => showCount(v, locale)
  const caption = t('levels.caption', { period })
  const percent = (v: number | null) => (v === null ? '—' : showShare(v / 100, locale))
  const toPercent = (share: number | null | undefined) => (share == null ? null : Math.round(share * 1000) / 10)
  return (
    <section aria-labelledby="levels-title">
      <h2 id="levels-title">{t('levels.title')}</h2>
      <TableScroll caption={caption}>
        <table className="stat-table stat-table--rows">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('levels.level')}</th>
              <th scope="col" className="num">
                {t('levels.units')}
              </th>
              <th scope="col" className="num">
                {t('table.received')}
              </th>
              <th scope="col" className="num">
                {t('table.online')}
              </th>
              <th scope="col" className="num">
                {t('table.onTime')}
              </th>
              <th scope="col" className="num">
                {t('table.overdue')}
              </th>
              <th scope="col" className="num">
                {t('levels.catalogue')}
              </th>
            </tr>
          </thead>
          <tbody>
            {levels.map((l) => (
              <tr key={l.level}>
                <th scope="row">{levelName(l.level, l.name)}</th>
                <td className="num">{n(l.units)}</td>
                <td className="num">{n(l.figures.received.total)}</td>
                <td className="num">{showShare(l.figures.onlineShare, locale)}</td>
                <td className="num">{showShare(l.figures.onTimeShare, locale)}</td>
                <td className="num">{n(l.figures.inProgress.overdue)}</td>
                <td className="num">{showShare(l.catalogue.onlineShare, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <Chart
        title={t('levels.compare')}
        kind="bars"
        percent
        rows={levels.map((l) => ({ label: levelName(l.level, l.name), axis: levelName(l.level, l.name) }))}
        rowHeader={t('levels.level')}
        series={[
          {
            name: t('levels.thisPeriod'),
            className: 'series-online',
            values: levels.map((l) => toPercent(l.figures.onlineShare)),
            show: percent,
          },
          {
            name: t('levels.seedPeriod'),
            className: 'series-seed',
            values: levels.map((l) => toPercent(ONLINE_2019_H1.byLevel[l.level])),
            show: percent,
          },
        ]}
        alt={t('chart.altCompare', { title: t('levels.compare') })}
        formatY={(v) => showShare(v / 100, locale)}
      />
      <p className="hint">
        {t('levels.seedNote', { online: n(ONLINE_2019_H1.online), share: showShare(ONLINE_2019_H1.share, locale) })}
      </p>
    </section>
  )
}

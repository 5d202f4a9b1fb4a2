import { type Figures, matchesQuery } from '@motcua/core'
import { Link } from '@motcua/web-kit'
import { type ReactNode, useId, useMemo, useState } from 'react'
import { showCount, showDecimal, showShare } from './format'
import { useStatsI18n } from './i18n'
import type { StatsKey } from './messages'
import { TableScroll } from './table-scroll'

export interface FiguresRow {
  key: string
  name: string
  /** Where the name leads (a unit's page). */
  href?: string
  /** Filters by level when the table offers it. */
  level?: string
  /** A cell after the name (a procedure's online mode). */
  extra?: ReactNode
  figures: Figures
}

type Column = 'name' | 'received' | 'online' | 'resolved' | 'onTime' | 'inProgress' | 'overdue' | 'days'
const COLUMNS: { column: Exclude<Column, 'name'>; label: StatsKey; value: (f: Figures) => number | null }[] = [
  { column: 'received', label: 'table.received', value: (f) => f.received.total },
  { column: 'online', label: 'table.online', value: (f) => f.onlineShare },
  { column: 'resolved', label: 'table.resolved', value: (f) => f.resolved.total },
  { column: 'onTime', label: 'table.onTime', value: (f) => f.onTimeShare },
  { column: 'inProgress', label: 'table.inProgress', value: (f) => f.inProgress.total },
  { column: 'overdue', label: 'table.overdue', value: (f) => f.inProgress.overdue },
  { column: 'days', label: 'table.days', value: (f) => f.time.averageDays },
]

const FIRST_ROWS = 10

interface FiguresTableProps {
  caption: string
  /** The header over the names ("Đơn vị", "Lĩnh vực", "Thủ tục"). */
  nameHeader: string
  extraHeader?: string
  rows: FiguresRow[]
  /** Offer a search box (and a level choice among these levels). */
  filter?: { levels: { level: string; name: string }[] }
}

/** Rows of figures (units, fields, procedures), sortable by any column, optionally searched without diacritics. */
export function FiguresTable({ caption, nameHeader, extraHeader, rows, filter }: FiguresTableProps) {
  const { t, locale } = useStatsI18n()
  const id = useId()
  // the busiest first; a long list shows its first rows until asked for the rest
  const [sort, setSort] = useState<{ column: Column; descending: boolean }>({ column: 'received', descending: true })
  const [all, setAll] = useState(false)
  const [q, setQ] = useState('')
  const [level, setLevel] = useState('')
  const shown = useMemo(() => {
    const found = rows.filter((r) => (!q.trim() || matchesQuery(r.name, q)) && (!level || r.level === level))
    const value = COLUMNS.find((c) => c.column === sort.column)?.value
    const sign = sort.descending ? -1 : 1
    return found.sort((a, b) => {
      if (!value) return sign * a.name.localeCompare(b.name, 'vi')
      const x = value(a.figures)
      const y = value(b.figures)
      // unknown shares go last whichever way
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1
      return sign * (x - y) || a.name.localeCompare(b.name, 'vi')
    })
  }, [rows, q, level, sort])
  const header = (column: Column, label: string, className?: string) => {
    const active = sort.column === column
    return (
      <th
        scope="col"
        className={className}
        aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}
      >
        <button
          type="button"
          className="sort-button"
          title={t('table.sort', { column: label })}
          onClick={() => setSort({ column, descending: active ? !sort.descending : column !== 'name' })}
        >
          {label}
          <span aria-hidden="true" className="sort-button__mark">
            {active ? (sort.descending ? '▼' : '▲') : '↕'}
          </span>
        </button>
      </th>
    )
  }
  const cells = (f: Figures) => [
    showCount(f.received.total, locale),
    showShare(f.onlineShare, locale),
    showCount(f.resolved.total, locale),
    showShare(f.onTimeShare, locale),
    showCount(f.inProgress.total, locale),
    showCount(f.inProgress.overdue, locale),
    showDecimal(f.time.averageDays, locale),
  ]
  return (
    <>
      {filter && (
        <div className="table-filter">
          <div className="table-filter__q">
            <label className="label" htmlFor={`${id}-q`}>
              {t('units.filter')}
            </label>
            <input
              id={`${id}-q`}
              className="input"
              type="search"
              value={q}
              aria-describedby={`${id}-hint`}
              onChange={(e) => setQ(e.target.value)}
            />
            <p className="hint" id={`${id}-hint`}>
              {t('units.filterHint')}
            </p>
          </div>
          {filter.levels.length > 1 && (
            <div className="table-filter__level">
              <label className="label" htmlFor={`${id}-level`}>
                {t('units.level')}
              </label>
              <select id={`${id}-level`} className="input" value={level} onChange={(e) => setLevel(e.target.value)}>
                <option value="">{t('units.allLevels')}</option>
                {filter.levels.map((l) => (
                  <option key={l.level} value={l.level}>
                    {l.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <p className="table-filter__count" role="status">
            {t('units.count', { n: showCount(shown.length, locale) })}
          </p>
        </div>
      )}
      {shown.length === 0 && q.trim() ? (
        <p className="notice">{t('units.none', { q: q.trim() })}</p>
      ) : (
        <TableScroll caption={caption}>
          <table className="stat-table stat-table--rows">
            <caption>{caption}</caption>
            <thead>
              <tr>
                {header('name', nameHeader)}
                {extraHeader && <th scope="col">{extraHeader}</th>}
                {COLUMNS.map((c) => header(c.column, t(c.label), 'num'))}
              </tr>
            </thead>
            <tbody>
              {(all || q.trim() || level ? shown : shown.slice(0, FIRST_ROWS)).map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.href ? <Link to={r.href}>{r.name}</Link> : r.name}</th>
                  {extraHeader && <td>{r.extra}</td>}
                  {cells(r.figures).map((text, i) => (
                    <td key={COLUMNS[i]!.column} className="num">
                      {text}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {!all && !q.trim() && !level && shown.length > FIRST_ROWS && (
        <button type="button" className="button button--secondary" onClick={() => setAll(true)}>
          {t('table.all', { n: showCount(shown.length, locale) })}
        </button>
      )}
    </>
  )
}

import { type ReactNode, useState } from 'react'
import { useI18n } from '../i18n/i18n'

export interface StatColumn<T> {
  key: string
  label: string
  /** What the column sorts by; a number column reads right-aligned, empty values last. */
  value: (row: T) => number | string | null
  /** How a cell reads, when not its value as it is. */
  cell?: (row: T) => ReactNode
}

/**
 * A table of figures that scrolls sideways in its own box on a phone (the page never does), sorted by a column when
 * its heading is clicked (numbers largest first, then smallest; names A to Z, then Z to A), in the server's order
 * until then.
 */
export function StatTable<T>({
  labelledBy,
  columns,
  rows,
  rowKey,
}: {
  /** The id of the heading that names the table. */
  labelledBy: string
  columns: StatColumn<T>[]
  rows: T[]
  rowKey: (row: T) => string
}) {
  const { locale } = useI18n()
  const [sort, setSort] = useState<{ key: string; desc: boolean } | null>(null)
  const column = columns.find((c) => c.key === sort?.key)
  const sorted = column
    ? [...rows].sort((a, b) => {
        const x = column.value(a)
        const y = column.value(b)
        if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1
        const order =
          typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), locale)
        return sort!.desc ? -order : order
      })
    : rows
  const numeric = (c: StatColumn<T>) => rows.some((r) => typeof c.value(r) === 'number')
  return (
    // the sort buttons in its heading let a keyboard reach (and scroll to) every column
    <div className="stat-scroll">
      <table className="stat-table" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            {columns.map((c) => {
              const active = sort?.key === c.key
              return (
                <th
                  key={c.key}
                  scope="col"
                  className={numeric(c) ? 'stat-num' : undefined}
                  aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'}
                >
                  <button
                    type="button"
                    className="leader-sort"
                    onClick={() => setSort({ key: c.key, desc: active ? !sort.desc : numeric(c) })}
                  >
                    {c.label}
                    <span aria-hidden="true">{active ? (sort.desc ? ' ▼' : ' ▲') : ' ↕'}</span>
                  </button>
                </th>
              )
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => (
                <td key={c.key} className={numeric(c) ? 'stat-num' : undefined}>
                  {c.cell ? c.cell(row) : (c.value(row) ?? '—')}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

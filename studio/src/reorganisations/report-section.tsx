import { type ReactNode, useId, useState } from 'react'
import { useI18n } from '../i18n/i18n'
import { filterRows } from './reorganisations'

/** Past this many rows a section gets a filter box (a province plan moves 171 communes). */
const FILTER_FROM = 8
// a section's title ends with its count, "Tài khoản (92)": the filter's label names the section without it
const COUNT = / \([^()]*\)$/

/**
 * A collapsible part of a report, titled with its count; a long list gets a filter box (diacritics ignored).
 * @example <ReportSection id="dossiers" title="Hồ sơ (3)" rows={moves} text={(m) => m.from.name}>{(rows) => …}</ReportSection>
 */
export function ReportSection<T>({
  id,
  title,
  rows,
  text,
  lead,
  open = false,
  children,
}: {
  id: string
  title: string
  rows: T[]
  text: (row: T) => string
  lead?: ReactNode
  open?: boolean
  children: (rows: T[]) => ReactNode
}) {
  const { t } = useI18n()
  const [query, setQuery] = useState('')
  const filterId = useId()
  const shown = filterRows(rows, query, text)
  return (
    <details className="reorg-section" data-testid={`section-${id}`} open={open || undefined}>
      <summary className="reorg-section__title">{title}</summary>
      <div className="reorg-section__body stack">
        {lead && <div className="muted">{lead}</div>}
        {rows.length === 0 ? (
          <p className="muted">{t('reorg.empty')}</p>
        ) : (
          <>
            {rows.length >= FILTER_FROM && (
              <div className="field reorg-filter">
                <label className="label" htmlFor={filterId}>
                  {t('reorg.filter', { section: title.replace(COUNT, '') })}
                </label>
                <input
                  id={filterId}
                  type="search"
                  className="input"
                  placeholder={t('reorg.filter.placeholder')}
                  value={query}
                  onChange={(e) => setQuery(e.target.value)}
                />
                {query.trim() && (
                  <span className="muted" aria-live="polite">
                    {t('reorg.filter.count', { shown: shown.length, total: rows.length })}
                  </span>
                )}
              </div>
            )}
            {shown.length === 0 ? <p className="muted">{t('reorg.filter.none')}</p> : children(shown)}
          </>
        )}
      </div>
    </details>
  )
}

/** A report's table: its column headings, then the rows given. */
export function ReportTable({ headers, children }: { headers: string[]; children: ReactNode }) {
  return (
    <table className="table reorg-table">
      <thead>
        <tr>
          {headers.map((header) => (
            <th key={header} scope="col">
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  )
}

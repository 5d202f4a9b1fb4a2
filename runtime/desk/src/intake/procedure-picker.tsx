import { matchesQuery } from '@motcua/core'
import { api, ErrorBox, Loading, navigate, useAsync } from '@motcua/web-kit'
import { useMemo, useState } from 'react'
import { useI18n } from '../i18n/i18n'
import { recentProcedures } from './recent'

interface ProcedureSummary {
  code: string
  name: string
  nameEn: string | null
  field: string
}

/** The procedures the officer's unit receives, searched as they type (with or without diacritics), recent ones first. */
export function ProcedurePicker({ unitCode }: { unitCode: string }) {
  const { t, locale } = useI18n()
  const { value, error, reload } = useAsync(
    () => api<ProcedureSummary[]>(`/api/procedures?unit=${encodeURIComponent(unitCode)}`),
    [unitCode],
  )
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const recent = useMemo(() => recentProcedures.list(), [])
  const shown = useMemo(() => {
    const found = (value ?? []).filter((p) => matchesQuery(`${p.name} ${p.code} ${p.field} ${p.nameEn ?? ''}`, query))
    const rank = (code: string) => (recent.includes(code) ? recent.indexOf(code) : recent.length)
    return found.sort((a, b) => rank(a.code) - rank(b.code))
  }, [value, query, recent])
  if (error !== undefined) return <ErrorBox error={error} onRetry={reload} />
  if (!value) return <Loading />
  const open = (code: string) => navigate(`/desk/tiep-nhan/${encodeURIComponent(code)}`)
  const current = Math.min(active, Math.max(0, shown.length - 1))
  return (
    <section className="intake-picker">
      <p className="hint">{t('intake.pickLead')}</p>
      <label className="label" htmlFor="intake-search">
        {t('intake.search')}
      </label>
      <input
        id="intake-search"
        className="input intake-picker__search"
        type="search"
        role="combobox"
        aria-expanded="true"
        aria-controls="intake-procedures"
        aria-activedescendant={shown[current] ? `intake-procedure-${current}` : undefined}
        aria-describedby="intake-search-hint"
        autoComplete="off"
        autoFocus
        value={query}
        onChange={(e) => {
          setQuery(e.target.value)
          setActive(0)
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive(Math.min(current + 1, shown.length - 1))
          else if (e.key === 'ArrowUp') setActive(Math.max(current - 1, 0))
          else if (e.key === 'Enter' && shown[current]) open(shown[current].code)
          else return
          e.preventDefault()
        }}
      />
      <p className="hint" id="intake-search-hint">
        {t('intake.searchHint')}
      </p>
      {shown.length === 0 ? (
        <p className="notice">{t('intake.noMatch', { q: query })}</p>
      ) : (
        <div className="intake-picker__list" id="intake-procedures" role="listbox" aria-label={t('intake.search')}>
          {shown.map((p, i) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the search box drives the list from the keyboard
            <div
              tabIndex={-1}
              key={p.code}
              id={`intake-procedure-${i}`}
              role="option"
              aria-selected={i === current}
              className={i === current ? 'is-active' : undefined}
              onMouseEnter={() => setActive(i)}
              onClick={() => open(p.code)}
            >
              <span className="intake-picker__name">{locale === 'en' && p.nameEn ? p.nameEn : p.name}</span>
              <span className="hint">
                {p.code} · {p.field}
                {recent.includes(p.code) && ` · ${t('intake.recent')}`}
              </span>
            </div>
          ))}
        </div>
      )}
    </section>
  )
}

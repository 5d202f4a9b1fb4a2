import { matchesQuery } from '@motcua/core'
import { api, navigate, useAsync, useLocation } from '@motcua/web-kit'
import { type FormEvent, useEffect, useMemo, useState } from 'react'
import { VietnameseOnlyNote } from '../components/content-language'
import { ErrorBox, Loading } from '../components/loading'
import { usePageTitle } from '../components/page-title'
import { levelKey, ProcedureCard } from '../components/procedure-card'
import { TrackForm } from '../components/track-form'
import { useI18n } from '../i18n/i18n'
import { loadProcedures, loadProceduresOfUnit } from '../lib/procedures'
import type { ProcedureSummary } from '../lib/types'
import { FEATURED_PROCEDURES } from './featured'

const LEVELS = ['province', 'district', 'commune'] as const
interface Unit {
  code: string
  name: string
  level: string
}

export function HomePage() {
  const { t, locale } = useI18n()
  usePageTitle(undefined)
  const { query } = useLocation()
  const [q, setQ] = useState(query.get('q') ?? '')
  const [level, setLevel] = useState(query.get('cap') ?? '')
  const [field, setField] = useState(query.get('linh-vuc') ?? '')
  const [unit, setUnit] = useState(query.get('don-vi') ?? '')
  const [units, setUnits] = useState<Unit[]>()
  const [ofUnit, setOfUnit] = useState<string[]>()
  const all = useAsync(loadProcedures, [])

  // Keep the filters in the address, so Back and a shared link show the same list.
  useEffect(() => {
    const params = new URLSearchParams()
    if (q) params.set('q', q)
    if (level) params.set('cap', level)
    if (field) params.set('linh-vuc', field)
    if (unit) params.set('don-vi', unit)
    const next = params.size ? `/?${params}` : '/'
    if (next !== `${window.location.pathname}${window.location.search}`) navigate(next, { replace: true })
  }, [q, level, field, unit])
  useEffect(() => {
    setOfUnit(undefined)
    if (unit)
      loadProceduresOfUnit(unit).then(
        (list) => setOfUnit(list.map((p) => p.code)),
        () => setOfUnit([]),
      )
  }, [unit])
  const loadUnits = () => {
    if (units) return
    // the departments and the districts; in a two-tier province (no districts since 1/7/2025), the communes
    Promise.all([api<Unit[]>('/api/units?level=department'), api<Unit[]>('/api/units?level=district')]).then(
      async ([d, h]) => setUnits([...d, ...(h.length ? h : await api<Unit[]>('/api/units?level=commune'))]),
      () => setUnits([]),
    )
  }
  useEffect(() => {
    if (unit) loadUnits()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const procedures = all.value ?? []
  const fields = useMemo(
    () => [...new Set(procedures.map((p) => p.field))].sort((a, b) => a.localeCompare(b, 'vi')),
    [procedures],
  )
  const filtering = !!(q.trim() || level || field || unit)
  const results = procedures.filter(
    (p) =>
      (!q.trim() || matchesQuery(`${p.name} ${p.code} ${p.field} ${p.nameEn ?? ''}`, q)) &&
      (!level || p.level === level) &&
      (!field || p.field === field) &&
      (!unit || !ofUnit || ofUnit.includes(p.code)),
  )
  const featured = FEATURED_PROCEDURES.map((code) => procedures.find((p) => p.code === code)).filter(
    (p): p is ProcedureSummary => !!p,
  )
  const onSearch = (event: FormEvent) => {
    event.preventDefault()
    document.getElementById('results')?.scrollIntoView({ block: 'start' })
  }
  return (
    <>
      <section className="hero">
        <h1>{t('home.title')}</h1>
        <p className="lead">{t('home.lead')}</p>
        {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is too new for many citizens' phones */}
        <form role="search" className="search" onSubmit={onSearch}>
          <label htmlFor="search" className="label">
            {t('home.search')}
          </label>
          <div className="search__row">
            <input
              id="search"
              type="search"
              className="input"
              value={q}
              placeholder={t('home.searchPlaceholder')}
              autoComplete="off"
              enterKeyHint="search"
              onChange={(e) => setQ(e.target.value)}
            />
            <button type="submit" className="button">
              {t('home.searchButton')}
            </button>
          </div>
        </form>
        {/* biome-ignore lint/a11y/useSemanticElements: a row of filter chips, named by aria-label; a fieldset would add a frame */}
        <div className="chips" role="group" aria-label={t('procedure.level')}>
          {/* a level no procedure is offered at (no districts in a two-tier province) gets no chip */}
          {['', ...LEVELS.filter((l) => !all.value || procedures.some((p) => p.level === l) || l === level)].map(
            (value) => (
              <button
                key={value || 'all'}
                type="button"
                className="chip"
                aria-pressed={level === value}
                onClick={() => setLevel(value)}
              >
                {value ? t(levelKey(value)!) : t('level.all')}
              </button>
            ),
          )}
        </div>
        <details
          className="filters"
          open={!!(field || unit) || undefined}
          onToggle={(e) => (e.currentTarget.open ? loadUnits() : undefined)}
        >
          <summary>{t('home.filters')}</summary>
          <label htmlFor="field" className="label">
            {t('home.field')}
          </label>
          <select id="field" className="input" value={field} onChange={(e) => setField(e.target.value)}>
            <option value="">{t('home.allFields')}</option>
            {fields.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
          <label htmlFor="unit" className="label">
            {t('home.unit')}
          </label>
          <select id="unit" className="input" value={unit} onChange={(e) => setUnit(e.target.value)}>
            <option value="">{units ? t('home.allUnits') : t('app.loading')}</option>
            {units?.map((u) => (
              <option key={u.code} value={u.code}>
                {u.name}
              </option>
            ))}
          </select>
        </details>
      </section>

      {all.pending && <Loading />}
      {all.error !== undefined && <ErrorBox error={all.error} onRetry={all.reload} />}
      {all.value && (
        <section id="results" aria-live="polite">
          {(filtering ? results : procedures).some((p) => !p.nameEn) && <VietnameseOnlyNote />}
          {filtering ? (
            <>
              <div className="results-head">
                <h2>{t('home.results', { n: results.length })}</h2>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    setQ('')
                    setLevel('')
                    setField('')
                    setUnit('')
                  }}
                >
                  {t('home.clear')}
                </button>
              </div>
              {results.length ? (
                <ul className="cards">
                  {results.map((p) => (
                    <ProcedureCard key={p.code} procedure={p} />
                  ))}
                </ul>
              ) : (
                <p className="notice">{t('home.noResults')}</p>
              )}
            </>
          ) : (
            <>
              <p className="stats">
                {t('home.stats', {
                  total: procedures.length,
                  full: procedures.filter((p) => p.onlineMode.mode === 'full').length,
                })}
              </p>
              {featured.length > 0 && (
                <>
                  <h2>{t('home.featured')}</h2>
                  <ul className="cards">
                    {featured.map((p) => (
                      <ProcedureCard key={p.code} procedure={p} />
                    ))}
                  </ul>
                </>
              )}
              <h2>{t('home.all')}</h2>
              <ul className="cards">
                {[...procedures]
                  .sort((a, b) =>
                    locale === 'en' && a.nameEn && b.nameEn
                      ? a.nameEn.localeCompare(b.nameEn)
                      : a.name.localeCompare(b.name, 'vi'),
                  )
                  .map((p) => (
                    <ProcedureCard key={p.code} procedure={p} />
                  ))}
              </ul>
            </>
          )}
        </section>
      )}
      <section className="panel">
        <h2>{t('home.trackTitle')}</h2>
        <p>{t('home.trackLead')}</p>
        <TrackForm idPrefix="home-track" />
      </section>
    </>
  )
}

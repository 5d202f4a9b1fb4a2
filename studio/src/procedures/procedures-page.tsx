import { Link, navigate, useAsync, useLocation } from '@motcua/web-kit'
import { useState } from 'react'
import { ErrorBox, Loading, usePageTitle } from '../components/status'
import { useI18n } from '../i18n/i18n'
import { type AdminProcedure, type AdminUnit, listProcedures, listUnits } from './api'
import { CreateProcedureDialog } from './create-dialog'
import { filterOf, filterProcedures, listAddress } from './filters'
import { ProcedureFilters } from './procedure-filters'
import { ProcedureRow } from './procedure-row'
import './procedures.css'

/** `/studio`: the procedures the administrator may edit, filtered from the address bar, and making new ones. */
export function ProceduresPage() {
  const { t } = useI18n()
  usePageTitle(t('procedures.title'))
  const { query } = useLocation()
  const filter = filterOf(query)
  const [creating, setCreating] = useState(false)
  const loaded = useAsync(() => Promise.all([listProcedures(), listUnits()]), [])
  const [items, units] = loaded.value ?? [[] as AdminProcedure[], [] as AdminUnit[]]
  const shown = filterProcedures(items, filter, units)
  const filtered = listAddress(filter) !== '/studio'
  return (
    <div className="procedures">
      <div className="page-head">
        <div>
          <h1>{t('procedures.title')}</h1>
          <p className="muted">{t('procedures.lead')}</p>
        </div>
        <button type="button" className="button" onClick={() => setCreating(true)}>
          {t('procedures.create')}
        </button>
      </div>
      <ProcedureFilters filter={filter} items={items} units={units} />
      {loaded.error !== undefined ? (
        <ErrorBox error={loaded.error} onRetry={loaded.reload} />
      ) : loaded.pending && !loaded.value ? (
        <Loading />
      ) : items.length === 0 ? (
        <div className="notice empty">
          <p>{t('procedures.empty')}</p>
          <button type="button" className="button" onClick={() => setCreating(true)}>
            {t('procedures.create')}
          </button>
        </div>
      ) : shown.length === 0 ? (
        <div className="notice empty">
          <p>{t('procedures.noMatch')}</p>
          <Link to="/studio">{t('procedures.filter.clear')}</Link>
        </div>
      ) : (
        <>
          <p className="muted" role="status">
            {filtered
              ? t('procedures.countOf', { n: shown.length, total: items.length })
              : t('procedures.count', { n: items.length })}
            {filtered && (
              <>
                {' · '}
                <Link to="/studio">{t('procedures.filter.clear')}</Link>
              </>
            )}
          </p>
          <div className="table-scroll">
            <table className="table procedures-table">
              <thead>
                <tr>
                  <th scope="col">{t('procedures.col.name')}</th>
                  <th scope="col">{t('procedures.col.owner')}</th>
                  <th scope="col">{t('procedures.col.state')}</th>
                  <th scope="col">{t('procedures.col.changed')}</th>
                  <th scope="col">{t('procedures.col.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((p) => (
                  <ProcedureRow key={p.code} procedure={p} onChanged={loaded.reload} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <CreateProcedureDialog
        open={creating}
        units={units}
        onClose={() => setCreating(false)}
        onCreated={(draftId) => navigate(`/studio/nhap/${encodeURIComponent(draftId)}`)}
      />
    </div>
  )
}

import { useAsync, useSession } from '@motcua/web-kit'
import { useEffect, useState } from 'react'
import { Modal } from '../components/dialog'
import { ErrorBox, Loading, usePageTitle } from '../components/status'
import { useI18n } from '../i18n/i18n'
import { isProvinceAdmin } from '../lib/admin'
import { type AdminUnit, loadAdminUnits } from '../units/admin-units'
import { UnitSelect } from '../units/unit-select'
import { AccountCreate } from './account-create'
import { AccountEdit } from './account-edit'
import { type Account, type AccountQuery, listAccounts, PAGE_SIZE, UNIT_ROLES } from './accounts'
import { AccountsTable } from './accounts-table'
import { OnePasswordNotice } from './password-field'
import '../units/units.css'
import './people.css'

/** `/studio/nguoi-dung`: the officers' and administrators' accounts of the administrator's units. */
export function PeoplePage() {
  const { t } = useI18n()
  usePageTitle(t('people.title'))
  const { user } = useSession()
  const provinceAdmin = !!user && isProvinceAdmin(user)
  const units = useAsync(loadAdminUnits, [])
  if (units.error) return <ErrorBox error={units.error} onRetry={units.reload} />
  if (!units.value) return <Loading />
  return <People units={units.value} provinceAdmin={provinceAdmin} />
}

function People({ units, provinceAdmin }: { units: AdminUnit[]; provinceAdmin: boolean }) {
  const { t } = useI18n()
  const [typed, setTyped] = useState('')
  const [query, setQuery] = useState<AccountQuery>({ q: '', unit: '', role: '', page: 1 })
  const [creating, setCreating] = useState(false)
  const [editing, setEditing] = useState<Account>()
  const [created, setCreated] = useState<{ account: Account; password: string }>()
  const accounts = useAsync(() => listAccounts(query), [query])
  // the search waits for a pause in typing, so each key does not ask the server
  useEffect(() => {
    const timer = setTimeout(() => setQuery((q) => (q.q === typed ? q : { ...q, q: typed, page: 1 })), 300)
    return () => clearTimeout(timer)
  }, [typed])
  const pages = accounts.value ? Math.max(1, Math.ceil(accounts.value.total / PAGE_SIZE)) : 1

  return (
    <div className="people">
      <div className="page-head">
        <div>
          <h1>{t('people.title')}</h1>
          <p className="muted">{provinceAdmin ? t('people.lead.province') : t('people.lead.unit')}</p>
        </div>
        <button type="button" className="button" onClick={() => setCreating(true)}>
          {t('people.create')}
        </button>
      </div>

      {created && (
        <OnePasswordNotice
          username={created.account.username}
          password={created.password}
          lead={t('people.created', { username: created.account.username })}
          onHide={() => setCreated(undefined)}
        />
      )}

      <section className="people-filters" aria-label={t('people.filters')}>
        <div className="field">
          <label className="label" htmlFor="people-q">
            {t('people.search')}
          </label>
          <input
            id="people-q"
            type="search"
            className="input"
            placeholder={t('people.search.placeholder')}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
        </div>
        <UnitSelect
          units={units}
          value={query.unit}
          onChange={(unit) => setQuery((q) => ({ ...q, unit, page: 1 }))}
          label={t('people.filter.unit')}
          emptyLabel={t('people.filter.allUnits')}
        />
        <div className="field">
          <label className="label" htmlFor="people-role">
            {t('people.filter.role')}
          </label>
          <select
            id="people-role"
            className="select"
            value={query.role}
            onChange={(e) => setQuery((q) => ({ ...q, role: e.target.value, page: 1 }))}
          >
            <option value="">{t('people.filter.allRoles')}</option>
            {[...UNIT_ROLES, ...(provinceAdmin ? (['province_admin'] as const) : [])].map((role) => (
              <option key={role} value={role}>
                {t(`role.${role}`)}
              </option>
            ))}
          </select>
        </div>
      </section>

      {accounts.error ? (
        <ErrorBox error={accounts.error} onRetry={accounts.reload} />
      ) : !accounts.value ? (
        <Loading />
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {t('people.count', { total: accounts.value.total })}
          </p>
          {accounts.value.items.length === 0 ? (
            <p className="notice">{t('people.none')}</p>
          ) : (
            <AccountsTable accounts={accounts.value.items} onEdit={setEditing} />
          )}
          {pages > 1 && (
            <nav className="row pager" aria-label={t('people.pages')}>
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={query.page <= 1}
                onClick={() => setQuery((q) => ({ ...q, page: q.page - 1 }))}
              >
                {t('people.page.previous')}
              </button>
              <span>{t('people.page.of', { page: query.page, pages })}</span>
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={query.page >= pages}
                onClick={() => setQuery((q) => ({ ...q, page: q.page + 1 }))}
              >
                {t('people.page.next')}
              </button>
            </nav>
          )}
        </>
      )}

      {creating && (
        <Modal open closable title={t('people.create.title')} onClose={() => setCreating(false)}>
          <AccountCreate
            units={units}
            provinceAdmin={provinceAdmin}
            onCancel={() => setCreating(false)}
            onCreated={(account, password) => {
              setCreating(false)
              setCreated({ account, password })
              setTyped(account.username)
              setQuery({ q: account.username, unit: '', role: '', page: 1 })
            }}
          />
        </Modal>
      )}
      {editing && (
        <Modal
          open
          closable
          title={t('people.edit.title', { name: editing.fullName })}
          onClose={() => setEditing(undefined)}
        >
          <AccountEdit
            account={editing}
            units={units}
            provinceAdmin={provinceAdmin}
            onChanged={(account) => {
              setEditing(account)
              accounts.reload()
            }}
          />
        </Modal>
      )}
    </div>
  )
}

import { useI18n } from '../i18n/i18n'
import type { Account } from './accounts'

/** The accounts of a page: username (demo accounts marked), name, roles by unit, whether it may sign in. */
export function AccountsTable({ accounts, onEdit }: { accounts: Account[]; onEdit: (account: Account) => void }) {
  const { t } = useI18n()
  return (
    <div className="table-scroll">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('people.username')}</th>
            <th scope="col">{t('people.fullName')}</th>
            <th scope="col">{t('people.roles')}</th>
            <th scope="col">{t('people.status')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('people.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <tr key={account.id} data-testid={`account-${account.username}`}>
              <td>
                <strong>{account.username}</strong>{' '}
                {account.isDemo && <span className="badge badge--demo">{t('people.demo')}</span>}
              </td>
              <td>{account.fullName}</td>
              <td>
                {account.grants.length === 0 ? (
                  <span className="muted">{t('people.noRoles')}</span>
                ) : (
                  <ul className="plain-list">
                    {account.grants.map((g) => (
                      <li key={`${g.role}-${g.unitCode}`}>
                        {t(`role.${g.role}`)} · <span className="muted">{g.unitName}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>
                {account.disabled ? (
                  <span className="badge badge--off">{t('people.status.disabled')}</span>
                ) : (
                  <span className="badge badge--on">{t('people.status.active')}</span>
                )}
              </td>
              <td>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-label={t('people.editAccount', { username: account.username })}
                  onClick={() => onEdit(account)}
                >
                  {t('common.edit')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

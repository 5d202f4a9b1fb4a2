import { Link, navigate } from '@motcua/web-kit'
import { useState } from 'react'
import { ConfirmDialog } from '../components/dialog'
import { ErrorBox } from '../components/status'
import { useI18n } from '../i18n/i18n'
import { type AdminProcedure, deleteDraft, draftFromVersion, draftPath, procedurePath } from './api'
import { dateTime } from './format'
import { LEVELS } from './levels'
import { StateBadges } from './state-badges'

/** One procedure of the list, with what can be done with it next. */
export function ProcedureRow({ procedure: p, onChanged }: { procedure: AdminProcedure; onChanged: () => void }) {
  const { t } = useI18n()
  const [deleting, setDeleting] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()
  const edit = async () => {
    setBusy(true)
    setError(undefined)
    try {
      navigate(draftPath((await draftFromVersion(p.code)).id))
    } catch (caught) {
      setError(caught)
      setBusy(false)
    }
  }
  const neverPublished = p.state === 'draft'
  return (
    <tr>
      <td>
        <Link to={procedurePath(p.code)} className="procedure-name">
          {p.name || t('procedures.unnamed')}
        </Link>
        <div className="muted">{t('procedures.code', { code: p.code })}</div>
      </td>
      <td>
        <div>{p.level ? (LEVELS[p.level] ? t(LEVELS[p.level]!) : p.level) : '—'}</div>
        <div className="muted">{p.ownerUnitName ?? t('procedures.provinceWide')}</div>
        {p.field && <div className="muted">{p.field}</div>}
      </td>
      <td>
        <StateBadges procedure={p} />
        {p.draft && !p.draft.ok && (
          <div className="problem-count">{t('procedures.draftProblems', { n: p.draft.problems })}</div>
        )}
      </td>
      <td>
        {p.draft ? (
          <>
            <div>{dateTime(p.draft.updatedAt)}</div>
            {p.draft.updatedBy && <div className="muted">{p.draft.updatedBy}</div>}
          </>
        ) : (
          <span className="muted">{t('procedures.noDraft')}</span>
        )}
      </td>
      <td>
        <div className="row-actions">
          {p.draft ? (
            <Link className="button button--small" to={draftPath(p.draft.id)}>
              {t('procedures.openDraft')}
            </Link>
          ) : (
            <button
              type="button"
              className="button button--small"
              disabled={busy}
              aria-label={t('procedures.editNamed', { name: p.name })}
              onClick={() => void edit()}
            >
              {t('common.edit')}
            </button>
          )}
          <Link className="button button--small button--secondary" to={procedurePath(p.code)}>
            {t('procedures.details')}
          </Link>
          {p.draft && (
            <button
              type="button"
              className="button button--small button--secondary"
              aria-label={t('procedures.deleteDraftNamed', { name: p.name })}
              onClick={() => setDeleting(true)}
            >
              {t('procedures.deleteDraft')}
            </button>
          )}
        </div>
        {error !== undefined && <ErrorBox error={error} />}
        {p.draft && (
          <ConfirmDialog
            open={deleting}
            danger
            title={t('procedures.deleteDraftTitle')}
            confirmLabel={t('procedures.deleteDraft')}
            onClose={() => setDeleting(false)}
            onConfirm={async () => {
              await deleteDraft(p.draft!.id)
              setDeleting(false)
              onChanged()
            }}
          >
            <p>{t('procedures.deleteDraftBody', { name: p.name, code: p.code })}</p>
            <p>
              {neverPublished ? t('procedures.deleteDraftFrees', { code: p.code }) : t('procedures.deleteDraftKeeps')}
            </p>
          </ConfirmDialog>
        )}
      </td>
    </tr>
  )
}

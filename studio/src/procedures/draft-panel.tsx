import { api, Link, navigate } from '@motcua/web-kit'
import { useState } from 'react'
import { ConfirmDialog } from '../components/dialog'
import { ErrorBox } from '../components/status'
import { useI18n } from '../i18n/i18n'
import { type AdminProcedure, deleteDraft, draftPath } from './api'
import { dateTime, vietnameseDay, vietnamToday } from './format'
import { PublishDialog } from './publish-dialog'
import { useSubmit } from './use-submit'

/** The procedure's open draft: open it, publish it, discard it; approve or turn down a request to publish it. */
export function DraftPanel({ procedure: p, onChanged }: { procedure: AdminProcedure; onChanged: () => void }) {
  const { t } = useI18n()
  const [publishing, setPublishing] = useState(false)
  const [deleting, setDeleting] = useState(false)
  const [rejecting, setRejecting] = useState(false)
  const [note, setNote] = useState('')
  const { busy, error, run } = useSubmit()
  const draft = p.draft
  if (!draft) return null
  const approval = draft.awaitingApproval
  const id = encodeURIComponent(draft.id)
  const approve = () =>
    run(async () => {
      await api(`/api/admin/drafts/${id}/approve`, { method: 'POST' })
      onChanged()
    })
  return (
    <section className="draft-panel" aria-labelledby="draft-title">
      <h2 id="draft-title">{t('procedures.page.draft.title')}</h2>
      <p>
        {t('procedures.page.draft.updated', { at: dateTime(draft.updatedAt), by: draft.updatedBy ?? '—' })}{' '}
        {draft.ok ? (
          <span className="badge badge--ok">{t('procedures.page.draft.ready')}</span>
        ) : (
          <span className="badge badge--problems">{t('procedures.draftProblems', { n: draft.problems })}</span>
        )}
      </p>
      {approval && (
        <div className="notice notice--warn">
          <p>
            <span className="badge badge--awaiting">{t('procedures.state.awaiting')}</span>{' '}
            {t('procedures.page.draft.requested', {
              by: approval.requestedBy ?? '—',
              at: dateTime(approval.requestedAt),
            })}{' '}
            {approval.effectiveFrom
              ? t('procedures.page.draft.requestedFrom', {
                  date: vietnameseDay(vietnamToday(new Date(approval.effectiveFrom))),
                })
              : t('procedures.page.draft.requestedNow')}
          </p>
          <p>{approval.requestedByMe ? t('procedures.page.draft.mine') : t('procedures.page.draft.yours')}</p>
        </div>
      )}
      <div className="row">
        <Link className="button" to={draftPath(draft.id)}>
          {t('procedures.openDraft')}
        </Link>
        {!approval && (
          <button type="button" className="button button--secondary" onClick={() => setPublishing(true)}>
            {t('procedures.page.draft.publish')}
          </button>
        )}
        {approval && !approval.requestedByMe && (
          <button type="button" className="button" disabled={busy} onClick={() => void approve()}>
            {t('procedures.page.draft.approve')}
          </button>
        )}
        {approval && (
          <button type="button" className="button button--secondary" onClick={() => setRejecting(true)}>
            {approval.requestedByMe ? t('procedures.page.draft.withdrawRequest') : t('procedures.page.draft.reject')}
          </button>
        )}
        <button type="button" className="button button--secondary" onClick={() => setDeleting(true)}>
          {t('procedures.deleteDraft')}
        </button>
      </div>
      {error !== undefined && <ErrorBox error={error} />}
      <PublishDialog
        draftId={draft.id}
        open={publishing}
        onClose={() => setPublishing(false)}
        onDone={() => {
          setPublishing(false)
          onChanged()
        }}
      />
      <ConfirmDialog
        open={rejecting}
        title={approval?.requestedByMe ? t('procedures.page.draft.withdrawRequest') : t('procedures.page.draft.reject')}
        confirmLabel={
          approval?.requestedByMe ? t('procedures.page.draft.withdrawRequest') : t('procedures.page.draft.reject')
        }
        onClose={() => setRejecting(false)}
        onConfirm={async () => {
          await api(`/api/admin/drafts/${id}/reject`, {
            method: 'POST',
            body: note.trim() ? { note: note.trim() } : {},
          })
          setRejecting(false)
          onChanged()
        }}
      >
        <p>{t('procedures.page.draft.rejectBody')}</p>
        <label className="field">
          <span className="label">{t('procedures.page.draft.rejectNote')}</span>
          <textarea className="textarea" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
        </label>
      </ConfirmDialog>
      <ConfirmDialog
        open={deleting}
        danger
        title={t('procedures.deleteDraftTitle')}
        confirmLabel={t('procedures.deleteDraft')}
        onClose={() => setDeleting(false)}
        onConfirm={async () => {
          await deleteDraft(draft.id)
          setDeleting(false)
          // a procedure never published is gone with its draft
          if (p.state === 'draft') navigate('/studio')
          else onChanged()
        }}
      >
        <p>{t('procedures.deleteDraftBody', { name: p.name, code: p.code })}</p>
        <p>
          {p.state === 'draft' ? t('procedures.deleteDraftFrees', { code: p.code }) : t('procedures.deleteDraftKeeps')}
        </p>
      </ConfirmDialog>
    </section>
  )
}

import { api, useAsync } from '@motcua/web-kit'
import { type FormEvent, useState } from 'react'
import { Modal } from '../components/dialog'
import { ErrorBox, Loading } from '../components/status'
import { useI18n } from '../i18n/i18n'
import type { DraftDiff, DraftView, PublishOutcome } from './api'
import { groupChanges } from './change-groups'
import { DayField } from './day-field'
import { nextDay, vietnameseDay, vietnamMidnight, vietnamToday } from './format'
import { useSubmit } from './use-submit'

export interface PublishDialogProps {
  /** The draft to publish. */
  draftId: string
  open: boolean
  onClose: () => void
  /** After publishing (or sending it for a second approval): what happened. */
  onDone: (outcome: { published: { code: string; version: number } } | { awaitingApproval: true }) => void
}

/**
 * Publishing a draft: its changes against the version in force, now or from a date; with four eyes, a request
 * another administrator approves. Refuses while the draft has problems. `onDone` is called once the administrator
 * has read the outcome (the dialog's last screen).
 */
export function PublishDialog({ draftId, open, onClose, onDone }: PublishDialogProps) {
  const { t } = useI18n()
  return (
    <Modal open={open} title={t('procedures.publish.title')} onClose={onClose} wide>
      {open && <PublishForm draftId={draftId} onClose={onClose} onDone={onDone} />}
    </Modal>
  )
}

function PublishForm({ draftId, onClose, onDone }: Omit<PublishDialogProps, 'open'>) {
  const { t, pick } = useI18n()
  const id = encodeURIComponent(draftId)
  const loaded = useAsync(
    () => Promise.all([api<DraftView>(`/api/admin/drafts/${id}`), api<DraftDiff>(`/api/admin/drafts/${id}/diff`)]),
    [id],
  )
  const [when, setWhen] = useState<'now' | 'from'>('now')
  const [from, setFrom] = useState(nextDay(vietnamToday()))
  const [outcome, setOutcome] = useState<PublishOutcome>()
  const { busy, error, run } = useSubmit()
  if (loaded.error !== undefined) return <ErrorBox error={loaded.error} onRetry={loaded.reload} />
  if (!loaded.value) return <Loading />
  const [draft, diff] = loaded.value
  const code = draft.procedureCode
  if (outcome) {
    const done = () =>
      onDone(
        'awaitingApproval' in outcome ? { awaitingApproval: true } : { published: { code, version: outcome.version } },
      )
    return (
      <div className="stack">
        <div className="notice notice--ok" role="status">
          {'awaitingApproval' in outcome ? (
            <p>{t('procedures.publish.awaiting')}</p>
          ) : (
            <p>
              {when === 'from'
                ? t('procedures.publish.scheduledDone', { v: outcome.version, date: vietnameseDay(from) })
                : t('procedures.publish.done', { v: outcome.version })}
            </p>
          )}
        </div>
        <div className="row dialog__actions">
          <button type="button" className="button" onClick={done}>
            {t('procedures.publish.finish')}
          </button>
        </div>
      </div>
    )
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    void run(async () => {
      const body = when === 'from' ? { effectiveFrom: vietnamMidnight(from) } : {}
      setOutcome(await api<PublishOutcome>(`/api/admin/drafts/${id}/publish`, { method: 'POST', body }))
    })
  }
  const problems = draft.validation.issues
  const awaiting = draft.awaitingApproval
  return (
    <form className="stack" onSubmit={submit}>
      <p>
        {diff.against
          ? t('procedures.publish.against', { name: String(draft.definition.name ?? code), v: diff.against.version })
          : t('procedures.publish.first', { name: String(draft.definition.name ?? code) })}
      </p>
      <Changes diff={diff} />
      {!draft.validation.ok ? (
        <div className="notice notice--error" role="alert">
          <p>{t('procedures.publish.hasProblems', { n: problems.length })}</p>
          <ul className="problems">
            {problems.map((issue, i) => (
              <li key={`${issue.path}-${i}`}>{pick(issue.message)}</li>
            ))}
          </ul>
        </div>
      ) : awaiting ? (
        <p className="notice notice--warn">
          {t('procedures.publish.alreadyAwaiting', { name: awaiting.requestedBy ?? '' })}
        </p>
      ) : (
        <fieldset className="when">
          <legend className="label">{t('procedures.publish.when')}</legend>
          <label className="check">
            <input type="radio" name="when" checked={when === 'now'} onChange={() => setWhen('now')} />
            {t('procedures.publish.now')}
          </label>
          <label className="check">
            <input type="radio" name="when" checked={when === 'from'} onChange={() => setWhen('from')} />
            {t('procedures.publish.from')}
          </label>
          {when === 'from' && (
            <div className="when__date">
              <DayField label={t('procedures.publish.fromDate')} value={from} min={vietnamToday()} onChange={setFrom} />
              {from && <p className="hint">{t('procedures.publish.fromHint', { date: vietnameseDay(from) })}</p>}
            </div>
          )}
        </fieldset>
      )}
      {error !== undefined && <ErrorBox error={error} />}
      <div className="row dialog__actions">
        {draft.validation.ok && !awaiting && (
          <button type="submit" className="button" disabled={busy || (when === 'from' && !from)}>
            {when === 'from' && from
              ? t('procedures.publish.confirmFrom', { date: vietnameseDay(from) })
              : t('procedures.publish.confirm')}
          </button>
        )}
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}

/** The draft's changes, by part, in administrators' words. */
function Changes({ diff }: { diff: DraftDiff }) {
  const { t, pick } = useI18n()
  if (!diff.against) return null
  if (diff.changes.length === 0) return <p className="notice">{t('procedures.publish.noChanges')}</p>
  return (
    <section className="changes" aria-label={t('procedures.publish.changes')}>
      <h3>{t('procedures.publish.changes')}</h3>
      {groupChanges(diff.changes).map(([group, changes]) => (
        <div key={group} className="changes__group">
          <h4>{t(`procedures.publish.group.${group}`)}</h4>
          <ul>
            {changes.map((change) => (
              <li key={change.path} className={`change change--${change.kind}`}>
                {pick(change.label)}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  )
}

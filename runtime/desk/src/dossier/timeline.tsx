import { dossierStatuses } from '@motcua/core'
import { type MessageKey, useI18n } from '../i18n/i18n'
import { when } from './format'
import type { DossierEvent, DossierView } from './types'

const statusName = (status: number | null, locale: 'vi' | 'en') =>
  status === null ? '' : (dossierStatuses[status as keyof typeof dossierStatuses]?.[locale] ?? String(status))

const eventNames = ['submit', 'supplementSubmitted', 'resultAttached', 'resultDataEntered', 'resultDocumentGenerated']

/** Every event of the dossier, oldest first, as on the control slip: when, who, what, step and status, note, step due. */
export function Timeline({ dossier }: { dossier: DossierView }) {
  const { t, locale } = useI18n()
  const stepName = (key: string | null) =>
    key === null ? '' : (dossier.definition.steps.find((s) => s.key === key)?.name ?? key)
  const what = (e: DossierEvent) =>
    e.label ?? (eventNames.includes(e.action) ? t(`dossier.event.${e.action}` as MessageKey) : e.action)
  const who = (e: DossierEvent) =>
    e.actorName ?? (e.actorRole === 'citizen' || e.action === 'submit' ? t('dossier.citizen') : t('dossier.system'))
  const details = (e: DossierEvent) => {
    const items = e.data?.missingItems
    const due = e.data?.newDueAt
    return [
      Array.isArray(items) && items.length > 0 ? t('dossier.missingItems', { items: items.join('; ') }) : null,
      typeof due === 'string' ? t('dossier.newDue', { date: when(due) }) : null,
    ].filter(Boolean)
  }
  return (
    <section aria-labelledby="dossier-timeline" className="dossier-section">
      <h2 id="dossier-timeline">{t('dossier.timeline')}</h2>
      <table className="table dossier-timeline" data-testid="timeline">
        <thead>
          <tr>
            <th scope="col">{t('dossier.col.at')}</th>
            <th scope="col">{t('dossier.col.who')}</th>
            <th scope="col">{t('dossier.col.action')}</th>
            <th scope="col">{t('dossier.col.step')}</th>
            <th scope="col">{t('dossier.col.status')}</th>
            <th scope="col">{t('dossier.col.note')}</th>
            <th scope="col">{t('dossier.col.stepDue')}</th>
          </tr>
        </thead>
        <tbody>
          {dossier.events.map((e) => (
            <tr key={e.seq}>
              <td className="nowrap">{when(e.at)}</td>
              <td>{who(e)}</td>
              <td>
                <strong>{what(e)}</strong>
              </td>
              <td>
                {e.fromStep !== e.toStep
                  ? [stepName(e.fromStep), stepName(e.toStep)].filter(Boolean).join(' → ')
                  : stepName(e.toStep)}
              </td>
              <td>
                {e.fromStatus !== null && e.fromStatus !== e.toStatus
                  ? `${statusName(e.fromStatus, locale)} → ${statusName(e.toStatus, locale)}`
                  : statusName(e.toStatus, locale)}
              </td>
              <td>
                {e.note}
                {details(e).map((line) => (
                  <div key={line} className="muted">
                    {line}
                  </div>
                ))}
              </td>
              <td className="nowrap">{e.stepDueAt ? when(e.stepDueAt) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

/** What the dossier's step actions sent to other systems through plugins, and whether each went. */
export function CallOuts({ dossier }: { dossier: DossierView }) {
  const { t, pick } = useI18n()
  if (!dossier.callOuts?.length) return null
  return (
    <section aria-labelledby="dossier-call-outs" className="dossier-section">
      <h2 id="dossier-call-outs">{t('dossier.callOuts')}</h2>
      <ul data-testid="call-outs">
        {dossier.callOuts.map((c) => (
          <li key={c.queuedAt + pick(c.action)}>
            <span className="nowrap">{when(c.queuedAt)}</span> ·{' '}
            {t('dossier.callOut', { action: pick(c.action), plugin: pick(c.plugin) })}
            {': '}
            <strong>
              {c.state === 'delivered'
                ? t('dossier.callOut.delivered', { at: c.deliveredAt ? when(c.deliveredAt) : '' })
                : t(`dossier.callOut.${c.state}`, { attempts: String(c.attempts) })}
            </strong>
          </li>
        ))}
      </ul>
    </section>
  )
}

/** The opinions asked of other units, each with its deadline and answer. */
export function Consultations({ dossier }: { dossier: DossierView }) {
  const { t } = useI18n()
  if (dossier.consultations.length === 0) return null
  return (
    <section aria-labelledby="dossier-consultations" className="dossier-section">
      <h2 id="dossier-consultations">{t('dossier.consultations')}</h2>
      <ul className="dossier-list">
        {dossier.consultations.map((c) => (
          <li key={c.id}>
            <strong>{c.unit.name}</strong> · {t(`dossier.consultation.state.${c.state}` as MessageKey)} ·{' '}
            {t('dossier.consultation.due', { date: when(c.dueAt) })}
            {c.answeredBy && ` · ${c.answeredBy}`}
            {c.note && <div className="muted">{c.note}</div>}
          </li>
        ))}
      </ul>
    </section>
  )
}

import { Link } from '@motcua/web-kit'
import { useEffect, useRef } from 'react'
import { useI18n } from '../i18n/i18n'
import { timeLeft } from '../lib/time-left'
import type { QueueItem } from '../lib/types'
import { dateTime } from './format'

/** Where a dossier's row leads. */
export const dossierAddress = (code: string) => `/desk/ho-so/${encodeURIComponent(code)}`

/** The working time left as words and a tone; the words carry the meaning, the colour only helps. */
export function Deadline({ item }: { item: QueueItem }) {
  const { t, locale } = useI18n()
  const left = timeLeft(item, locale)
  if (!item.step) return <span className="muted">{t('queues.ended')}</span>
  if (!item.dueAt || left.text === null) return <span className="muted">{t('queues.noDeadline')}</span>
  return (
    <span className={`q-due q-due--${left.tone}`}>
      <strong>{left.text}</strong>
      <small>{t('queues.due', { date: dateTime(item.dueAt, locale) })}</small>
    </span>
  )
}

/**
 * The queue's rows: code, applicant, procedure and step, received, deadline, status. The highlighted row (j/k) is
 * marked for screen readers and kept in view.
 */
export function QueueTable({ items, active }: { items: QueueItem[]; active: number }) {
  const { t, locale, pick } = useI18n()
  const body = useRef<HTMLTableSectionElement>(null)
  useEffect(() => {
    body.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' })
  }, [active])
  return (
    <table className="table q-table">
      <thead>
        <tr>
          <th scope="col">{t('queues.col.code')}</th>
          <th scope="col">{t('queues.col.applicant')}</th>
          <th scope="col">{t('queues.col.procedure')}</th>
          <th scope="col">{t('queues.col.received')}</th>
          <th scope="col">{t('queues.col.deadline')}</th>
          <th scope="col">{t('queues.col.status')}</th>
        </tr>
      </thead>
      <tbody ref={body}>
        {items.map((item, i) => (
          <tr key={item.receiptCode} aria-current={i === active ? 'true' : undefined} data-testid="queue-row">
            <td className="q-code">
              <Link to={dossierAddress(item.receiptCode)}>{item.receiptCode}</Link>
            </td>
            <td className="q-applicant">{item.applicantName}</td>
            <td className="q-procedure">
              {item.procedure.name}
              {item.step && <small>{item.step.name}</small>}
            </td>
            <td className="q-received">
              {item.receivedAt ? (
                dateTime(item.receivedAt, locale)
              ) : (
                <small>{t('queues.notReceived', { date: dateTime(item.submittedAt, locale) })}</small>
              )}
            </td>
            <td className="q-deadline">
              <Deadline item={item} />
            </td>
            <td className="q-status">{pick(item.statusName)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

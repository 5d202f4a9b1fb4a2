import { Link } from '@motcua/web-kit'
import { useI18n } from '../i18n/i18n'
import { timeLeft } from '../lib/time-left'
import { dateTime } from './format'

/** A consultation sent to my unit as `GET /api/desk/consultations` lists it. */
export interface ConsultationItem {
  id: string
  step: string
  dueAt: string
  state: 'open' | 'overdue' | 'answered' | 'late' | 'closed'
  /** While open: the working time the unit asked has left to answer (negative once past), by its calendar. */
  workingMinutesLeft: number | null
  workingDayMinutes: number | null
  dossier: {
    receiptCode: string
    applicantName: string
    procedure: { code: string; name: string }
    unit: { code: string; name: string }
  }
}

/** Where a consultation's row leads. */
export const consultationAddress = (id: string) => `/desk/y-kien/${encodeURIComponent(id)}`

/** The deadline of a consultation and whether it is past, in words: while open, the working time left to answer. */
export function ConsultationDue({
  dueAt,
  state,
  workingMinutesLeft,
  workingDayMinutes,
}: Pick<ConsultationItem, 'dueAt' | 'state' | 'workingMinutesLeft' | 'workingDayMinutes'>) {
  const { t, locale } = useI18n()
  const left =
    workingMinutesLeft !== null && workingDayMinutes !== null
      ? timeLeft({ workingMinutesLeft, workingDayMinutes, paused: false }, locale)
      : null
  const tone = left?.text ? left.tone : state === 'overdue' ? 'overdue' : state === 'open' ? 'ok' : 'none'
  return (
    <span className={`q-due q-due--${tone}`}>
      <strong>
        {t(`queues.consultation.state.${state}`)}
        {left?.text ? ` · ${left.text}` : ''}
      </strong>
      <small>{t('queues.consultation.dueAt', { date: dateTime(dueAt, locale) })}</small>
    </span>
  )
}

/** The consultations sent to my units, each opening its answer page. */
export function ConsultationTable({ items, active }: { items: ConsultationItem[]; active: number }) {
  const { t } = useI18n()
  return (
    <table className="table q-table">
      <thead>
        <tr>
          <th scope="col">{t('queues.col.code')}</th>
          <th scope="col">{t('queues.col.applicant')}</th>
          <th scope="col">{t('queues.col.procedure')}</th>
          <th scope="col">{t('queues.col.asking')}</th>
          <th scope="col">{t('queues.col.deadline')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item, i) => (
          <tr key={item.id} aria-current={i === active ? 'true' : undefined} data-testid="queue-row">
            <td className="q-code">
              <Link to={consultationAddress(item.id)}>{item.dossier.receiptCode}</Link>
            </td>
            <td className="q-applicant">{item.dossier.applicantName}</td>
            <td className="q-procedure">{item.dossier.procedure.name}</td>
            <td className="q-asking">{item.dossier.unit.name}</td>
            <td className="q-deadline">
              <ConsultationDue {...item} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

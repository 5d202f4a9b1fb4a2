import { Link } from '@motcua/web-kit'
import { useI18n } from '../i18n/i18n'
import { dateTime } from './format'

/** A consultation sent to my unit as `GET /api/desk/consultations` lists it. */
export interface ConsultationItem {
  id: string
  step: string
  dueAt: string
  state: 'open' | 'overdue' | 'answered' | 'late' | 'closed'
  dossier: {
    receiptCode: string
    applicantName: string
    procedure: { code: string; name: string }
    unit: { code: string; name: string }
  }
}

/** Where a consultation's row leads. */
export const consultationAddress = (id: string) => `/desk/y-kien/${encodeURIComponent(id)}`

/** The deadline of a consultation and whether it is past, in words. */
export function ConsultationDue({ dueAt, state }: { dueAt: string; state: ConsultationItem['state'] }) {
  const { t, locale } = useI18n()
  const tone = state === 'overdue' ? 'overdue' : state === 'open' ? 'ok' : 'none'
  return (
    <span className={`q-due q-due--${tone}`}>
      <strong>{t(`queues.consultation.state.${state}`)}</strong>
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
              <ConsultationDue dueAt={item.dueAt} state={item.state} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

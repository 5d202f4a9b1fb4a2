import { Link } from '@motcua/web-kit'
import { useI18n } from '../i18n/i18n'
import type { MessageKey } from '../i18n/messages'
import { showDateTime, showVnd } from '../lib/format'
import type { DossierDelivery, FeeLine, PaymentWay } from '../lib/types'

/** What each national status means for the citizen, in one plain sentence. */
const statusMeaning: Record<number, MessageKey> = {
  1: 'nextSteps.status1',
  2: 'nextSteps.status2',
  3: 'nextSteps.status3',
  4: 'nextSteps.status4',
  5: 'nextSteps.status5',
  6: 'nextSteps.status6',
  7: 'nextSteps.status7',
  8: 'nextSteps.status8',
  9: 'nextSteps.status9',
  10: 'nextSteps.status10',
}

export interface NextStepsFacts {
  receiptCode: string
  status: number
  dueAt?: string | null
  expectedDueAt?: string | null
  fees: FeeLine[]
  payment?: PaymentWay | undefined
  delivery?: DossierDelivery | null | undefined
  unitName: string
}

/**
 * "Việc tiếp theo": when the result comes (the appointment, or the date the unit's working calendar gives if it is
 * received today), what the status means, how to pay, and where the result goes, from the dossier's own data.
 */
export function NextSteps({ facts }: { facts: NextStepsFacts }) {
  const { t } = useI18n()
  const total = facts.fees.reduce((sum, line) => sum + line.amount, 0)
  const trackPath = `/tra-cuu/${encodeURIComponent(facts.receiptCode)}`
  const meaning = statusMeaning[facts.status]
  let when: string
  if (facts.dueAt) when = t('nextSteps.due', { at: showDateTime(facts.dueAt) })
  else if (facts.expectedDueAt) when = t('nextSteps.expected', { at: showDateTime(facts.expectedDueAt) })
  else when = facts.status === 1 ? t('nextSteps.dueAtReception') : t('nextSteps.noDue')
  const delivery = facts.delivery
  const where =
    delivery?.method === 'post'
      ? t('nextSteps.byPost', { address: delivery.address?.text ?? '' })
      : delivery?.method === 'online'
        ? t('nextSteps.online')
        : t('nextSteps.atCounter', { unit: facts.unitName })
  return (
    <section className="panel next-steps" aria-labelledby="next-steps-title" data-testid="next-steps">
      <h2 id="next-steps-title">{t('nextSteps.title')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('nextSteps.whenTitle')}</dt>
          <dd data-testid="next-when">{when}</dd>
        </div>
        {meaning && (
          <div>
            <dt>{t('nextSteps.statusTitle')}</dt>
            <dd data-testid="next-status">{t(meaning)}</dd>
          </div>
        )}
        <div>
          <dt>{t('nextSteps.payTitle')}</dt>
          <dd data-testid="next-pay">
            {total === 0 || facts.payment === 'none' ? (
              t('nextSteps.noFee')
            ) : facts.payment === 'online' ? (
              <>
                {t('nextSteps.payOnline', { amount: showVnd(total) })}{' '}
                <Link to={trackPath}>{t('nextSteps.payOnlineLink')}</Link>
              </>
            ) : (
              t('nextSteps.payAtResult', { amount: showVnd(total) })
            )}
          </dd>
        </div>
        <div>
          <dt>{t('nextSteps.whereTitle')}</dt>
          <dd data-testid="next-where">{where}</dd>
        </div>
      </dl>
    </section>
  )
}

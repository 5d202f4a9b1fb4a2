import { usePageTitle } from '../components/status'
import { useI18n } from '../i18n/i18n'

/** The officer's queues: counts, search, filters in the address, the deadline in sight. */
export function QueuePage() {
  const { t } = useI18n()
  usePageTitle(t('queues.title'))
  return <h1>{t('queues.title')}</h1>
}

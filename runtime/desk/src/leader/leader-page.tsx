import { usePageTitle } from '../components/status'
import { useI18n } from '../i18n/i18n'

/** The leader's overview of the unit: overdue and due soon, each officer's load, sign-off in bulk. */
export function LeaderPage() {
  const { t } = useI18n()
  usePageTitle(t('leader.title'))
  return <h1>{t('leader.title')}</h1>
}

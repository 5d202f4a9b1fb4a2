import { usePageTitle } from '../components/status'
import { useI18n } from '../i18n/i18n'

/** A consultation (xin ý kiến) another unit sent to mine: the question, the dossier's papers, and my unit's answer. */
export function ConsultationPage({ id }: { id: string }) {
  const { t } = useI18n()
  usePageTitle(t('queues.title'))
  return <h1 data-id={id}>{t('queues.title')}</h1>
}

import { usePageTitle } from '../components/status'
import { useI18n } from '../i18n/i18n'

/** Counter intake: a paper dossier entered on the applicant's behalf, received at once, receipt printed. */
export function IntakePage({ procedureCode }: { procedureCode?: string }) {
  void procedureCode
  const { t } = useI18n()
  usePageTitle(t('intake.title'))
  return <h1>{t('intake.title')}</h1>
}

import { usePageTitle } from '../components/status'
import { useI18n } from '../i18n/i18n'

/** One dossier: its data, files, timeline and the actions this officer may take now. */
export function DossierPage({ code }: { code: string }) {
  void code
  const { t } = useI18n()
  usePageTitle(t('dossier.title'))
  return <h1>{t('dossier.title')}</h1>
}

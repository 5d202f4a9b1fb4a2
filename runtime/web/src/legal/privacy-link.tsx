import { Link } from '@motcua/web-kit'
import { useI18n } from '../i18n/i18n'

/** "How we handle your personal data", beside the buttons that send it (filing a dossier, signing in). */
export function PrivacyLink() {
  const { t } = useI18n()
  return (
    <p className="hint privacy-link">
      {t('privacy.beside')} <Link to="/chinh-sach-rieng-tu">{t('nav.privacy')}</Link>
    </p>
  )
}

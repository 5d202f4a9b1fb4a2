import { Link } from '@motcua/web-kit'
import { usePageTitle } from '../components/page-title'
import { useI18n } from '../i18n/i18n'

export function NotFoundPage() {
  const { t } = useI18n()
  usePageTitle(t('notFound.title'))
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.lead')}</p>
      <Link className="button" to="/">
        {t('nav.home')}
      </Link>
    </>
  )
}

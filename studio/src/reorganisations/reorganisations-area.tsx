import { useSession } from '@motcua/web-kit'
import { useI18n } from '../i18n/i18n'
import { isProvinceAdmin } from '../lib/admin'
import { PlanPage } from './plan-page'
import { PlansPage } from './plans-page'
import './reorganisations.css'

/**
 * `/studio/sap-xep[/:name]`, loaded only when opened: the reorganisation plans, for the province's administrators
 * (the API refuses anyone else too).
 */
export default function ReorganisationsArea({ name }: { name?: string }) {
  const { t } = useI18n()
  const { user } = useSession()
  if (!user || !isProvinceAdmin(user))
    return (
      <div className="narrow">
        <h1>{t('reorg.title')}</h1>
        <p className="notice notice--error" role="alert">
          {t('reorg.provinceOnly')}
        </p>
      </div>
    )
  return name ? <PlanPage name={name} /> : <PlansPage />
}

import { useEffect } from 'react'
import { useI18n } from '../i18n/i18n'

/** Sets the tab's title to "<page> · Cổng Dịch vụ công tỉnh Quảng Ninh". */
export function usePageTitle(title: string | undefined): void {
  const { t } = useI18n()
  useEffect(() => {
    document.title = title ? `${title} · ${t('app.title')}` : t('app.title')
  }, [title, t])
}

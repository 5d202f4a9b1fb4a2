import { usePageTitle as kitPageTitle } from '@motcua/web-kit'
import { useI18n } from '../i18n/i18n'

export { ErrorBox, Loading } from '@motcua/web-kit'

/** Sets the tab's title: the page's name, then the studio's. */
export function usePageTitle(title: string) {
  kitPageTitle(title, useI18n().t('app.title'))
}

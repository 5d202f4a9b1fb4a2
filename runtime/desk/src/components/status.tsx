import { usePageTitle as kitPageTitle } from '@motcua/web-kit'
import { useI18n } from '../i18n/i18n'

export { ConfirmDialog, ErrorBox, Loading, Modal } from '@motcua/web-kit'

/** Sets the tab's title: the page's name, then the desk's. */
export function usePageTitle(title: string) {
  kitPageTitle(title, useI18n().t('app.title'))
}

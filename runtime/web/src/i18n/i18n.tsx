import { type Catalogues, translate as fill, type Locale, useMessages } from '@motcua/web-kit'
import { en } from './en'
import { type MessageKey, vi } from './messages'

const catalogues: Catalogues<MessageKey> = { vi, en }

export { LocaleProvider as I18nProvider } from '@motcua/web-kit'

/** The portal's texts in the current language: `useI18n().t('home.results', { n: 3 })`. */
export const useI18n = () => useMessages(catalogues)

/** A portal text in a language, e.g. `translate('en', 'home.results', { n: 3 })`. */
export const translate = (locale: Locale, key: MessageKey, values?: Record<string, string | number>) =>
  fill(catalogues, locale, key, values)

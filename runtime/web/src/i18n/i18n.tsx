import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import { en } from './en'
import { type Locale, type MessageKey, vi } from './messages'

const STORAGE_KEY = 'motcua.locale'
const catalogues: Record<Locale, Record<MessageKey, string>> = { vi, en }

/**
 * A message in a locale, with `{name}` placeholders filled in.
 * @example translate('en', 'home.results', { n: 3 }) // '3 procedures'
 */
export function translate(locale: Locale, key: MessageKey, values: Record<string, string | number> = {}): string {
  return catalogues[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  )
}

interface I18n {
  locale: Locale
  setLocale: (locale: Locale) => void
  t: (key: MessageKey, values?: Record<string, string | number>) => string
  /** Picks the text of a `{vi, en}` message from the API. */
  pick: (message: { vi: string; en: string }) => string
}

const I18nContext = createContext<I18n | null>(null)

function initialLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi'
  } catch {
    return 'vi'
  }
}

/** Vietnamese by default; the English choice is remembered on the device. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale)
  useEffect(() => {
    document.documentElement.lang = locale
  }, [locale])
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next)
    try {
      localStorage.setItem(STORAGE_KEY, next)
    } catch {
      // private mode: the choice lasts for this page only
    }
  }, [])
  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale,
      t: (key, values) => translate(locale, key, values),
      pick: (message) => message[locale],
    }),
    [locale, setLocale],
  )
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  const value = useContext(I18nContext)
  if (!value) throw new Error('useI18n outside I18nProvider')
  return value
}

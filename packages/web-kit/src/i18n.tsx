import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react'

/** The apps' languages: Vietnamese by default, English on request. */
export type Locale = 'vi' | 'en'

/** An app's texts in both languages, by key; `{name}` marks a value filled in. */
export type Catalogues<K extends string> = Record<Locale, Record<K, string>>

export interface I18n<K extends string> {
  locale: Locale
  setLocale: (locale: Locale) => void
  t: (key: K, values?: Record<string, string | number>) => string
  /** Picks the text of a `{vi, en}` message from the API. */
  pick: (message: { vi: string; en: string }) => string
}

const STORAGE_KEY = 'motcua.locale'
const LocaleContext = createContext<{ locale: Locale; setLocale: (locale: Locale) => void } | null>(null)

function initialLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi'
  } catch {
    return 'vi'
  }
}

/**
 * A message of a catalogue with `{name}` placeholders filled in.
 * @example translate(catalogues, 'en', 'home.results', { n: 3 }) // '3 procedures'
 */
export const translate = <K extends string>(
  catalogues: Catalogues<K>,
  locale: Locale,
  key: K,
  values: Record<string, string | number> = {},
): string =>
  catalogues[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  )

/** Vietnamese by default; the English choice is remembered on the device (shared by the apps of one origin). */
export function LocaleProvider({ children }: { children: ReactNode }) {
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
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale])
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>
}

/**
 * The current language and an app's texts in it.
 * @example export const useI18n = () => useMessages(catalogues)
 */
export function useMessages<K extends string>(catalogues: Catalogues<K>): I18n<K> {
  const value = useContext(LocaleContext)
  if (!value) throw new Error('useMessages outside LocaleProvider')
  const { locale, setLocale } = value
  return useMemo(
    () => ({
      locale,
      setLocale,
      t: (key, values) => translate(catalogues, locale, key, values),
      pick: (message) => message[locale],
    }),
    [catalogues, locale, setLocale],
  )
}

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

const pluralRules = new Map<Locale, Intl.PluralRules>()
const pluralCategory = (locale: Locale, n: number) => {
  let rules = pluralRules.get(locale)
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)))
  return rules.select(n)
}

/** The end of the `{…}` group opening at `start` (braces nest), or -1. */
function closing(text: string, start: number): number {
  let depth = 0
  for (let i = start; i < text.length; i++) {
    if (text[i] === '{') depth++
    else if (text[i] === '}' && --depth === 0) return i
  }
  return -1
}

/** The branch of `one {…} other {…}` (also `=0 {…}`) that a count takes; `#` in it is the count. */
function pluralBranch(locale: Locale, branches: string, n: number): string | undefined {
  const found = new Map<string, string>()
  let rest = branches
  for (;;) {
    const head = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(rest)
    if (!head) break
    const open = head[0].length - 1
    const end = closing(rest, open)
    if (end < 0) return undefined
    found.set(head[1]!, rest.slice(open + 1, end))
    rest = rest.slice(end + 1)
  }
  const branch = found.get(`=${n}`) ?? found.get(pluralCategory(locale, n)) ?? found.get('other')
  return branch?.replace(/#/g, new Intl.NumberFormat(locale).format(n))
}

/**
 * A message of a catalogue with `{name}` placeholders filled in. A count that changes the words is written
 * `{n, plural, one {# procedure} other {# procedures}}` (ICU MessageFormat's plural, with Intl.PluralRules of the
 * locale choosing `one`, `other`, … or an exact `=0`; `#` is the count, other `{name}`s work inside). Vietnamese
 * has no plural forms: its messages just write `{n} thủ tục`.
 * @example translate(catalogues, 'en', 'home.results', { n: 1 }) // '1 procedure'
 */
export const translate = <K extends string>(
  catalogues: Catalogues<K>,
  locale: Locale,
  key: K,
  values: Record<string, string | number> = {},
): string => fillMessage(locale, catalogues[locale][key], values)

/**
 * A message's `{name}` and `{n, plural, …}` placeholders filled in (see translate).
 * @example fillMessage('en', '{n, plural, one {# file} other {# files}}', { n: 2 }) // '2 files'
 */
export function fillMessage(locale: Locale, message: string, values: Record<string, string | number> = {}): string {
  let out = ''
  let i = 0
  for (;;) {
    const plural = message.indexOf('{', i)
    if (plural < 0) break
    const head = /^\{(\w+),\s*plural,/.exec(message.slice(plural))
    const end = head ? closing(message, plural) : -1
    if (!head || end < 0) {
      out += message.slice(i, plural + 1)
      i = plural + 1
      continue
    }
    const n = Number(values[head[1]!])
    const branch = Number.isFinite(n) ? pluralBranch(locale, message.slice(plural + head[0].length, end), n) : undefined
    out += message.slice(i, plural) + (branch ?? message.slice(plural, end + 1))
    i = end + 1
  }
  out += message.slice(i)
  return out.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole))
}

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

/**
 * The names a message fills in (`{name}` and `{n, plural, …}`), each once, sorted: both languages of a key
 * must fill the same.
 * @example messagePlaceholders('{n, plural, one {# file from {who}} other {# files}}') // ['n', 'who']
 */
export const messagePlaceholders = (message: string): string[] =>
  [...new Set([...message.matchAll(/\{(\w+)(?:\}|,\s*plural,)/g)].map((m) => m[1]!))].sort()

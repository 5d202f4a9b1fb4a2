import { type DossierComponent, describeRule } from '@motcua/core'
import { useI18n } from '../i18n/i18n'

/**
 * The `lang` of a procedure's own texts (names, descriptions, components, fees, form labels, unit names): the
 * definitions are written in Vietnamese, so on an English page they are marked `lang="vi"` for screen readers and
 * translation tools; on a Vietnamese page nothing is added.
 */
export function useContentLang(): 'vi' | undefined {
  return useI18n().locale === 'en' ? 'vi' : undefined
}

/** A procedure's name in the page's language: its English name (`nameEn`) when it has one, with the right `lang`. */
export function ProcedureName({ procedure }: { procedure: { name: string; nameEn?: string | null | undefined } }) {
  const { locale } = useI18n()
  if (locale === 'en' && procedure.nameEn) return <>{procedure.nameEn}</>
  return <span lang={locale === 'en' ? 'vi' : undefined}>{procedure.name}</span>
}

/** Once per English page that shows a procedure's content: it is written in Vietnamese only. */
export function VietnameseOnlyNote() {
  const { t, locale } = useI18n()
  if (locale !== 'en') return null
  return (
    <p className="notice notice--language" role="note">
      {t('content.vietnameseOnly')}
    </p>
  )
}

/**
 * When a component is required under a condition (`when`), that condition in plain words from the form's titles,
 * e.g. "Bắt buộc khi: Người yêu cầu › Quan hệ: “Người được ủy quyền”"; nothing when it cannot be said.
 */
export function RequiredWhen({ component, formSchema }: { component: DossierComponent; formSchema: unknown }) {
  const { t } = useI18n()
  const lang = useContentLang()
  if (!component.required || component.when === undefined) return null
  const text = describeRule(component.when, formSchema)
  if (!text) return null
  return (
    <p className="hint required-when">
      {t('procedure.requiredWhen')} <span lang={lang}>{text}</span>
    </p>
  )
}

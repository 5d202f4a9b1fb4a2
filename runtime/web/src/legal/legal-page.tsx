import { Link } from '@motcua/web-kit'
import { usePageTitle } from '../components/page-title'
import { useI18n } from '../i18n/i18n'
import './legal-page.css'

/** One section of a statement: a heading, paragraphs, and an optional list. */
export interface LegalSection {
  heading: string
  paragraphs?: string[]
  list?: string[]
}

/** A statement in one language. */
export interface LegalText {
  title: string
  updated: string
  lead: string
  sections: LegalSection[]
}

/** The pages about the portal itself (accessibility, privacy), Vietnamese first, each with a link to the other. */
export function LegalPage({
  text,
  other,
}: {
  text: { vi: LegalText; en: LegalText }
  other: { to: string; label: string }
}) {
  const { locale } = useI18n()
  const page = text[locale]
  usePageTitle(page.title)
  return (
    <article className="legal">
      <h1>{page.title}</h1>
      <p className="hint">{page.updated}</p>
      <p className="legal__lead">{page.lead}</p>
      {page.sections.map((section) => (
        <section key={section.heading}>
          <h2>{section.heading}</h2>
          {section.paragraphs?.map((p) => (
            <p key={p}>{p}</p>
          ))}
          {section.list && (
            <ul>
              {section.list.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          )}
        </section>
      ))}
      <p>
        <Link to={other.to}>{other.label}</Link>
      </p>
    </article>
  )
}

import type { ReactNode } from 'react'
import { useStatsI18n } from './i18n'

/**
 * A wide table scrolls inside its own box, never the page; keyboard users reach the box to scroll it. The caption is
 * shown above the box (it would scroll away inside it); the table keeps its own `<caption>` for screen readers.
 */
export function TableScroll({ caption, children }: { caption: string; children: ReactNode }) {
  const { t } = useStatsI18n()
  return (
    <>
      <p className="table-caption" aria-hidden="true">
        {caption}
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1) */}
      <section className="table-scroll" aria-label={t('table.scroll', { caption })} tabIndex={0}>
        {children}
      </section>
    </>
  )
}

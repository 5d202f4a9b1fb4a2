import { useI18n } from '../i18n/i18n'
import type { AdminProcedure } from './api'
import { vietnameseDay } from './format'

/** Where a procedure stands, as badges: its state, a later version, changes not yet published, a pending approval. */
export function StateBadges({ procedure: p }: { procedure: AdminProcedure }) {
  const { t } = useI18n()
  const badges: { text: string; tone: string }[] = []
  if (p.state === 'draft') badges.push({ text: t('procedures.state.draft'), tone: 'draft' })
  if (p.state === 'published')
    badges.push({ text: t('procedures.state.published', { v: p.version ?? '' }), tone: 'ok' })
  if (p.state === 'retired') badges.push({ text: t('procedures.state.retired'), tone: 'retired' })
  if (p.scheduled)
    badges.push({
      text: t('procedures.state.scheduled', { date: vietnameseDay(p.scheduled.from), v: p.scheduled.version }),
      tone: 'scheduled',
    })
  if (p.unpublishedChanges) badges.push({ text: t('procedures.state.changes'), tone: 'changes' })
  if (p.draft?.awaitingApproval) badges.push({ text: t('procedures.state.awaiting'), tone: 'awaiting' })
  return (
    <span className="badges">
      {badges.map((b) => (
        <span key={b.text} className={`badge badge--${b.tone}`}>
          {b.text}
        </span>
      ))}
    </span>
  )
}

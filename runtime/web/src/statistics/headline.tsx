import type { CatalogueSummary, Figures, RatingCounts } from '@motcua/core'
import type { ReactNode } from 'react'
import { showCount, showDecimal, showShare } from './format'
import { useStatsI18n } from './i18n'

function Card({ label, value, children, tone }: { label: string; value: string; children?: ReactNode; tone?: string }) {
  return (
    <div className={`stat-card${tone ? ` stat-card--${tone}` : ''}`}>
      <dt className="stat-card__label">{label}</dt>
      <dd className="stat-card__value">{value}</dd>
      {children && <dd className="stat-card__detail">{children}</dd>}
    </div>
  )
}

/** The period's headline figures: received, online share, on time, satisfaction, overdue, carried over, time, catalogue. */
export function Headline({
  figures,
  catalogue,
  ratings,
}: {
  figures: Figures
  catalogue: CatalogueSummary
  ratings?: RatingCounts | undefined
}) {
  const { t, locale } = useStatsI18n()
  const n = (value: number) => showCount(value, locale)
  const days = (value: number | null) => (value === null ? '—' : t('figures.days', { n: showDecimal(value, locale) }))
  const { received, resolved, inProgress, time } = figures
  const met = catalogue.onlineShare !== null && catalogue.onlineShare >= catalogue.target
  return (
    <section aria-labelledby="headline-title">
      <h2 id="headline-title" className="visually-hidden">
        {t('figures.title')}
      </h2>
      <dl className="stat-cards">
        <Card label={t('figures.received')} value={n(received.total)}>
          {t('figures.receivedDetail', {
            counter: n(received.counter),
            online: n(received.online),
            post: n(received.post),
          })}
        </Card>
        <Card label={t('figures.online')} value={showShare(figures.onlineShare, locale)}>
          {t('figures.onlineDetail', { online: n(received.online), total: n(received.total) })}
        </Card>
        <Card label={t('figures.onTime')} value={showShare(figures.onTimeShare, locale)}>
          {t('figures.onTimeDetail', {
            early: n(resolved.early),
            onTime: n(resolved.onTime),
            late: n(resolved.late),
            total: n(resolved.total),
          })}
        </Card>
        {ratings && (
          <Card
            label={t('figures.satisfied')}
            value={showShare(
              ratings.total ? (ratings.verySatisfied + ratings.satisfied) / ratings.total : null,
              locale,
            )}
          >
            {t('figures.satisfiedDetail', {
              very: n(ratings.verySatisfied),
              satisfied: n(ratings.satisfied),
              dissatisfied: n(ratings.dissatisfied),
              total: n(ratings.total),
            })}
          </Card>
        )}
        <Card
          label={t('figures.overdue')}
          value={n(inProgress.overdue)}
          {...(inProgress.overdue > 0 ? { tone: 'warn' } : {})}
        >
          {t('figures.overdueDetail', { total: n(inProgress.total) })}
          {figures.waiting && (
            <>
              <br />
              {t('figures.waiting', { supplement: n(figures.waiting.supplement), payment: n(figures.waiting.payment) })}
            </>
          )}
        </Card>
        <Card label={t('figures.carried')} value={n(figures.carriedOver)}>
          {t('figures.carriedDetail')}
          <br />
          {t('figures.ended', {
            refused: n(figures.refused),
            withdrawn: n(figures.withdrawn),
            stopped: n(figures.stopped),
          })}
        </Card>
        <Card label={t('figures.time')} value={days(time.averageDays)}>
          {t('figures.timeDetail', { median: days(time.medianDays), legal: days(time.legalAverageDays) })}
        </Card>
        <Card label={t('figures.saved')} value={showShare(time.savedShare, locale)}>
          {t('figures.savedDetail')}
        </Card>
        <Card
          label={t('figures.catalogue')}
          value={showShare(catalogue.onlineShare, locale)}
          tone={met ? 'good' : 'warn'}
        >
          <span className="target" aria-hidden="true">
            <span className="target__bar" style={{ width: `${Math.round((catalogue.onlineShare ?? 0) * 100)}%` }} />
            <span className="target__mark" style={{ left: `${Math.round(catalogue.target * 100)}%` }} />
          </span>
          <strong>{met ? t('figures.targetMet') : t('figures.targetMissed')}</strong>{' '}
          {t('figures.catalogueDetail', {
            full: n(catalogue.full),
            partial: n(catalogue.partial),
            procedures: n(catalogue.procedures),
            target: showShare(catalogue.target, locale),
          })}
        </Card>
      </dl>
    </section>
  )
}

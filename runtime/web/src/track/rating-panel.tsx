import {
  canBeRated,
  RATING_COMMENT_MAX,
  RATING_CRITERIA,
  RATING_LEVELS,
  type RatingCriterion,
  type RatingLevel,
} from '@motcua/core'
import { api } from '@motcua/web-kit'
import { useEffect, useRef, useState } from 'react'
import { ErrorBox } from '../components/loading'
import { useI18n } from '../i18n/i18n'
import { showDateTime } from '../lib/format'
import type { DossierRating, TrackedDossier } from '../lib/types'
import './rating-panel.css'

const LEVELS = Object.keys(RATING_LEVELS) as RatingLevel[]
const CRITERIA = Object.keys(RATING_CRITERIA) as RatingCriterion[]

/** One question: the three official levels as radio buttons. */
function Levels({
  name,
  legend,
  value,
  onChange,
  error,
}: {
  name: string
  legend: string
  value: RatingLevel | undefined
  onChange: (level: RatingLevel) => void
  error?: string | undefined
}) {
  const { pick } = useI18n()
  return (
    <fieldset className="rating__question" aria-describedby={error ? `${name}-error` : undefined}>
      <legend>{legend}</legend>
      {error && (
        <p className="field-error" id={`${name}-error`}>
          ⚠ {error}
        </p>
      )}
      <div className="rating__levels">
        {LEVELS.map((level) => (
          <label key={level} className="rating__choice">
            <input type="radio" name={name} value={level} checked={value === level} onChange={() => onChange(level)} />
            <span>{pick(RATING_LEVELS[level])}</span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}

/**
 * Đánh giá mức độ hài lòng: once the dossier has ended, the applicant (with the PIN) rates it on the official
 * levels, optionally per criterion and with a comment; a thank-you afterwards, and "change" while the window lasts.
 */
export function RatingPanel({ dossier, pin }: { dossier: TrackedDossier; pin: string | undefined }) {
  const { t, pick } = useI18n()
  const [saved, setSaved] = useState<DossierRating | null>(dossier.rating ?? null)
  const [editing, setEditing] = useState(false)
  const [level, setLevel] = useState<RatingLevel | undefined>(saved?.level)
  const [criteria, setCriteria] = useState<Partial<Record<RatingCriterion, RatingLevel>>>(saved?.criteria ?? {})
  const [comment, setComment] = useState(saved?.comment ?? '')
  const [missing, setMissing] = useState(false)
  const [failure, setFailure] = useState<unknown>()
  const [sending, setSending] = useState(false)
  const thanks = useRef<HTMLHeadingElement>(null)
  const [justSent, setJustSent] = useState(false)
  useEffect(() => {
    if (justSent) thanks.current?.focus()
  }, [justSent])
  if (!canBeRated(dossier.status) || !pin) return null

  const send = async () => {
    if (!level) {
      setMissing(true)
      document.getElementById('rating-level-error')?.scrollIntoView({ block: 'center' })
      return
    }
    setSending(true)
    setFailure(undefined)
    try {
      const rating = await api<DossierRating>(`/api/track/${encodeURIComponent(dossier.receiptCode)}/rating`, {
        method: 'PUT',
        body: { pin, level, criteria, ...(comment.trim() ? { comment: comment.trim() } : {}) },
      })
      setSaved(rating)
      setEditing(false)
      setJustSent(true)
    } catch (e) {
      setFailure(e)
    } finally {
      setSending(false)
    }
  }

  const changeable = saved ? new Date(saved.changeableUntil).getTime() > Date.now() : false
  if (saved && !editing) {
    return (
      <section className="panel rating" aria-labelledby="rating-title" data-testid="rating-thanks">
        <h2 id="rating-title" ref={thanks} tabIndex={-1}>
          {t('rating.thanks')}
        </h2>
        <p role="status">{t('rating.given', { level: pick(RATING_LEVELS[saved.level]) })}</p>
        <p className="hint">{t('rating.use')}</p>
        {changeable && (
          <>
            <p className="hint">{t('rating.changeUntil', { at: showDateTime(saved.changeableUntil) })}</p>
            <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
              {t('rating.change')}
            </button>
          </>
        )}
      </section>
    )
  }
  const commentLength = [...comment.trim()].length
  return (
    <section className="panel rating" aria-labelledby="rating-title">
      <h2 id="rating-title">{t('rating.title')}</h2>
      <p>{t('rating.lead')}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          void send()
        }}
      >
        <Levels
          name="rating-level"
          legend={t('rating.overall')}
          value={level}
          onChange={(l) => {
            setLevel(l)
            setMissing(false)
          }}
          error={missing ? t('rating.levelMissing') : undefined}
        />
        <details className="rating__criteria">
          <summary>{t('rating.criteria')}</summary>
          {CRITERIA.map((key) => (
            <Levels
              key={key}
              name={`rating-${key}`}
              legend={pick(RATING_CRITERIA[key])}
              value={criteria[key]}
              onChange={(l) => setCriteria((all) => ({ ...all, [key]: l }))}
            />
          ))}
        </details>
        <label className="label" htmlFor="rating-comment">
          {t('rating.comment')}
        </label>
        <p className="hint" id="rating-comment-hint">
          {t('rating.commentHint', { max: RATING_COMMENT_MAX })}
        </p>
        <textarea
          id="rating-comment"
          className="input textarea"
          rows={4}
          maxLength={RATING_COMMENT_MAX}
          value={comment}
          aria-describedby="rating-comment-hint rating-comment-count"
          onChange={(e) => setComment(e.target.value)}
        />
        <p className="hint" id="rating-comment-count" aria-live="polite">
          {t('rating.commentCount', { n: commentLength, max: RATING_COMMENT_MAX })}
        </p>
        {failure !== undefined && <ErrorBox error={failure} />}
        <button type="submit" className="button" disabled={sending}>
          {sending ? t('rating.sending') : t('rating.send')}
        </button>
      </form>
    </section>
  )
}

import {
  canBeRated,
  DomainError,
  type Issue,
  RATING_CHANGE_DAYS,
  RATING_COMMENT_MAX,
  RATING_CRITERIA,
  RATING_LEVELS,
  type RatingLevel,
  ratingChangeable,
} from '@motcua/core'
import { type Db, dossierRatings, dossiers, withTransaction } from '@motcua/db'
import { eq } from 'drizzle-orm'
import { appendEvent, type DossierRow } from './act'

export interface RatingInput {
  level: string
  criteria?: Record<string, string>
  comment?: string
}

/** A rating as the applicant sees it, with the moment after which it can no longer be changed. */
export interface RatingView {
  level: RatingLevel
  criteria: Record<string, RatingLevel>
  comment: string | null
  ratedAt: Date
  changeableUntil: Date
}

const isLevel = (v: string): v is RatingLevel => Object.hasOwn(RATING_LEVELS, v)
const levelNames = Object.values(RATING_LEVELS)
  .map((l) => l.vi)
  .join(', ')

/** The values a well-formed body may still get wrong, each placed by its path (a 422 with every issue). */
function valueIssues(input: RatingInput): Issue[] {
  const issues: Issue[] = []
  if (!isLevel(input.level))
    issues.push({
      code: 'rating.level',
      path: '/level',
      message: { vi: `Vui lòng chọn một mức: ${levelNames}.`, en: 'Choose one of the levels offered.' },
    })
  for (const [key, level] of Object.entries(input.criteria ?? {})) {
    if (!Object.hasOwn(RATING_CRITERIA, key))
      issues.push({
        code: 'rating.criterion',
        path: `/criteria/${key}`,
        message: { vi: 'Tiêu chí này không có trong phiếu đánh giá.', en: 'No such criterion.' },
      })
    else if (!isLevel(level))
      issues.push({
        code: 'rating.level',
        path: `/criteria/${key}`,
        message: { vi: `Vui lòng chọn một mức: ${levelNames}.`, en: 'Choose one of the levels offered.' },
      })
  }
  const comment = input.comment?.trim() ?? ''
  if ([...comment].length > RATING_COMMENT_MAX)
    issues.push({
      code: 'rating.commentLength',
      path: '/comment',
      message: {
        vi: `Ý kiến dài tối đa ${RATING_COMMENT_MAX} ký tự; vui lòng rút gọn.`,
        en: `At most ${RATING_COMMENT_MAX} characters; please shorten it.`,
      },
    })
  return issues
}

const changeableUntil = (ratedAt: Date) => new Date(ratedAt.getTime() + RATING_CHANGE_DAYS * 86_400_000)

const viewOf = (row: typeof dossierRatings.$inferSelect): RatingView => ({
  level: row.level as RatingLevel,
  criteria: row.criteria as Record<string, RatingLevel>,
  comment: row.comment,
  ratedAt: row.ratedAt,
  changeableUntil: changeableUntil(row.ratedAt),
})

/** The rating of a dossier, or null when none was given. */
export async function ratingOf(db: Db, dossierId: string): Promise<RatingView | null> {
  const [row] = await db.select().from(dossierRatings).where(eq(dossierRatings.dossierId, dossierId))
  return row ? viewOf(row) : null
}

/**
 * Records the applicant's rating of an ended dossier, or changes it within the window, with its event in the
 * dossier's log in the same transaction. The comment is kept with the rating, never in the log.
 * @example await rateDossier(db, dossier, { level: 'satisfied' }, { userId: null, role: 'citizen' }, now)
 */
export async function rateDossier(
  db: Db,
  dossier: DossierRow,
  input: RatingInput,
  actor: { userId: string | null; role: string | null },
  now: Date,
): Promise<{ rating: RatingView; created: boolean }> {
  if (!canBeRated(dossier.status))
    throw new DomainError('CONFLICT', {
      vi: 'Hồ sơ chưa kết thúc: có thể đánh giá sau khi nhận kết quả (hoặc khi hồ sơ kết thúc).',
      en: 'The dossier has not ended yet: rate it once the result is returned (or it has otherwise ended).',
    })
  const issues = valueIssues(input)
  if (issues.length > 0)
    throw new DomainError(
      'UNPROCESSABLE',
      { vi: 'Đánh giá chưa hợp lệ. Vui lòng xem các mục được chỉ ra.', en: 'The rating is not valid.' },
      issues,
    )
  const level = input.level as RatingLevel
  const criteria = input.criteria ?? {}
  const comment = input.comment?.trim() || null
  return withTransaction(db, async (tx) => {
    // the dossier's row first: two first ratings at once queue here, and the second then meets a stale version
    await tx.select({ id: dossiers.id }).from(dossiers).where(eq(dossiers.id, dossier.id)).for('update')
    const [before] = await tx
      .select()
      .from(dossierRatings)
      .where(eq(dossierRatings.dossierId, dossier.id))
      .for('update')
    if (before && !ratingChangeable(before.ratedAt, now))
      throw new DomainError('CONFLICT', {
        vi: `Đánh giá chỉ sửa được trong ${RATING_CHANGE_DAYS} ngày kể từ khi gửi; đánh giá của hồ sơ này đã được ghi nhận.`,
        en: `A rating can be changed only within ${RATING_CHANGE_DAYS} days of giving it; this one is final.`,
      })
    const [row] = before
      ? await tx
          .update(dossierRatings)
          .set({ level, criteria, comment, updatedAt: now })
          .where(eq(dossierRatings.dossierId, dossier.id))
          .returning()
      : await tx
          .insert(dossierRatings)
          .values({ dossierId: dossier.id, level, criteria, comment, ratedAt: now, updatedAt: now })
          .returning()
    await appendEvent(tx, dossier, {
      action: before ? 'ratingChanged' : 'rated',
      actor,
      data: { level, criteria, ...(before ? { before: before.level } : {}) },
      at: now,
    })
    return { rating: viewOf(row!), created: !before }
  })
}

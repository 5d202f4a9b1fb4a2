import { terminalOutcomes } from './definition/model'
import type { Message } from './errors'

// Đánh giá việc giải quyết thủ tục hành chính: Nghị định 61/2018/NĐ-CP (Điều 29–31, sửa đổi bởi Nghị định
// 107/2021/NĐ-CP) lets the applicant rate the handling of a dossier once it has ended, on criteria such as the
// time taken against the legal time, how often they had to come back, the officers' attitude and how public the
// procedure was; the provincial portals ask for one of three levels (Rất hài lòng, Hài lòng, Không hài lòng) on
// the whole and, optionally, on each criterion. Quyết định 766/QĐ-TTg then counts the dislikes in indicator 5.4
// (see statistics/indicators-766.ts). Sources and what is still to verify: docs/satisfaction.md.

/** The official levels, best first. */
export const RATING_LEVELS = {
  verySatisfied: { vi: 'Rất hài lòng', en: 'Very satisfied' },
  satisfied: { vi: 'Hài lòng', en: 'Satisfied' },
  dissatisfied: { vi: 'Không hài lòng', en: 'Dissatisfied' },
} as const satisfies Record<string, Message>

export type RatingLevel = keyof typeof RATING_LEVELS

/** The criteria an applicant may rate besides the whole, each optional. */
export const RATING_CRITERIA = {
  time: {
    vi: 'Thời gian giải quyết so với thời gian quy định',
    en: 'Time taken against the time the law allows',
  },
  contacts: {
    vi: 'Số lần phải liên hệ để hoàn thiện hồ sơ',
    en: 'How often you had to come back to complete the dossier',
  },
  attitude: {
    vi: 'Thái độ, tinh thần phục vụ của cán bộ, công chức',
    en: "The officers' attitude and helpfulness",
  },
  publicity: {
    vi: 'Mức độ công khai thủ tục hành chính',
    en: 'How clearly the procedure was made public',
  },
  online: {
    vi: 'Dịch vụ công trực tuyến (nộp, tra cứu, nhận kết quả)',
    en: 'The online service (filing, tracking, receiving the result)',
  },
} as const satisfies Record<string, Message>

export type RatingCriterion = keyof typeof RATING_CRITERIA

/** The longest comment kept with a rating, in characters. */
export const RATING_COMMENT_MAX = 1000

/**
 * How long after the first rating the applicant may still change it, in days; after that it is final, so that a
 * period's reported satisfaction does not keep moving.
 */
export const RATING_CHANGE_DAYS = 7

const ENDED: ReadonlySet<number> = new Set(Object.values(terminalOutcomes))

/**
 * Whether a dossier in this status has ended (result returned, refused, withdrawn or stopped), so it may be rated.
 * @example canBeRated(10) // true
 */
export const canBeRated = (status: number): boolean => ENDED.has(status)

/**
 * Whether a rating first given at `firstRatedAt` may still be changed at `now`.
 * @example ratingChangeable(new Date('2026-01-01'), new Date('2026-01-05')) // true
 */
export const ratingChangeable = (firstRatedAt: Date, now: Date): boolean =>
  now.getTime() - firstRatedAt.getTime() <= RATING_CHANGE_DAYS * 86_400_000

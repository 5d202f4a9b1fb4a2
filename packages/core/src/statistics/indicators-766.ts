import type { Message } from '../errors'
import type { Figures } from './figures'
import type { CatalogueSummary, ProcedureFigures, RatingCounts } from './views'

// Quyết định 766/QĐ-TTg (23/6/2022) approves the "Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người
// dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công theo thời gian thực trên môi trường điện tử":
// five groups worth 100 points, công khai minh bạch 18, tiến độ kết quả giải quyết 20, số hóa hồ sơ 22, cung cấp dịch
// vụ trực tuyến 22, mức độ hài lòng 18. The points of each indicator inside a group and the thresholds (full points
// from 80 % or 50 %) come from secondary sources (the national portal's scoring as transcribed by public
// implementations) and are marked (verify) in docs/statistics.md, which cites every source. The National Public
// Service Portal computes the official score from the data provinces synchronise to it; this is the same arithmetic
// on our own dossiers, for a unit or the province, to steer by before that score comes out.

export type IndicatorGroup = 'transparency' | 'progress' | 'digitisation' | 'online' | 'satisfaction'

/** An indicator our figures compute. */
export interface ComputedIndicator {
  /** The indicator's number in the national portal's description (1.1 … 5.4), for cross-reference. */
  key: string
  group: IndicatorGroup
  name: Message
  /** A share 0–1, or days for the average time; null when there is nothing to divide by. */
  value: number | null
  unit: 'share' | 'days'
  numerator?: number
  denominator?: number
  /** The most the indicator scores; null: followed without points. */
  maxPoints: number | null
  /** The points the value earns (two decimals); null without points or without a value. */
  points: number | null
  /** How the value is scored, or what it is compared with. */
  rule: Message
  /** Where our computation differs from the national one. */
  note?: Message
}

/** An indicator our data cannot compute, and why. */
export interface MissingIndicator {
  key: string
  group: IndicatorGroup
  name: Message
  maxPoints: number | null
  reason: Message
}

export interface Indicators766 {
  groups: {
    group: IndicatorGroup
    name: Message
    /** The group's points in the decision. */
    maxPoints: number
    /** The points of its indicators we compute, and what they earn. */
    computableMaxPoints: number
    points: number
  }[]
  computed: ComputedIndicator[]
  notComputed: MissingIndicator[]
  /** What the computed indicators earn, out of `computableMaxPoints` of the decision's 100. */
  points: number
  computableMaxPoints: number
  maxPoints: 100
}

export const INDICATOR_GROUPS: { group: IndicatorGroup; name: Message; maxPoints: number }[] = [
  { group: 'transparency', name: { vi: 'Công khai, minh bạch', en: 'Transparency' }, maxPoints: 18 },
  { group: 'progress', name: { vi: 'Tiến độ, kết quả giải quyết', en: 'Progress and results' }, maxPoints: 20 },
  { group: 'digitisation', name: { vi: 'Số hóa hồ sơ', en: 'Digitisation of dossiers' }, maxPoints: 22 },
  { group: 'online', name: { vi: 'Cung cấp dịch vụ trực tuyến', en: 'Online services' }, maxPoints: 22 },
  { group: 'satisfaction', name: { vi: 'Mức độ hài lòng', en: 'Satisfaction' }, maxPoints: 18 },
]

const NATIONAL_DATABASE: Message = {
  vi: 'Đo trên Cơ sở dữ liệu quốc gia về thủ tục hành chính (quyết định công bố, ngày công khai), không có trong hệ thống này.',
  en: 'Measured on the National Database of Administrative Procedures (publication decisions and dates), which this system does not hold.',
}
const NOT_IN_ROLLUP = (what: Message): Message => ({
  vi: `${what.vi} Số liệu thống kê chưa đếm việc này.`,
  en: `${what.en} The statistics do not count it yet.`,
})
const NO_FEEDBACK: Message = {
  vi: 'Hệ thống chưa tiếp nhận phản ánh, kiến nghị và đánh giá mức độ hài lòng của người dân (Hệ thống phản ánh, kiến nghị trên Cổng Dịch vụ công quốc gia).',
  en: "This system does not take citizens' feedback (phản ánh, kiến nghị) or satisfaction ratings: they live in the National Public Service Portal's feedback system.",
}
const NO_NATIONAL_LINK: Message = {
  vi: 'Cần kết nối Cơ sở dữ liệu quốc gia về dân cư, VNeID hoặc kho dữ liệu cá nhân trên Cổng Dịch vụ công quốc gia; hệ thống chưa kết nối.',
  en: "Needs the National Population Database, VNeID or the citizen's data store on the National Public Service Portal; none is connected.",
}

/** The decision's indicators we cannot compute, in its order, with the reason. */
export const MISSING_INDICATORS: MissingIndicator[] = [
  {
    key: '1.1',
    group: 'transparency',
    name: { vi: 'Tỷ lệ TTHC công bố đúng hạn', en: 'Procedures published on time' },
    maxPoints: 6,
    reason: NATIONAL_DATABASE,
  },
  {
    key: '1.2',
    group: 'transparency',
    name: { vi: 'Tỷ lệ TTHC được cập nhật, công khai đúng hạn', en: 'Procedures updated and made public on time' },
    maxPoints: 4,
    reason: NATIONAL_DATABASE,
  },
  {
    key: '1.3',
    group: 'transparency',
    name: {
      vi: 'Tỷ lệ TTHC công khai đầy đủ các bộ phận tạo thành',
      en: 'Procedures published with every required part',
    },
    maxPoints: 2,
    reason: NATIONAL_DATABASE,
  },
  {
    key: '1.4',
    group: 'transparency',
    name: {
      vi: 'Tỷ lệ hồ sơ đồng bộ lên Cổng Dịch vụ công quốc gia',
      en: 'Dossiers synchronised to the national portal',
    },
    maxPoints: 6,
    reason: NOT_IN_ROLLUP({
      vi: 'Việc đồng bộ do plugin đồng bộ Cổng Dịch vụ công quốc gia thực hiện khi được bật.',
      en: 'Synchronisation is done by the national portal sync plugin where it is enabled.',
    }),
  },
  {
    key: '4.1',
    group: 'digitisation',
    name: {
      vi: 'Tỷ lệ hồ sơ có cấp kết quả giải quyết TTHC điện tử',
      en: 'Dossiers whose result is issued electronically',
    },
    maxPoints: 6,
    reason: NOT_IN_ROLLUP({
      vi: 'Tệp kết quả điện tử được lưu theo từng hồ sơ.',
      en: 'Electronic result files are kept on each dossier.',
    }),
  },
  {
    key: '4.2',
    group: 'digitisation',
    name: { vi: 'Tỷ lệ hồ sơ thực hiện số hóa thành phần hồ sơ', en: 'Dossiers whose documents are digitised' },
    maxPoints: 4,
    reason: NOT_IN_ROLLUP({
      vi: 'Tệp thành phần hồ sơ được lưu theo từng hồ sơ; hồ sơ nộp trực tiếp chưa ghi việc số hóa.',
      en: 'Document files are kept on each dossier; counter dossiers do not record their scanning.',
    }),
  },
  {
    key: '4.6',
    group: 'digitisation',
    name: {
      vi: 'Cung cấp dịch vụ chứng thực bản sao điện tử từ bản chính',
      en: 'Electronic certified copies from originals',
    },
    maxPoints: 2,
    reason: {
      vi: 'Hệ thống chưa có dịch vụ chứng thực điện tử.',
      en: 'This system offers no electronic certification.',
    },
  },
  {
    key: '4.3',
    group: 'digitisation',
    name: { vi: 'Tỷ lệ hồ sơ khai thác, sử dụng lại dữ liệu số hóa', en: 'Dossiers reusing digitised data' },
    maxPoints: 2,
    reason: NO_NATIONAL_LINK,
  },
  {
    key: '4.4',
    group: 'digitisation',
    name: {
      vi: 'Tỷ lệ hồ sơ số hóa có kết nối, chia sẻ dữ liệu phục vụ tái sử dụng',
      en: 'Digitised dossiers shared for reuse',
    },
    maxPoints: 4,
    reason: NO_NATIONAL_LINK,
  },
  {
    key: '4.5',
    group: 'digitisation',
    name: {
      vi: 'Ứng dụng dữ liệu dân cư trong giải quyết TTHC (thủ tục và hồ sơ)',
      en: 'Use of population data (procedures and dossiers)',
    },
    maxPoints: 4,
    reason: NO_NATIONAL_LINK,
  },
  {
    key: '3.5',
    group: 'online',
    name: {
      vi: 'Tỷ lệ TTHC có nghĩa vụ tài chính được tích hợp thanh toán trực tuyến, và có giao dịch thanh toán trực tuyến',
      en: 'Procedures with fees payable online, and with online payments made',
    },
    maxPoints: 4,
    reason: NOT_IN_ROLLUP({
      vi: 'Khoản thanh toán qua mã VietQR được ghi vào từng hồ sơ; chỉ số đếm thanh toán qua nền tảng thanh toán của Cổng Dịch vụ công quốc gia.',
      en: "VietQR payments are recorded on each dossier; the indicator counts payments through the national portal's payment platform.",
    }),
  },
  {
    key: '3.6',
    group: 'online',
    name: { vi: 'Tỷ lệ hồ sơ thanh toán trực tuyến', en: 'Dossiers paid online' },
    maxPoints: 6,
    reason: NOT_IN_ROLLUP({
      vi: 'Khoản thanh toán qua mã VietQR được ghi vào từng hồ sơ.',
      en: 'VietQR payments are recorded on each dossier.',
    }),
  },
  {
    key: '5.2',
    group: 'satisfaction',
    name: { vi: 'Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn', en: 'Feedback handled on time' },
    maxPoints: 6,
    reason: NO_FEEDBACK,
  },
  {
    key: '5.3',
    group: 'satisfaction',
    name: { vi: 'Tỷ lệ hài lòng trong xử lý phản ánh, kiến nghị', en: 'Satisfaction with feedback handling' },
    maxPoints: 6,
    reason: NO_FEEDBACK,
  },
]

const MISSING_5_4: MissingIndicator = {
  key: '5.4',
  group: 'satisfaction',
  name: {
    vi: 'Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC',
    en: 'Satisfaction with reception and handling',
  },
  maxPoints: 6,
  reason: {
    vi: 'Bằng 100% trừ tỷ lệ hồ sơ quá hạn và tỷ lệ hồ sơ bị phản ánh hoặc đánh giá không hài lòng: phần quá hạn có ở chỉ số 2.1, còn đánh giá của người dân chưa được đọc cho số liệu này.',
    en: 'It is 100 % minus the late share and the share with feedback or a dislike: the late part is in indicator 2.1; the ratings were not read for these figures.',
  },
}

const round2 = (n: number): number => Math.round(n * 100) / 100
const ratio = (numerator: number, denominator: number) =>
  denominator > 0 ? { value: numerator / denominator, numerator, denominator } : { value: null, numerator, denominator }
/** The share times the indicator's points. */
const scored = (value: number | null, maxPoints: number): number | null =>
  value === null ? null : round2(value * maxPoints)

/**
 * 5.4: 100 % minus the late share of the resolved dossiers and the share of the ended ones rated "Không hài lòng";
 * the feedback part (phản ánh, kiến nghị) is not recorded here.
 */
function satisfaction(f: Figures, ratings: RatingCounts): ComputedIndicator {
  const ended = f.resolved.total + f.refused + f.withdrawn + f.stopped
  const late = f.resolved.total > 0 ? f.resolved.late / f.resolved.total : 0
  const disliked = ended > 0 ? ratings.dissatisfied / ended : 0
  const value = ended > 0 ? Math.max(0, 1 - late - disliked) : null
  return {
    key: '5.4',
    group: 'satisfaction',
    name: { vi: 'Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC', en: 'Satisfaction with reception and handling' },
    value,
    unit: 'share',
    numerator: ratings.dissatisfied,
    denominator: ended,
    maxPoints: 6,
    points: scored(value, 6),
    rule: {
      vi: `100% trừ tỷ lệ hồ sơ giải quyết quá hạn (${f.resolved.late}/${f.resolved.total}) và tỷ lệ hồ sơ kết thúc bị đánh giá không hài lòng (${ratings.dissatisfied}/${ended}); điểm bằng tỷ lệ nhân 6.`,
      en: `100 % minus the late share of resolved dossiers (${f.resolved.late}/${f.resolved.total}) and the share of ended dossiers rated dissatisfied (${ratings.dissatisfied}/${ended}); points are the share times 6.`,
    },
    note: {
      vi: `Có ${ratings.total} đánh giá trên cổng này. Phản ánh, kiến nghị trên Cổng Dịch vụ công quốc gia chưa được tính.`,
      en: `${ratings.total} ratings given on this portal. Feedback on the National Public Service Portal is not counted.`,
    },
  }
}

/**
 * The Decision 766/QĐ-TTg indicators our figures compute for a unit or the province in a period, with their points,
 * and the ones they cannot compute with the reason.
 * @example indicators766(await unitStatistics(…)).computed[0] // { key: '2.1', value: 0.96, points: 19.2, … }
 */
export function indicators766(input: {
  figures: Figures
  catalogue: CatalogueSummary
  procedures: ProcedureFigures[]
  /** The applicants' ratings (the portal's satisfaction rating): without them 5.4 is among the missing. */
  ratings?: RatingCounts | undefined
}): Indicators766 {
  const { figures: f, catalogue, procedures, ratings } = input
  const timely = ratio(
    f.resolved.early + f.resolved.onTime + f.inProgress.inTime,
    f.resolved.total + f.inProgress.total,
  )
  const full = procedures.filter((p) => p.onlineMode === 'full')
  const fullOnline = ratio(
    full.reduce((n, p) => n + p.figures.received.online, 0),
    full.reduce((n, p) => n + p.figures.received.total, 0),
  )
  const offered = catalogue.full + catalogue.partial
  // a procedure whose dossiers count here but which the unit no longer offers must not push the share past 1
  const used = ratio(
    Math.min(offered, procedures.filter((p) => p.onlineMode !== 'none' && p.figures.received.online > 0).length),
    offered,
  )
  const onlineShare = ratio(f.received.online, f.received.total)
  const computed: ComputedIndicator[] = [
    {
      key: '2.1',
      group: 'progress',
      name: { vi: 'Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn', en: 'Dossiers handled early or on time' },
      ...timely,
      unit: 'share',
      maxPoints: 20,
      points: scored(timely.value, 20),
      rule: {
        vi: 'Hồ sơ đã giải quyết trước hạn, đúng hạn và hồ sơ đang giải quyết trong hạn trên tổng số hồ sơ đã và đang giải quyết; điểm bằng tỷ lệ nhân 20.',
        en: 'Dossiers resolved early or on time and those in progress within time, over all resolved and in progress; points are the share times 20.',
      },
      note: {
        vi: 'Cổng Dịch vụ công quốc gia còn tính hồ sơ bị từ chối, rút, dừng xử lý theo thời điểm kết thúc; ở đây chỉ tính hồ sơ có kết quả và hồ sơ đang giải quyết.',
        en: 'The national portal also judges refused, withdrawn and stopped dossiers by when they ended; here only resolved and open dossiers count.',
      },
    },
    {
      key: '2.2',
      group: 'progress',
      name: { vi: 'Thời gian giải quyết trung bình', en: 'Average processing time' },
      value: f.time.averageDays,
      unit: 'days',
      maxPoints: null,
      points: null,
      rule: {
        vi: `So với thời hạn luật định trung bình ${f.time.legalAverageDays ?? '—'} ngày; không tính điểm.`,
        en: `Against the legal time, on average ${f.time.legalAverageDays ?? '—'} days; no points.`,
      },
    },
    {
      key: '3.1',
      group: 'online',
      name: {
        vi: 'Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến (toàn trình, một phần)',
        en: 'Procedures offered online (fully or partly)',
      },
      ...ratio(offered, catalogue.procedures),
      unit: 'share',
      maxPoints: null,
      points: null,
      rule: {
        vi: `Mục tiêu 80% (mục tiêu của tỉnh ${Math.round(catalogue.target * 100)}%); không tính điểm.`,
        en: `Target 80 % (the province's target ${Math.round(catalogue.target * 100)} %); no points.`,
      },
    },
    {
      key: '3.2',
      group: 'online',
      name: {
        vi: 'Tỷ lệ dịch vụ công trực tuyến có phát sinh hồ sơ trực tuyến',
        en: 'Online services with at least one online dossier',
      },
      ...used,
      unit: 'share',
      maxPoints: null,
      points: null,
      rule: { vi: 'Mục tiêu 80%; không tính điểm.', en: 'Target 80 %; no points.' },
    },
    {
      key: '3.3',
      group: 'online',
      name: { vi: 'Tỷ lệ hồ sơ nộp trực tuyến', en: 'Dossiers filed online' },
      ...onlineShare,
      unit: 'share',
      maxPoints: null,
      points: null,
      rule: { vi: 'Mục tiêu 50%; không tính điểm.', en: 'Target 50 %; no points.' },
      note: {
        vi: 'Cổng Dịch vụ công quốc gia chỉ tính là trực tuyến khi kết quả cũng được cấp bản điện tử (với TTHC trả kết quả bằng giấy tờ).',
        en: 'The national portal counts a dossier as online only if its result is also issued electronically (where the result is a paper).',
      },
    },
    {
      key: '3.4',
      group: 'online',
      name: {
        vi: 'Tỷ lệ hồ sơ trực tuyến của TTHC cung cấp dịch vụ công trực tuyến toàn trình',
        en: 'Online dossiers of procedures offered fully online',
      },
      ...fullOnline,
      unit: 'share',
      maxPoints: 12,
      points: scored(fullOnline.value, 12),
      rule: {
        vi: 'Hồ sơ nộp trực tuyến trên tổng số hồ sơ của các TTHC cung cấp toàn trình; điểm bằng tỷ lệ nhân 12.',
        en: 'Online dossiers over all dossiers of the procedures offered fully online; points are the share times 12.',
      },
    },
  ]
  if (ratings) computed.push(satisfaction(f, ratings))
  const groups = INDICATOR_GROUPS.map((g) => {
    const mine = computed.filter((i) => i.group === g.group && i.maxPoints !== null)
    return {
      ...g,
      computableMaxPoints: mine.reduce((n, i) => n + i.maxPoints!, 0),
      points: round2(mine.reduce((n, i) => n + (i.points ?? 0), 0)),
    }
  })
  return {
    groups,
    computed,
    notComputed: ratings ? MISSING_INDICATORS : [...MISSING_INDICATORS, MISSING_5_4],
    points: round2(groups.reduce((n, g) => n + g.points, 0)),
    computableMaxPoints: groups.reduce((n, g) => n + g.computableMaxPoints, 0),
    maxPoints: 100,
  }
}

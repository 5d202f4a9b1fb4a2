// Âm lịch Việt Nam: Hồ Ngọc Đức's algorithm ("Computing the Vietnamese lunar calendar"), astronomical new moons
// and solar terms reckoned at UTC+07:00. It differs from the Chinese calendar (UTC+08:00) in some years, e.g.
// Tết 1985 (Vietnam 21/1, China 20/2). Accurate for roughly 1800–2199.

const TZ = 7
const { floor, sin, PI } = Math
const dr = PI / 180

/** A Gregorian date. */
export interface SolarDate {
  year: number
  month: number
  day: number
}

/** A Vietnamese lunar date; `leap` marks a leap month (tháng nhuận). */
export interface LunarDate extends SolarDate {
  leap: boolean
}

function jdFromDate(dd: number, mm: number, yy: number): number {
  const a = floor((14 - mm) / 12)
  const y = yy + 4800 - a
  const m = mm + 12 * a - 3
  const jd = dd + floor((153 * m + 2) / 5) + 365 * y + floor(y / 4) - floor(y / 100) + floor(y / 400) - 32045
  return jd < 2299161 ? dd + floor((153 * m + 2) / 5) + 365 * y + floor(y / 4) - 32083 : jd
}

function jdToDate(jd: number): SolarDate {
  let b = 0
  let c = jd + 32082
  if (jd > 2299160) {
    const a = jd + 32044
    b = floor((4 * a + 3) / 146097)
    c = a - floor((b * 146097) / 4)
  }
  const d = floor((4 * c + 3) / 1461)
  const e = c - floor((1461 * d) / 4)
  const m = floor((5 * e + 2) / 153)
  return {
    day: e - floor((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * floor(m / 10),
    year: b * 100 + d - 4800 + floor(m / 10),
  }
}

/** Julian day (fractional) of the k-th new moon after 1900-01-01. */
function newMoon(k: number): number {
  const T = k / 1236.85
  const T2 = T * T
  const T3 = T2 * T
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3
  jd1 += 0.00033 * sin((166.56 + 132.87 * T - 0.009173 * T2) * dr)
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3
  let c1 = (0.1734 - 0.000393 * T) * sin(M * dr) + 0.0021 * sin(2 * dr * M)
  c1 = c1 - 0.4068 * sin(Mpr * dr) + 0.0161 * sin(dr * 2 * Mpr)
  c1 = c1 - 0.0004 * sin(dr * 3 * Mpr)
  c1 = c1 + 0.0104 * sin(dr * 2 * F) - 0.0051 * sin(dr * (M + Mpr))
  c1 = c1 - 0.0074 * sin(dr * (M - Mpr)) + 0.0004 * sin(dr * (2 * F + M))
  c1 = c1 - 0.0004 * sin(dr * (2 * F - M)) - 0.0006 * sin(dr * (2 * F + Mpr))
  c1 = c1 + 0.001 * sin(dr * (2 * F - Mpr)) + 0.0005 * sin(dr * (2 * Mpr + M))
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2
  return jd1 + c1 - deltaT
}

/** Sun's apparent longitude in radians [0, 2π) at a Julian day. */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525
  const T2 = T * T
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * sin(dr * M)
  DL += (0.019993 - 0.000101 * T) * sin(dr * 2 * M) + 0.00029 * sin(dr * 3 * M)
  const L = (L0 + DL) * dr
  return L - PI * 2 * floor(L / (PI * 2))
}

/** Which of the 12 thirty-degree sectors the sun is in at local midnight starting that day. */
const getSunLongitude = (dayNumber: number): number => floor((sunLongitude(dayNumber - 0.5 - TZ / 24) / PI) * 6)

/** Julian day number of the local day of the k-th new moon. */
const getNewMoonDay = (k: number): number => floor(newMoon(k) + 0.5 + TZ / 24)

/** Julian day of the start of lunar month 11 (the month with the winter solstice) of a solar year. */
function getLunarMonth11(yy: number): number {
  const k = floor((jdFromDate(31, 12, yy) - 2415021) / 29.530588853)
  const nm = getNewMoonDay(k)
  return getSunLongitude(nm) >= 9 ? getNewMoonDay(k - 1) : nm
}

/** Offset (in months after month 11) of the leap month: the first month with no major solar term. */
function getLeapMonthOffset(a11: number): number {
  const k = floor((a11 - 2415021.076998695) / 29.530588853 + 0.5)
  let i = 1
  let arc = getSunLongitude(getNewMoonDay(k + i))
  let last: number
  do {
    last = arc
    i++
    arc = getSunLongitude(getNewMoonDay(k + i))
  } while (arc !== last && i < 14)
  return i - 1
}

function checkInteger(name: string, v: number, min: number, max: number): void {
  if (!Number.isInteger(v) || v < min || v > max)
    throw new RangeError(`${name} must be an integer in ${min}..${max}, got ${v}`)
}

/**
 * Convert a Gregorian date to the Vietnamese lunar date.
 * @example solarToLunar(17, 2, 2026) // { year: 2026, month: 1, day: 1, leap: false } (Tết Bính Ngọ)
 */
export function solarToLunar(day: number, month: number, year: number): LunarDate {
  checkInteger('year', year, 1, 9999)
  checkInteger('month', month, 1, 12)
  checkInteger('day', day, 1, 31)
  const dayNumber = jdFromDate(day, month, year)
  const back = jdToDate(dayNumber)
  if (back.day !== day || back.month !== month) throw new RangeError(`${year}-${month}-${day} is not a date`)
  const k = floor((dayNumber - 2415021.076998695) / 29.530588853)
  let monthStart = getNewMoonDay(k + 1)
  if (monthStart > dayNumber) monthStart = getNewMoonDay(k)
  let a11 = getLunarMonth11(year)
  let b11 = a11
  let lunarYear: number
  if (a11 >= monthStart) {
    lunarYear = year
    a11 = getLunarMonth11(year - 1)
  } else {
    lunarYear = year + 1
    b11 = getLunarMonth11(year + 1)
  }
  const diff = floor((monthStart - a11) / 29)
  let lunarMonth = diff + 11
  let leap = false
  if (b11 - a11 > 365) {
    const leapDiff = getLeapMonthOffset(a11)
    if (diff >= leapDiff) {
      lunarMonth = diff + 10
      leap = diff === leapDiff
    }
  }
  if (lunarMonth > 12) lunarMonth -= 12
  if (lunarMonth >= 11 && diff < 4) lunarYear -= 1
  return { year: lunarYear, month: lunarMonth, day: dayNumber - monthStart + 1, leap }
}

/**
 * Convert a Vietnamese lunar date to Gregorian; throws RangeError for a date that does not exist.
 * @example lunarToSolar(10, 3, 2025) // { year: 2025, month: 4, day: 7 } (Giỗ Tổ Hùng Vương)
 */
export function lunarToSolar(day: number, month: number, year: number, leap = false): SolarDate {
  checkInteger('year', year, 1, 9999)
  checkInteger('month', month, 1, 12)
  checkInteger('day', day, 1, 30)
  const [a11, b11] =
    month < 11 ? [getLunarMonth11(year - 1), getLunarMonth11(year)] : [getLunarMonth11(year), getLunarMonth11(year + 1)]
  const k = floor(0.5 + (a11 - 2415021.076998695) / 29.530588853)
  let off = month - 11
  if (off < 0) off += 12
  if (b11 - a11 > 365) {
    const leapOff = getLeapMonthOffset(a11)
    let leapMonth = leapOff - 2
    if (leapMonth < 0) leapMonth += 12
    if (leap && month !== leapMonth) throw new RangeError(`Lunar year ${year} has no leap month ${month}`)
    if (leap || off >= leapOff) off += 1
  } else if (leap) throw new RangeError(`Lunar year ${year} has no leap month`)
  const solar = jdToDate(getNewMoonDay(k + off) + day - 1)
  const check = solarToLunar(solar.day, solar.month, solar.year)
  if (check.day !== day || check.month !== month || check.leap !== leap) {
    throw new RangeError(`Lunar month ${month}${leap ? ' (leap)' : ''} of ${year} has no day ${day}`)
  }
  return solar
}

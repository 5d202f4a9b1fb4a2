import type { Message } from '../errors'
import { CCCD_PROVINCE_CODES } from './province-codes'
import { isVnTaxCode } from './tax-code'

// What exactly is wrong with a value that fails one of the formats a citizen types most (dates, identity numbers,
// phones, tax codes): "you typed 10 digits", "31/02 is not a real day", rather than only the rule. Each returns
// undefined when it cannot tell, and the format's general hint is shown instead.

type Problem = (value: string) => Message | undefined

/** Spaces, dots and dashes people put between groups of digits ("0 3 7 0 9…", "037.090…"). */
export const DIGIT_SEPARATORS = /[\s.\-‐-―]/g

const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/
const YMD = /^(\d{4})-(\d{2})-(\d{2})$/
const PARTIAL_DMY = /^\d{1,2}(?:\/\d{0,2}(?:\/\d{0,3})?)?$/
const MONTHS = 'January February March April May June July August September October November December'.split(' ')

const pad = (n: number) => String(n).padStart(2, '0')
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()

function dateProblem(value: string): Message | undefined {
  const text = value.trim()
  const dmy = DMY.exec(text)
  const ymd = dmy ? null : YMD.exec(text)
  if (!dmy && !ymd) {
    if (PARTIAL_DMY.test(text))
      return {
        vi: 'Ngày chưa đủ: vui lòng nhập đủ ngày, tháng và năm (4 chữ số), ví dụ 05/03/1997',
        en: 'The date is incomplete: please enter the day, the month and a 4-digit year, e.g. 05/03/1997',
      }
    return undefined
  }
  const [day, month, year] = dmy
    ? [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])]
    : [Number(ymd![3]), Number(ymd![2]), Number(ymd![1])]
  const shown = `${pad(day)}/${pad(month)}`
  if (month < 1 || month > 12)
    return {
      vi: `Tháng ${pad(month)} không có thật: tháng chỉ từ 01 đến 12`,
      en: `There is no month ${pad(month)}: months run from 01 to 12`,
    }
  if (day < 1) return { vi: 'Ngày 00 không có thật: ngày bắt đầu từ 01', en: 'There is no day 00: days start at 01' }
  const last = daysIn(year, month)
  if (day <= last) return undefined
  if (month === 2 && day === 29)
    return {
      vi: `Ngày 29/02/${year} không có thật: năm ${year} không phải năm nhuận, tháng 2 chỉ có 28 ngày`,
      en: `29/02/${year} is not a real date: ${year} is not a leap year, so February has 28 days`,
    }
  if (month === 2)
    return {
      vi: `Ngày ${shown} không có thật: tháng 2 chỉ có 28 hoặc 29 ngày`,
      en: `${shown} is not a real date: February has only 28 or 29 days`,
    }
  return {
    vi: `Ngày ${shown} không có thật: tháng ${month} chỉ có ${last} ngày`,
    en: `${shown} is not a real date: ${MONTHS[month - 1]} has only ${last} days`,
  }
}

/** The value without separators, or a message naming the first character that is not a digit. */
function digitsOf(value: string, what: Message): { digits: string } | { problem: Message } {
  const digits = value.replace(DIGIT_SEPARATORS, '')
  const stray = /\D/u.exec(digits)?.[0]
  if (stray === undefined) return { digits }
  return {
    problem: {
      vi: `${what.vi} chỉ gồm chữ số: vui lòng bỏ ký tự “${stray}”`,
      en: `${what.en} has only digits: please remove “${stray}”`,
    },
  }
}

const typed = (count: number): Message => ({
  vi: `bạn đã nhập ${count} chữ số`,
  en: `you typed ${count === 1 ? '1 digit' : `${count} digits`}`,
})

const separated: Message = {
  vi: 'Vui lòng nhập các chữ số liền nhau, không có dấu cách, dấu chấm hay gạch ngang',
  en: 'Please type the digits together, without spaces, dots or dashes',
}

const CCCD: Message = { vi: 'Số căn cước', en: 'A citizen identity (căn cước) number' }

function cccdProblem(value: string): Message | undefined {
  const found = digitsOf(value, CCCD)
  if ('problem' in found) return found.problem
  const { digits } = found
  if (digits.length === 9)
    return {
      vi: 'Bạn đã nhập 9 chữ số, như số chứng minh nhân dân cũ: số căn cước gồm 12 chữ số, in trên thẻ căn cước',
      en: 'You typed 9 digits, like an old identity card (CMND) number: a căn cước number has 12 digits, printed on the card',
    }
  if (digits.length !== 12) {
    const count = typed(digits.length)
    return {
      vi: `Số căn cước gồm 12 chữ số; ${count.vi}`,
      en: `A citizen identity (căn cước) number has 12 digits; ${count.en}`,
    }
  }
  const province = digits.slice(0, 3)
  if (!Object.hasOwn(CCCD_PROVINCE_CODES, province))
    return {
      vi: `3 số đầu “${province}” không phải mã tỉnh, thành phố nào; vui lòng kiểm tra lại số trên thẻ`,
      en: `The first 3 digits “${province}” are not the code of any province or city; please check the number on the card`,
    }
  return digits !== value ? separated : undefined
}

function cmndProblem(value: string): Message | undefined {
  const found = digitsOf(value, { vi: 'Số chứng minh nhân dân', en: 'An identity card (CMND) number' })
  if ('problem' in found) return found.problem
  const { digits } = found
  if (digits.length !== 9) {
    const count = typed(digits.length)
    return {
      vi: `Số chứng minh nhân dân gồm 9 chữ số; ${count.vi}`,
      en: `An identity card (CMND) number has 9 digits; ${count.en}`,
    }
  }
  return digits !== value ? separated : undefined
}

// A phone number as national digits (+84 and 84 in front become 0), or what is wrong with its characters.
function phoneDigits(value: string): { digits: string; international: boolean } | { problem: Message } {
  const international = /^\s*\+/.test(value)
  const found = digitsOf(value.replace(/^\s*\+/, ''), { vi: 'Số điện thoại', en: 'A phone number' })
  if ('problem' in found) return found
  const { digits } = found
  if (international || digits.startsWith('84')) return { digits: `0${digits.slice(2)}`, international: true }
  return { digits, international: false }
}

function mobileProblem(value: string, landlineToo: boolean): Message | undefined {
  const found = phoneDigits(value)
  if ('problem' in found) return found.problem
  const { digits, international } = found
  const landline = digits.startsWith('02')
  if (landline && !landlineToo)
    return {
      vi: 'Đây là số máy cố định (bắt đầu bằng 02): vui lòng nhập số điện thoại di động, bắt đầu bằng 03, 05, 07, 08 hoặc 09',
      en: 'This is a landline (starting with 02): please enter a mobile number, starting with 03, 05, 07, 08 or 09',
    }
  if (!/^0[235789]/.test(digits) && digits.length > 1)
    return {
      vi: `Số điện thoại ở Việt Nam bắt đầu bằng 03, 05, 07, 08 hoặc 09${landlineToo ? ' (di động) hoặc 02 (cố định)' : ''}; số bạn nhập bắt đầu bằng ${digits.slice(0, 2)}`,
      en: `Vietnamese ${landlineToo ? 'phone' : 'mobile'} numbers start with 03, 05, 07, 08 or 09${landlineToo ? ' (mobile) or 02 (landline)' : ''}; yours starts with ${digits.slice(0, 2)}`,
    }
  const expected = landline ? 11 : 10
  if (digits.length === expected || international) return undefined
  const count = typed(digits.length)
  return landline
    ? { vi: `Số máy cố định gồm 11 chữ số; ${count.vi}`, en: `A landline number has 11 digits; ${count.en}` }
    : { vi: `Số điện thoại di động gồm 10 chữ số; ${count.vi}`, en: `A mobile number has 10 digits; ${count.en}` }
}

function taxCodeProblem(value: string): Message | undefined {
  // the hyphen before a branch number is part of the code: only spaces and dots are dropped here
  const text = value.replace(/[\s.]/g, '')
  const [base = '', branch, ...more] = text.split('-')
  const found = digitsOf(base + (branch ?? ''), { vi: 'Mã số thuế', en: 'A tax code' })
  if ('problem' in found) return found.problem
  const count = found.digits.length
  if (more.length > 0 || (count !== 10 && count !== 13) || base.length !== 10) {
    const shown = typed(count)
    return {
      vi: `Mã số thuế gồm 10 chữ số, hoặc 13 chữ số với đơn vị phụ thuộc (0100109106-001); ${shown.vi}`,
      en: `A tax code has 10 digits, or 13 for a branch (0100109106-001); ${shown.en}`,
    }
  }
  if (isVnTaxCode(text)) return text !== value ? separated : undefined
  // a sequence or a branch of zeros: the general rule says it
  if (base.slice(2, 9) === '0000000' || branch === '000') return undefined
  return {
    vi: 'Chữ số thứ 10 (chữ số kiểm tra) không khớp với 9 chữ số trước nó: vui lòng kiểm tra lại từng chữ số',
    en: 'The 10th digit (a check digit) does not match the 9 before it: please check each digit',
  }
}

const problems: Readonly<Record<string, Problem>> = {
  date: dateProblem,
  cccd: cccdProblem,
  cmnd: cmndProblem,
  'vn-mobile': (value) => mobileProblem(value, false),
  'vn-phone': (value) => mobileProblem(value, true),
  'vn-tax-code': taxCodeProblem,
}

/**
 * What exactly is wrong with `value` for `format` (one of date, cccd, cmnd, vn-mobile, vn-phone, vn-tax-code), or
 * undefined when there is nothing more precise to say than the format's rule.
 * @example valueProblem('cccd', '099123456789')?.vi // '3 số đầu “099” không phải mã tỉnh, thành phố nào; …'
 */
export function valueProblem(format: string, value: unknown): Message | undefined {
  if (typeof value !== 'string' || value.trim() === '' || !Object.hasOwn(problems, format)) return undefined
  return problems[format]!(value)
}

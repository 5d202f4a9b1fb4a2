import type { Message } from '../errors'
import { valueProblem } from './value-problems'

/**
 * A friendly name for every format a form may use: ajv-formats', motcua's, and @rjsf's `data-url` and `color`.
 * @example formatLabels.email.vi // 'địa chỉ email'
 */
export const formatLabels: Readonly<Record<string, Message>> = {
  date: { vi: 'ngày (dd/mm/yyyy)', en: 'date (dd/mm/yyyy)' },
  time: { vi: 'giờ (hh:mm:ss)', en: 'time (hh:mm:ss)' },
  'iso-time': { vi: 'giờ (hh:mm:ss)', en: 'time (hh:mm:ss)' },
  'date-time': { vi: 'ngày giờ', en: 'date and time' },
  'iso-date-time': { vi: 'ngày giờ', en: 'date and time' },
  duration: { vi: 'khoảng thời gian', en: 'duration' },
  uri: { vi: 'địa chỉ trang web (URL)', en: 'web address (URL)' },
  url: { vi: 'địa chỉ trang web (URL)', en: 'web address (URL)' },
  'uri-reference': { vi: 'đường dẫn', en: 'link' },
  'uri-template': { vi: 'mẫu đường dẫn', en: 'link template' },
  email: { vi: 'địa chỉ email', en: 'email address' },
  hostname: { vi: 'tên miền', en: 'domain name' },
  ipv4: { vi: 'địa chỉ IPv4', en: 'IPv4 address' },
  ipv6: { vi: 'địa chỉ IPv6', en: 'IPv6 address' },
  regex: { vi: 'biểu thức chính quy', en: 'regular expression' },
  uuid: { vi: 'mã UUID', en: 'UUID' },
  'json-pointer': { vi: 'con trỏ JSON', en: 'JSON pointer' },
  'json-pointer-uri-fragment': { vi: 'con trỏ JSON dạng URI', en: 'JSON pointer (URI fragment)' },
  'relative-json-pointer': { vi: 'con trỏ JSON tương đối', en: 'relative JSON pointer' },
  byte: { vi: 'dữ liệu mã hóa base64', en: 'base64-encoded data' },
  int32: { vi: 'số nguyên 32 bit', en: '32-bit whole number' },
  int64: { vi: 'số nguyên 64 bit', en: '64-bit whole number' },
  float: { vi: 'số thực', en: 'decimal number' },
  double: { vi: 'số thực', en: 'decimal number' },
  password: { vi: 'mật khẩu', en: 'password' },
  binary: { vi: 'dữ liệu nhị phân', en: 'binary data' },
  'data-url': { vi: 'tệp đính kèm', en: 'attached file' },
  color: { vi: 'mã màu', en: 'colour' },
  cccd: { vi: 'số căn cước', en: 'citizen identity (căn cước) number' },
  cmnd: { vi: 'số chứng minh nhân dân', en: 'identity card (CMND) number' },
  'vn-mobile': { vi: 'số điện thoại di động', en: 'mobile phone number' },
  'vn-phone': { vi: 'số điện thoại', en: 'phone number' },
  'vn-tax-code': { vi: 'mã số thuế', en: 'tax code' },
  vnd: { vi: 'số tiền (đồng)', en: 'amount in đồng' },
}

// Formats whose rule a citizen needs spelled out, with an example, rather than just named.
const formatHints: Readonly<Record<string, Message>> = {
  cccd: {
    vi: 'Số căn cước gồm 12 chữ số, ví dụ 022098001234',
    en: 'A citizen identity (căn cước) number has 12 digits, e.g. 022098001234',
  },
  cmnd: {
    vi: 'Số chứng minh nhân dân gồm 9 chữ số, ví dụ 123456789',
    en: 'An identity card (CMND) number has 9 digits, e.g. 123456789',
  },
  'vn-mobile': {
    vi: 'Số điện thoại di động gồm 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09, ví dụ 0912 345 678',
    en: 'A mobile number has 10 digits starting with 03, 05, 07, 08 or 09, e.g. 0912 345 678',
  },
  'vn-phone': {
    vi: 'Vui lòng nhập số di động (10 chữ số, ví dụ 0912 345 678) hoặc số cố định (11 chữ số, ví dụ 0203 3835 123)',
    en: 'Please enter a mobile number (10 digits, e.g. 0912 345 678) or a landline (11 digits, e.g. 0203 3835 123)',
  },
  'vn-tax-code': {
    vi: 'Mã số thuế gồm 10 chữ số, hoặc 13 chữ số với đơn vị phụ thuộc (ví dụ 0100109106 hoặc 0100109106-001); vui lòng kiểm tra lại từng chữ số',
    en: 'A tax code has 10 digits, or 13 for a branch (e.g. 0100109106 or 0100109106-001); please check each digit',
  },
  vnd: {
    vi: 'Số tiền phải là số nguyên đồng, không âm và không quá 1.000.000.000.000.000 đồng',
    en: 'The amount must be a whole number of đồng, not negative and at most 1,000,000,000,000,000 đồng',
  },
  email: {
    vi: 'Vui lòng nhập địa chỉ email hợp lệ, ví dụ ten@example.com',
    en: 'Please enter a valid email address, e.g. name@example.com',
  },
}

/**
 * What to tell a citizen whose `value` fails `format`: what exactly is wrong with it when that can be told (31/02,
 * 10 digits typed, an unknown province code), else the rule with an example, or "please enter a valid …".
 * @example formatMessage('date').vi // 'Vui lòng nhập ngày (dd/mm/yyyy) hợp lệ'
 */
export function formatMessage(format: unknown, value?: unknown): Message {
  const name = String(format)
  const problem = valueProblem(name, value)
  if (problem !== undefined) return problem
  const hint = formatHints[name]
  if (hint !== undefined) return hint
  const label = formatLabels[name]
  if (label !== undefined) return { vi: `Vui lòng nhập ${label.vi} hợp lệ`, en: `Please enter a valid ${label.en}` }
  return {
    vi: `Giá trị chưa đúng định dạng “${name}”, vui lòng kiểm tra lại`,
    en: `This is not in the expected format “${name}”; please check it`,
  }
}

import type { ErrorObject } from 'ajv'
import type { Message } from '../errors'
import { DATE_RULES_KEYWORD, dateRuleMessage } from './date-rules'
import { formatMessage } from './format-labels'
import { limitMessages } from './limit-messages'
import { showNumber } from './text'
import { typeMessage } from './type-message'

type MessageFor = (error: ErrorObject) => Message

const notInForm: Message = {
  vi: 'Thông tin này không có trong mẫu đơn, vui lòng bỏ đi',
  en: 'This field is not part of the form; please remove it',
}
const requiredWithOther: Message = {
  vi: 'Vui lòng nhập thông tin này (bắt buộc khi đã điền mục liên quan)',
  en: 'Please fill in this field; it is required when a related field is filled in',
}

/** Fallback for a keyword with no message of its own (a custom keyword, a future ajv one). */
export const GENERIC_MESSAGE: Message = {
  vi: 'Thông tin này chưa hợp lệ, vui lòng kiểm tra lại',
  en: 'This value is not valid; please check it',
}

function constMessage(error: ErrorObject): Message {
  const allowed: unknown = error.params.allowedValue
  // `const: true` is how a form asks to tick "Tôi xin cam đoan…".
  if (allowed === true) return { vi: 'Vui lòng đánh dấu để xác nhận', en: 'Please tick this box to confirm' }
  if (typeof allowed === 'string' || typeof allowed === 'number') {
    // The exact value to enter, so no digit grouping.
    return { vi: `Giá trị phải là “${allowed}”`, en: `The value must be “${allowed}”` }
  }
  return { vi: 'Giá trị này không đúng với giá trị yêu cầu', en: 'This value does not match the required value' }
}

function containsMessage(error: ErrorObject): Message {
  const min: unknown = error.params.minContains ?? 1
  const max: unknown = error.params.maxContains
  if (max !== undefined) {
    return {
      vi: `Danh sách cần có từ ${showNumber(min, 'vi')} đến ${showNumber(max, 'vi')} mục đáp ứng yêu cầu`,
      en: `The list must contain between ${showNumber(min, 'en')} and ${showNumber(max, 'en')} matching items`,
    }
  }
  if (min === 1)
    return {
      vi: 'Danh sách cần có ít nhất một mục đáp ứng yêu cầu',
      en: 'The list must contain at least one matching item',
    }
  return {
    vi: `Danh sách cần có ít nhất ${showNumber(min, 'vi')} mục đáp ứng yêu cầu`,
    en: `The list must contain at least ${showNumber(min, 'en')} matching items`,
  }
}

function uniqueItemsMessage(error: ErrorObject): Message {
  const [first, second] = [Number(error.params.j) + 1, Number(error.params.i) + 1].sort((a, b) => a - b)
  return {
    vi: `Mục thứ ${first} và mục thứ ${second} bị trùng nhau, vui lòng sửa hoặc bỏ bớt một mục`,
    en: `Items ${first} and ${second} are the same; please change or remove one of them`,
  }
}

function oneOfMessage(error: ErrorObject): Message {
  // ajv sets `passingSchemas` to the indexes that matched when more than one did, and to null when none did.
  if (Array.isArray(error.params.passingSchemas)) {
    return {
      vi: 'Thông tin khớp với nhiều phương án cùng lúc, vui lòng chỉ chọn một phương án',
      en: 'This matches more than one option; please choose only one',
    }
  }
  return {
    vi: 'Thông tin chưa khớp với phương án nào được phép, vui lòng kiểm tra lại',
    en: "This doesn't match any of the allowed options; please check it",
  }
}

const keywordMessages: Readonly<Record<string, MessageFor>> = {
  ...limitMessages,
  required: () => ({ vi: 'Vui lòng nhập thông tin bắt buộc này', en: 'Please fill in this required field' }),
  dependentRequired: () => requiredWithOther,
  dependencies: () => requiredWithOther,
  patternRequired: () => ({
    vi: 'Còn thiếu thông tin bắt buộc theo mẫu đơn',
    en: 'A field the form requires is missing',
  }),
  additionalProperties: () => notInForm,
  unevaluatedProperties: () => notInForm,
  propertyNames: (error) => ({
    vi: `Tên mục “${String(error.params.propertyName)}” không hợp lệ`,
    en: `The field name “${String(error.params.propertyName)}” is not allowed`,
  }),
  'false schema': () => ({ vi: 'Không được nhập thông tin này', en: 'This field must be left out' }),
  type: (error) => typeMessage(error.params.type),
  // `data`: the value, when ajv runs `verbose` (createAjv does)
  format: (error) => formatMessage(error.params.format, error.data),
  pattern: () => ({
    vi: 'Giá trị chưa đúng định dạng yêu cầu, vui lòng kiểm tra lại',
    en: 'This is not in the required format; please check it',
  }),
  enum: () => ({ vi: 'Vui lòng chọn một trong các giá trị cho phép', en: 'Please choose one of the allowed values' }),
  const: constMessage,
  contains: containsMessage,
  uniqueItems: uniqueItemsMessage,
  anyOf: () => ({
    vi: 'Vui lòng điền thông tin theo một trong các phương án cho phép',
    en: 'Please fill this in according to one of the allowed options',
  }),
  oneOf: oneOfMessage,
  not: () => ({
    vi: 'Giá trị này không được chấp nhận, vui lòng nhập giá trị khác',
    en: 'This value is not accepted; please enter a different one',
  }),
  if: () => ({
    vi: 'Thông tin chưa đáp ứng điều kiện theo các lựa chọn khác của bạn, vui lòng kiểm tra các mục liên quan',
    en: 'This does not meet the conditions set by your other answers; please check the related fields',
  }),
  discriminator: (error) =>
    error.params.error === 'mapping'
      ? { vi: 'Loại đã chọn không hợp lệ, vui lòng chọn lại', en: 'The chosen type is not valid; please choose again' }
      : { vi: 'Vui lòng chọn loại', en: 'Please choose a type' },
  [DATE_RULES_KEYWORD]: dateRuleMessage,
  // ajv-errors: the schema author already wrote the message; keep it.
  errorMessage: (error) => (error.message ? { vi: error.message, en: error.message } : GENERIC_MESSAGE),
}

/**
 * The Vietnamese and English message for one ajv error, in words a citizen can act on.
 * @example ajvErrorMessage(validate.errors[0]).vi // 'Cần ít nhất 3 ký tự'
 */
export function ajvErrorMessage(error: ErrorObject): Message {
  const messageFor = Object.hasOwn(keywordMessages, error.keyword) ? keywordMessages[error.keyword] : undefined
  // A copy, so that a caller editing one issue's message cannot change the shared texts.
  return { ...(messageFor?.(error) ?? GENERIC_MESSAGE) }
}

import type { ErrorObject } from 'ajv'
import type { Message } from '../errors'
import { isIsoDate, plural, showDate, showNumber } from './text'

type MessageFor = (error: ErrorObject) => Message

const limitOf = (error: ErrorObject): unknown => error.params.limit

const vi = (value: unknown) => showNumber(value, 'vi')
const en = (value: unknown) => showNumber(value, 'en')

function decimalPlaces(step: number): number | undefined {
  for (let places = 1; places <= 15; places++) if (Math.abs(step * 10 ** places - 1) < 1e-9) return places
  return undefined
}

function multipleOf(error: ErrorObject): Message {
  const step: unknown = error.params.multipleOf
  if (step === 1) return { vi: 'Vui lòng nhập số nguyên', en: 'Please enter a whole number' }
  const places = typeof step === 'number' ? decimalPlaces(step) : undefined
  if (places !== undefined) {
    return {
      vi: `Chỉ được nhập tối đa ${places} chữ số sau dấu phẩy`,
      en: `Please use at most ${plural(places, 'decimal place')}`,
    }
  }
  return { vi: `Vui lòng nhập số là bội số của ${vi(step)}`, en: `Please enter a multiple of ${en(step)}` }
}

function minLength(error: ErrorObject): Message {
  const limit = limitOf(error)
  if (limit === 1)
    return {
      vi: 'Vui lòng nhập thông tin này, không được để trống',
      en: 'Please fill in this field; it cannot be empty',
    }
  return { vi: `Cần ít nhất ${vi(limit)} ký tự`, en: `Please enter at least ${plural(limit, 'character')}` }
}

function minItems(error: ErrorObject): Message {
  const limit = limitOf(error)
  if (limit === 1) return { vi: 'Vui lòng thêm ít nhất một mục', en: 'Please add at least one item' }
  return { vi: `Vui lòng thêm ít nhất ${vi(limit)} mục`, en: `Please add at least ${plural(limit, 'item')}` }
}

const tooManyItems: MessageFor = (error) => ({
  vi: `Danh sách chỉ được có tối đa ${vi(limitOf(error))} mục`,
  en: `The list may have no more than ${plural(limitOf(error), 'item')}`,
})

type FormatLimit = 'formatMaximum' | 'formatExclusiveMaximum' | 'formatMinimum' | 'formatExclusiveMinimum'

// ajv-formats compares only dates and times, so every limit is a point in time: a date (ngày sinh ≤ …) or a time.
const dateLimitText: Record<FormatLimit, Message> = {
  formatMaximum: { vi: 'Vui lòng chọn ngày không muộn hơn', en: 'Please choose a date no later than' },
  formatExclusiveMaximum: { vi: 'Vui lòng chọn ngày trước', en: 'Please choose a date before' },
  formatMinimum: { vi: 'Vui lòng chọn ngày không sớm hơn', en: 'Please choose a date no earlier than' },
  formatExclusiveMinimum: { vi: 'Vui lòng chọn ngày sau', en: 'Please choose a date after' },
}
const timeLimitText: Record<FormatLimit, Message> = {
  formatMaximum: { vi: 'Vui lòng chọn thời điểm không muộn hơn', en: 'Please choose a time no later than' },
  formatExclusiveMaximum: { vi: 'Vui lòng chọn thời điểm trước', en: 'Please choose a time before' },
  formatMinimum: { vi: 'Vui lòng chọn thời điểm không sớm hơn', en: 'Please choose a time no earlier than' },
  formatExclusiveMinimum: { vi: 'Vui lòng chọn thời điểm sau', en: 'Please choose a time after' },
}

const formatLimit =
  (keyword: FormatLimit): MessageFor =>
  (error) => {
    const limit = limitOf(error)
    const text = (isIsoDate(limit) ? dateLimitText : timeLimitText)[keyword]
    const shown = showDate(String(limit))
    return { vi: `${text.vi} ${shown}`, en: `${text.en} ${shown}` }
  }

/** Messages for the keywords that bound a number, a length, a count or a formatted value. */
export const limitMessages: Readonly<Record<string, MessageFor>> = {
  maximum: (error) => ({
    vi: `Vui lòng nhập số không lớn hơn ${vi(limitOf(error))}`,
    en: `Please enter a number no greater than ${en(limitOf(error))}`,
  }),
  exclusiveMaximum: (error) => ({
    vi: `Vui lòng nhập số nhỏ hơn ${vi(limitOf(error))}`,
    en: `Please enter a number less than ${en(limitOf(error))}`,
  }),
  minimum: (error) => ({
    vi: `Vui lòng nhập số không nhỏ hơn ${vi(limitOf(error))}`,
    en: `Please enter a number no less than ${en(limitOf(error))}`,
  }),
  exclusiveMinimum: (error) => ({
    vi: `Vui lòng nhập số lớn hơn ${vi(limitOf(error))}`,
    en: `Please enter a number greater than ${en(limitOf(error))}`,
  }),
  multipleOf,
  maxLength: (error) => ({
    vi: `Vui lòng nhập không quá ${vi(limitOf(error))} ký tự`,
    en: `Please enter no more than ${plural(limitOf(error), 'character')}`,
  }),
  minLength,
  maxItems: (error) => ({
    vi: `Chỉ được có tối đa ${vi(limitOf(error))} mục`,
    en: `Please keep no more than ${plural(limitOf(error), 'item')}`,
  }),
  minItems,
  additionalItems: tooManyItems,
  items: tooManyItems,
  unevaluatedItems: tooManyItems,
  maxProperties: (error) => ({
    vi: `Chỉ được có tối đa ${vi(limitOf(error))} mục thông tin`,
    en: `Please keep no more than ${plural(limitOf(error), 'field')}`,
  }),
  minProperties: (error) => ({
    vi: `Vui lòng nhập ít nhất ${vi(limitOf(error))} mục thông tin`,
    en: `Please fill in at least ${plural(limitOf(error), 'field')}`,
  }),
  formatMaximum: formatLimit('formatMaximum'),
  formatExclusiveMaximum: formatLimit('formatExclusiveMaximum'),
  formatMinimum: formatLimit('formatMinimum'),
  formatExclusiveMinimum: formatLimit('formatExclusiveMinimum'),
}

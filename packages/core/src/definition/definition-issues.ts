import type { ErrorObject } from 'ajv'
import { escapePointerToken } from '../ajv/localize'
import type { Issue, Message } from '../errors'
import { isRecord } from './issue'
import metaSchema from './meta-schema.json'

// The meta-schema's errors in words for the administrator who writes a definition: what is wrong and what to do,
// with the path where it is (the citizen-facing form messages of ../ajv would say "please fill in this field").

// a value as the message quotes it, cut short: a whole object in a message helps nobody
const show = (value: unknown) => {
  const text = typeof value === 'string' ? `“${value}”` : (JSON.stringify(value) ?? String(value))
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}
const list = (values: readonly unknown[]) =>
  values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ')

const typeNames: Record<string, Message> = {
  string: { vi: 'một chuỗi văn bản', en: 'a string' },
  number: { vi: 'một số', en: 'a number' },
  integer: { vi: 'một số nguyên', en: 'a whole number' },
  boolean: { vi: 'true hoặc false', en: 'true or false' },
  object: { vi: 'một đối tượng { … }', en: 'an object { … }' },
  array: { vi: 'một danh sách [ … ]', en: 'a list [ … ]' },
  null: { vi: 'null', en: 'null' },
}

const typeName = (type: unknown, locale: 'vi' | 'en') =>
  String(type)
    .split(',')
    .map((t) => typeNames[t]?.[locale] ?? t)
    .join(locale === 'vi' ? ' hoặc ' : ' or ')

/** What each meta-schema pattern asks for, by the definition it belongs to. */
const patterns: Record<string, Message> = {
  key: {
    vi: 'Mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ cái, tối đa 64 ký tự (ví dụ tiep_nhan): hãy sửa lại',
    en: 'A key is lower-case ASCII letters, digits and underscores, starting with a letter (e.g. tiep_nhan): fix it',
  },
  url: {
    vi: 'Địa chỉ phải bắt đầu bằng http:// hoặc https:// và không có dấu cách: hãy sửa lại',
    en: 'Write an http(s) address without spaces',
  },
  role: {
    vi: 'Vai trò viết bằng chữ thường không dấu và dấu gạch dưới (ví dụ receiving_officer): hãy sửa lại',
    en: 'Write the role in snake case (e.g. receiving_officer)',
  },
  cutoff: { vi: 'Giờ chốt viết dạng HH:mm, ví dụ 15:00: hãy sửa lại', en: 'Write the cutoff as HH:mm, e.g. 15:00' },
  to: {
    vi: 'Đích đến là mã một bước (ví dụ xu_ly) hoặc một kết thúc: $returned, $refused, $withdrawn, $stopped: hãy sửa lại',
    en: 'The target is a step key or an outcome: $returned, $refused, $withdrawn, $stopped',
  },
  slug: {
    vi: 'Mã plugin viết thường, nối bằng dấu gạch ngang (ví dụ vietnam-qr-pay): hãy sửa lại',
    en: 'Write the plugin slug in kebab case (e.g. vietnam-qr-pay)',
  },
  code: {
    vi: 'Mã thủ tục gồm chữ, số, dấu chấm, gạch dưới, gạch ngang (ví dụ 1.001193): hãy sửa lại',
    en: 'The code is letters, digits, ".", "_" and "-" (e.g. 1.001193)',
  },
  level: {
    vi: 'Cấp thực hiện viết thường không dấu (ví dụ commune, district, province): hãy sửa lại',
    en: 'Write the level as a lower-case code (commune, district, province)',
  },
  accept: {
    vi: 'Kiểu tệp viết dạng loại/định-dạng, ví dụ application/pdf: hãy sửa lại',
    en: 'Write a media type, e.g. application/pdf',
  },
}

function patternMessage(error: ErrorObject): Message {
  const at = error.schemaPath
  const which: string | undefined =
    Object.keys(patterns).find((name) => at.includes(`/definitions/${name}/`)) ??
    (at.includes('cutoff')
      ? 'cutoff'
      : at.includes('/to/')
        ? 'to'
        : at.includes('slug')
          ? 'slug'
          : at.includes('accept')
            ? 'accept'
            : /^#\/properties\/(code|level)\//.exec(at)?.[1])
  return (
    (which ? patterns[which] : undefined) ?? {
      vi: `Giá trị không đúng mẫu ${String(error.params.pattern)}: hãy sửa lại`,
      en: `The value does not match ${String(error.params.pattern)}`,
    }
  )
}

/** The tags a discriminated union accepts (`kind`: workingDays, …), read from the meta-schema. */
function discriminatorTags(error: ErrorObject): string[] {
  const branches =
    isRecord(error.parentSchema) && Array.isArray(error.parentSchema.oneOf) ? error.parentSchema.oneOf : []
  const definitions = metaSchema.definitions as Record<string, { properties?: { kind?: { const?: string } } }>
  return branches.flatMap((branch) => {
    const ref = isRecord(branch) && typeof branch.$ref === 'string' ? branch.$ref.replace('#/definitions/', '') : ''
    const tag = definitions[ref]?.properties?.kind?.const
    return tag ? [tag] : []
  })
}

function allowedProperties(error: ErrorObject): string[] {
  const properties = isRecord(error.parentSchema) ? error.parentSchema.properties : undefined
  return isRecord(properties) ? Object.keys(properties) : []
}

function messageFor(error: ErrorObject): Message {
  const p = error.params as Record<string, unknown>
  switch (error.keyword) {
    case 'required':
      return {
        vi: `Thiếu ${show(p.missingProperty)} (bắt buộc): hãy thêm mục này`,
        en: `${show(p.missingProperty)} is required: add it`,
      }
    case 'additionalProperties': {
      const allowed = allowedProperties(error)
      return {
        vi: `${show(p.additionalProperty)} không có trong định dạng ở đây: hãy xoá hoặc sửa tên (có thể gõ nhầm)${allowed.length ? `; các mục được dùng: ${list(allowed)}` : ''}`,
        en: `${show(p.additionalProperty)} is not part of the format here: remove or rename it${allowed.length ? ` (allowed: ${list(allowed)})` : ''}`,
      }
    }
    case 'type':
      return {
        vi: `Cần ${typeName(p.type, 'vi')}, không phải ${show(error.data)}: hãy sửa lại`,
        en: `Expected ${typeName(p.type, 'en')}, not ${show(error.data)}`,
      }
    case 'enum':
      return {
        vi: `${show(error.data)} không phải giá trị được dùng: hãy chọn một trong ${list(p.allowedValues as unknown[])}`,
        en: `${show(error.data)} is not allowed: use one of ${list(p.allowedValues as unknown[])}`,
      }
    case 'const':
      return {
        vi: `Giá trị phải là ${show(p.allowedValue)}: hãy sửa lại`,
        en: `The value must be ${show(p.allowedValue)}`,
      }
    case 'pattern':
      return patternMessage(error)
    case 'format':
      return p.format === 'date'
        ? {
            vi: `${show(error.data)} không phải ngày hợp lệ: hãy viết dạng YYYY-MM-DD, ví dụ 2026-01-31`,
            en: 'Write a real date as YYYY-MM-DD, e.g. 2026-01-31',
          }
        : { vi: `Giá trị không đúng định dạng ${String(p.format)}: hãy sửa lại`, en: `Not a valid ${String(p.format)}` }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return {
        vi: `Giá trị phải ${String(p.comparison)} ${String(p.limit)}, hiện là ${show(error.data)}: hãy sửa lại`,
        en: `The value must be ${String(p.comparison)} ${String(p.limit)}, not ${show(error.data)}`,
      }
    case 'minLength':
      return { vi: 'Không được để trống: hãy điền nội dung', en: 'Must not be empty' }
    case 'maxLength':
      return { vi: `Dài quá ${String(p.limit)} ký tự: hãy rút ngắn`, en: `Longer than ${String(p.limit)} characters` }
    case 'minItems':
      return { vi: `Cần ít nhất ${String(p.limit)} mục: hãy thêm`, en: `Needs at least ${String(p.limit)} item(s)` }
    case 'uniqueItems':
      return {
        vi: `Mục thứ ${Number(p.j) + 1} và mục thứ ${Number(p.i) + 1} trùng nhau: hãy xoá một mục`,
        en: `Items ${Number(p.j) + 1} and ${Number(p.i) + 1} are the same: remove one`,
      }
    case 'discriminator': {
      const tags = discriminatorTags(error)
      return p.error === 'mapping'
        ? {
            vi: `Loại ${show(p.tagValue)} không có: hãy dùng một trong ${list(tags)}`,
            en: `There is no kind ${show(p.tagValue)}: use one of ${list(tags)}`,
          }
        : { vi: `Thiếu "kind": hãy chọn một trong ${list(tags)}`, en: `"kind" is missing: use one of ${list(tags)}` }
    }
    case 'propertyNames':
      return {
        vi: `Mã ${show(p.propertyName)} không hợp lệ: ${patterns.key!.vi}`,
        en: `The key ${show(p.propertyName)} is not valid: ${patterns.key!.en}`,
      }
    case 'anyOf':
      return anyOfMessage(error)
    default:
      return {
        vi: `Giá trị không hợp lệ (${error.keyword}): hãy sửa theo FORMAT.md`,
        en: `Invalid value (${error.message ?? error.keyword})`,
      }
  }
}

function anyOfMessage(error: ErrorObject): Message {
  if (error.schemaPath.includes('jsonLogicRule'))
    return {
      vi: 'Quy tắc phải là một đối tượng JSON Logic, ví dụ { "==": [{ "var": "form.x" }, true] }, hoặc true/false: hãy sửa lại',
      en: 'A rule is a JSON Logic object, e.g. { "==": [{ "var": "form.x" }, true] }, or true/false',
    }
  if (error.instancePath.endsWith('/to'))
    return {
      vi: 'Ngày hết hiệu lực phải là một ngày YYYY-MM-DD hoặc null: hãy sửa lại',
      en: 'Write a YYYY-MM-DD date or null',
    }
  return {
    vi: 'Giá trị không khớp kiểu nào được phép: hãy sửa theo FORMAT.md',
    en: 'The value matches none of the allowed shapes',
  }
}

// Errors ajv reports on the parent object that belong beside one of its properties.
const propertyParams: Readonly<Record<string, string>> = {
  required: 'missingProperty',
  additionalProperties: 'additionalProperty',
  propertyNames: 'propertyName',
}

function pathOf(error: ErrorObject): string {
  const param = propertyParams[error.keyword]
  const property: unknown = param === undefined ? undefined : error.params[param]
  if (typeof property === 'string') return `${error.instancePath}/${escapePointerToken(property)}`
  if (error.keyword === 'discriminator') return `${error.instancePath}/kind`
  return error.instancePath
}

/**
 * The meta-schema's errors as issues for an administrator: one per problem (the branches of an `anyOf` and the
 * name check under `propertyNames` fold into their parent's), each at its path, saying what to do.
 * @example definitionIssues(validate.errors) // [{ code: 'required', path: '/steps/1/name', message: { vi: 'Thiếu “name” (bắt buộc): hãy thêm mục này', … } }]
 */
export function definitionIssues(errors: readonly ErrorObject[] | null | undefined): Issue[] {
  const all = errors ?? []
  const folded = (error: ErrorObject) =>
    all.some(
      (parent) =>
        parent !== error &&
        ((parent.keyword === 'anyOf' &&
          parent.instancePath === error.instancePath &&
          (error.keyword === 'type' || error.schemaPath.startsWith(`${parent.schemaPath}/`))) ||
          (parent.keyword === 'propertyNames' &&
            error.propertyName !== undefined &&
            parent.instancePath === error.instancePath)),
    )
  return all
    .filter((error) => !folded(error))
    .map((error) => {
      const params = { ...error.params } as Record<string, unknown>
      const found: Issue = { code: error.keyword, path: pathOf(error), message: messageFor(error) }
      if (Object.keys(params).length > 0) found.params = params
      return found
    })
}

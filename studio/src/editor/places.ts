import type { Message } from '@motcua/core'
import { fieldOfPointer, findField } from './form/form-model'
import type { DraftDefinition } from './section'

/** The editor's tabs, as they appear in the address (`?tab=bieu-mau`). */
export const TABS = ['chung', 'bieu-mau', 'thanh-phan', 'le-phi', 'quy-trinh', 'chay-thu', 'json'] as const
export type Tab = (typeof TABS)[number]

export const isTab = (value: string | null): value is Tab => TABS.includes(value as Tab)

const GENERAL: Record<string, Message> = {
  code: { vi: 'Mã thủ tục', en: 'Procedure code' },
  name: { vi: 'Tên thủ tục', en: 'Name' },
  nameEn: { vi: 'Tên tiếng Anh', en: 'English name' },
  level: { vi: 'Cấp thực hiện', en: 'Level' },
  field: { vi: 'Lĩnh vực', en: 'Field' },
  agency: { vi: 'Cơ quan thực hiện', en: 'Implementing agency' },
  units: { vi: 'Đơn vị thực hiện', en: 'Units offering it' },
  legalBasis: { vi: 'Căn cứ pháp lý', en: 'Legal basis' },
  effective: { vi: 'Hiệu lực', en: 'Effective period' },
  onlineMode: { vi: 'Dịch vụ công trực tuyến', en: 'Online service' },
  processingTime: { vi: 'Thời hạn giải quyết', en: 'Processing time' },
  description: { vi: 'Mô tả', en: 'Description' },
  result: { vi: 'Kết quả thực hiện', en: 'Result' },
}

const TAB_OF: Record<string, Tab> = {
  form: 'bieu-mau',
  components: 'thanh-phan',
  fees: 'le-phi',
  constants: 'le-phi',
  steps: 'quy-trinh',
  cases: 'quy-trinh',
  reception: 'quy-trinh',
  resultDelivery: 'quy-trinh',
  resultData: 'quy-trinh',
  resultDocument: 'quy-trinh',
}

/** The tab where the thing at `path` is edited. */
export function tabOf(path: string): Tab {
  const top = path.split('/')[1] ?? ''
  if (top in GENERAL) return 'chung'
  return TAB_OF[top] ?? 'json'
}

const TAB_NAMES: Record<Tab, Message> = {
  chung: { vi: 'Thông tin chung', en: 'General' },
  'bieu-mau': { vi: 'Biểu mẫu', en: 'Form' },
  'thanh-phan': { vi: 'Thành phần hồ sơ', en: 'Documents' },
  'le-phi': { vi: 'Lệ phí', en: 'Fees' },
  'quy-trinh': { vi: 'Quy trình', en: 'Workflow' },
  'chay-thu': { vi: 'Chạy thử', en: 'Test run' },
  json: { vi: 'JSON', en: 'JSON' },
}

export const tabName = (tab: Tab): Message => TAB_NAMES[tab]

const named = (list: unknown, index: string | undefined): string | null => {
  const item = Array.isArray(list) && index !== undefined ? list[Number(index)] : undefined
  if (typeof item !== 'object' || item === null) return null
  const { name, key } = item as { name?: unknown; key?: unknown }
  return typeof name === 'string' && name ? name : typeof key === 'string' ? key : null
}

/** Where a problem is, in the administrator's words: "Biểu mẫu › Người yêu cầu › Họ tên". */
export function placeOf(definition: DraftDefinition, path: string): Message {
  const tab = tabOf(path)
  const [, top, index] = path.split('/')
  const parts: Message[] = [TAB_NAMES[tab]]
  if (tab === 'chung' && top && GENERAL[top]) parts.push(GENERAL[top]!)
  else if (top === 'form') {
    const fieldPath = fieldOfPointer(path)
    for (let i = 1; i <= fieldPath.length; i++) {
      const field = findField(definition, fieldPath.slice(0, i))
      const title =
        typeof field?.schema?.title === 'string' && field.schema.title ? field.schema.title : fieldPath[i - 1]!
      parts.push({ vi: title, en: title })
    }
  } else if (top === 'constants' && index) parts.push({ vi: index, en: index })
  else {
    const name = named(definition[top ?? ''], index)
    if (name) parts.push({ vi: name, en: name })
  }
  return {
    vi: parts.map((p) => p.vi).join(' › '),
    en: parts.map((p) => p.en).join(' › '),
  }
}

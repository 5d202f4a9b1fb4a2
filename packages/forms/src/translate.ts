import { englishStringTranslator, TranslatableString } from '@rjsf/utils'
import type { FormLocale } from './validator'

const vi: Partial<Record<TranslatableString, string>> = {
  [TranslatableString.ArrayItemTitle]: 'Mục',
  [TranslatableString.EmptyArray]: 'Chưa có mục nào. Bấm nút bên dưới để thêm.',
  [TranslatableString.YesLabel]: 'Có',
  [TranslatableString.NoLabel]: 'Không',
  [TranslatableString.CloseLabel]: 'Đóng',
  [TranslatableString.ErrorsLabel]: 'Lỗi',
  [TranslatableString.AddButton]: 'Thêm',
  [TranslatableString.AddItemButton]: 'Thêm mục',
  [TranslatableString.CopyButton]: 'Sao chép',
  [TranslatableString.MoveDownButton]: 'Chuyển xuống',
  [TranslatableString.MoveUpButton]: 'Chuyển lên',
  [TranslatableString.RemoveButton]: 'Xóa',
  [TranslatableString.NowLabel]: 'Hôm nay',
  [TranslatableString.ClearLabel]: 'Xóa',
  [TranslatableString.ClearButton]: 'Xóa nội dung',
  [TranslatableString.AriaDateLabel]: 'Chọn ngày',
  [TranslatableString.OptionalObjectAdd]: 'Thêm thông tin (không bắt buộc)',
  [TranslatableString.OptionalObjectRemove]: 'Bỏ phần thông tin này',
  [TranslatableString.OptionalObjectEmptyMsg]: 'Chưa có thông tin',
  [TranslatableString.OptionPrefix]: 'Phương án %1',
  [TranslatableString.TitleOptionPrefix]: '%1: phương án %2',
  [TranslatableString.UnsupportedField]: 'Trường này chưa được hỗ trợ.',
}

/**
 * rjsf's own strings (buttons, empty lists) in Vietnamese or English.
 * @example <Form translateString={translator('vi')} … />
 */
export function translator(locale: FormLocale): (text: TranslatableString, params?: string[]) => string {
  if (locale === 'en') return englishStringTranslator
  return (text, params) => englishStringTranslator((vi[text] ?? text) as TranslatableString, params)
}

import type { Catalogues } from './i18n'

/** The few words the kit's own components say, in both languages. */
export const kitTexts: Catalogues<'close' | 'cancel' | 'retry' | 'loading'> = {
  vi: { close: 'Đóng', cancel: 'Hủy', retry: 'Thử lại', loading: 'Đang tải…' },
  en: { close: 'Close', cancel: 'Cancel', retry: 'Try again', loading: 'Loading…' },
}

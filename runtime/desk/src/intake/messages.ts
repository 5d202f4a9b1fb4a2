/** The intake area's texts in Vietnamese; keys start with 'intake.'. */
export const vi = {
  'intake.title': 'Tiếp nhận hồ sơ tại quầy',
}

/** The same texts in English. */
export const en: Record<keyof typeof vi, string> = {
  'intake.title': 'Counter intake',
}

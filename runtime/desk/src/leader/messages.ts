/** The leader area's texts in Vietnamese; keys start with 'leader.'. */
export const vi = {
  'leader.title': 'Điều hành của lãnh đạo',
}

/** The same texts in English. */
export const en: Record<keyof typeof vi, string> = {
  'leader.title': 'Leader’s overview',
}

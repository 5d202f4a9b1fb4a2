/** The queues area's texts in Vietnamese; keys start with 'queues.'. */
export const vi = {
  'queues.title': 'Hồ sơ',
}

/** The same texts in English. */
export const en: Record<keyof typeof vi, string> = {
  'queues.title': 'Dossiers',
}

/** The dossier area's texts in Vietnamese; keys start with 'dossier.'. */
export const vi = {
  'dossier.title': 'Hồ sơ',
}

/** The same texts in English. */
export const en: Record<keyof typeof vi, string> = {
  'dossier.title': 'Dossier',
}

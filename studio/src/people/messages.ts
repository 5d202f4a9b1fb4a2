/** The people screens' texts in Vietnamese (keys start with `people.`). */
export const vi = {}

/** The same texts in English. */
export const en: Record<keyof typeof vi, string> = {}

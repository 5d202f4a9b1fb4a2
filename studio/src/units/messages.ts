/** The units screens' texts in Vietnamese (keys start with `units.`). */
export const vi = {}

/** The same texts in English. */
export const en: Record<keyof typeof vi, string> = {}

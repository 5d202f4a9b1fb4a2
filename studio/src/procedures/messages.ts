/** The procedures screens' texts in Vietnamese (keys start with `procedures.`). */
export const vi = {}

/** The same texts in English. */
export const en: Record<keyof typeof vi, string> = {}

const KEY = 'motcua.desk.intake.recent'
const KEPT = 8

/** The procedures this browser received most recently, newest first (a counter handles a few procedures most days). */
export const recentProcedures = {
  list(): string[] {
    try {
      const stored: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]')
      return Array.isArray(stored) ? stored.filter((c): c is string => typeof c === 'string') : []
    } catch {
      return []
    }
  },
  use(code: string): void {
    const list = [code, ...recentProcedures.list().filter((c) => c !== code)].slice(0, KEPT)
    try {
      localStorage.setItem(KEY, JSON.stringify(list))
    } catch {
      // private mode or a full storage: the order is a convenience only
    }
  },
}

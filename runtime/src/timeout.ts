/**
 * `work`, or a rejection after `ms` (the work itself goes on: callers use it for reads whose answer may be dropped).
 * @example await withTimeout(database.migrationsBehind(), 2000)
 */
export const withTimeout = <T>(work: Promise<T>, ms: number): Promise<T> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), ms)
    work.then(resolve, reject).finally(() => clearTimeout(timer))
  })

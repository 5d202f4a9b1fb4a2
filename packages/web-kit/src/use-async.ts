import { useCallback, useEffect, useState } from 'react'

/** The state of a load: pending, its value, or its error; `reload` starts again. */
export function useAsync<T>(
  load: () => Promise<T>,
  deps: unknown[],
): { value?: T; error?: unknown; pending: boolean; reload: () => void } {
  const [state, setState] = useState<{ value?: T; error?: unknown; pending: boolean }>({ pending: true })
  const [round, setRound] = useState(0)
  useEffect(() => {
    let live = true
    setState((s) => ({ ...s, pending: true }))
    load().then(
      (value) => live && setState({ value, pending: false }),
      (error: unknown) => live && setState({ error, pending: false }),
    )
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, round])
  const reload = useCallback(() => setRound((r) => r + 1), [])
  return { ...state, reload }
}

import { useEffect, useRef } from 'react'

/** Calls `refresh` when the tab comes back into view or regains focus, and every `everyMs` while it is visible. */
export function useRefresh(refresh: () => void, everyMs = 60_000): void {
  const latest = useRef(refresh)
  latest.current = refresh
  useEffect(() => {
    let last = Date.now()
    const run = () => {
      // focus and visibility often fire together: one refresh for both
      if (Date.now() - last < 1000) return
      last = Date.now()
      latest.current()
    }
    const onVisible = () => document.visibilityState === 'visible' && run()
    const timer = window.setInterval(() => document.visibilityState === 'visible' && run(), everyMs)
    window.addEventListener('focus', run)
    document.addEventListener('visibilitychange', onVisible)
    return () => {
      window.clearInterval(timer)
      window.removeEventListener('focus', run)
      document.removeEventListener('visibilitychange', onVisible)
    }
  }, [everyMs])
}

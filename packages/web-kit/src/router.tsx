import {
  type AnchorHTMLAttributes,
  createContext,
  type MouseEvent,
  type ReactNode,
  useContext,
  useEffect,
  useState,
} from 'react'

/** Where the app is: the path, the query, and the state pushed with it. */
export interface Location {
  path: string
  query: URLSearchParams
  state: unknown
}

const read = (): Location => ({
  path: window.location.pathname,
  query: new URLSearchParams(window.location.search),
  state: window.history.state,
})
const LocationContext = createContext<Location>({ path: '/', query: new URLSearchParams(), state: null })
const listeners = new Set<() => void>()

/** Goes to an in-app address, adding a history entry (or replacing the current one). */
export function navigate(to: string, options: { replace?: boolean; state?: unknown } = {}): void {
  if (options.replace) window.history.replaceState(options.state ?? null, '', to)
  else window.history.pushState(options.state ?? null, '', to)
  for (const listener of listeners) listener()
}

/** Provides the current location to the app, following back/forward and `navigate`. */
export function RouterProvider({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState(read)
  useEffect(() => {
    const update = () => setLocation(read())
    listeners.add(update)
    window.addEventListener('popstate', update)
    return () => {
      listeners.delete(update)
      window.removeEventListener('popstate', update)
    }
  }, [])
  return <LocationContext.Provider value={location}>{children}</LocationContext.Provider>
}

export const useLocation = () => useContext(LocationContext)

/** An in-app link: a real `<a href>` (works without JS, opens in a new tab) that navigates without reloading. */
export function Link({
  to,
  state,
  onClick,
  ...rest
}: { to: string; state?: unknown } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const click = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event)
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey ||
      rest.target
    )
      return
    event.preventDefault()
    navigate(to, { state })
  }
  return <a href={to} onClick={click} {...rest} />
}

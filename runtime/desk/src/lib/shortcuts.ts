import { useEffect, useRef } from 'react'

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))

/**
 * Runs `handler` when the officer presses `key` (as `KeyboardEvent.key`, e.g. `'j'`, `'/'`, `'Enter'`) outside a
 * text field and an open dialog, with no Ctrl, Alt or Meta held; the key's default action is prevented.
 * @example useShortcut('/', () => searchRef.current?.focus())
 */
export function useShortcut(key: string, handler: () => void, enabled = true): void {
  const latest = useRef(handler)
  latest.current = handler
  useEffect(() => {
    if (!enabled) return
    const listener = (event: KeyboardEvent) => {
      if (event.key !== key || event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented) return
      if (typing(event.target) || document.querySelector('dialog[open]')) return
      event.preventDefault()
      latest.current()
    }
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [key, enabled])
}

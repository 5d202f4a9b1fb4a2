import type { Issue } from '@motcua/core'
import { api, csrf } from '@motcua/web-kit'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { DraftDefinition } from './section'

/** A draft as `GET|PUT /api/admin/drafts/:id` returns it. */
export interface DraftView {
  id: string
  procedureCode: string
  ownerUnitCode: string | null
  definition: DraftDefinition
  updatedAt: string
  validation: { ok: boolean; issues: Issue[] }
  period: string | null
  awaitingApproval?: unknown
}

export type SaveState =
  | { kind: 'saved'; at: Date }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'error'; error: unknown }

const DELAY_MS = 800
const RETRY_MS = 10_000

/**
 * Saves the definition a moment after the last edit (`PUT /api/admin/drafts/:id`), one request at a time, always
 * the newest state; retries after a failure; saves at once when the page is left (and on unmount).
 * `onSaved` gets the server's answer (its problems include the scope checks only it can make).
 */
export function useAutosave(
  id: string,
  definition: DraftDefinition,
  initial: DraftView,
  onSaved: (view: DraftView, sent: DraftDefinition) => void,
  enabled: boolean,
) {
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: new Date(initial.updatedAt) })
  const latest = useRef(definition)
  const saved = useRef(initial.definition)
  const busy = useRef(false)
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  const onSavedRef = useRef(onSaved)
  onSavedRef.current = onSaved
  latest.current = definition

  const save = useCallback(async () => {
    clearTimeout(timer.current)
    if (busy.current || latest.current === saved.current) return
    busy.current = true
    const sent = latest.current
    setState({ kind: 'saving' })
    try {
      const view = await api<DraftView>(`/api/admin/drafts/${id}`, { method: 'PUT', body: { definition: sent } })
      saved.current = sent
      onSavedRef.current(view, sent)
      setState(latest.current === sent ? { kind: 'saved', at: new Date(view.updatedAt) } : { kind: 'pending' })
    } catch (error) {
      setState({ kind: 'error', error })
      timer.current = setTimeout(() => void save(), RETRY_MS)
    } finally {
      busy.current = false
    }
    if (latest.current !== saved.current && latest.current !== sent) timer.current = setTimeout(() => void save(), 0)
  }, [id])

  useEffect(() => {
    if (!enabled || definition === saved.current) return
    setState((s) => (s.kind === 'saving' ? s : { kind: 'pending' }))
    clearTimeout(timer.current)
    timer.current = setTimeout(() => void save(), DELAY_MS)
  }, [definition, enabled, save])

  // Leaving the page: send what is not saved yet with a request that outlives it, and ask before closing.
  useEffect(() => {
    const unsaved = () => enabled && latest.current !== saved.current
    const flush = () => {
      if (!unsaved()) return
      const token = csrf.get()
      void fetch(`/api/admin/drafts/${id}`, {
        method: 'PUT',
        keepalive: true,
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', ...(token ? { 'x-csrf-token': token } : {}) },
        body: JSON.stringify({ definition: latest.current }),
      })
      saved.current = latest.current
    }
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (unsaved()) event.preventDefault()
    }
    window.addEventListener('pagehide', flush)
    window.addEventListener('beforeunload', beforeUnload)
    return () => {
      window.removeEventListener('pagehide', flush)
      window.removeEventListener('beforeunload', beforeUnload)
      clearTimeout(timer.current)
      // leaving the editor inside the studio
      if (unsaved() && !busy.current) void save()
      else flush()
    }
  }, [id, enabled, save])

  return { state, saveNow: save }
}

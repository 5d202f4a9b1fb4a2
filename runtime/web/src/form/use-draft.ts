import { ApiError, api, useSession } from '@motcua/web-kit'
import { useCallback, useEffect, useRef, useState } from 'react'
import { type LocalDraft, readDraft, removeDraft, writeDraft } from '../lib/drafts'
import type { ServerDraft } from '../lib/types'

const LOCAL_DELAY = 400
const SERVER_DELAY = 1500

/** The draft the form opens with, once known: the newer of the device's and the account's. */
export interface OpenedDraft {
  formData?: Record<string, unknown>
  unitCode?: string
  savedAt?: string
}

/**
 * Saves the form as it is typed: on the device at once (debounced), and in the account when signed in.
 * `opened` is undefined while the account's draft is being fetched.
 */
export function useDraft(procedureCode: string, procedureName: string) {
  const { user, canWrite, ready } = useSession()
  const [opened, setOpened] = useState<OpenedDraft>()
  const [savedAt, setSavedAt] = useState<{ local?: string; server?: string }>({})
  const latest = useRef<LocalDraft | null>(null)
  const timers = useRef<{ local?: number; server?: number }>({})

  useEffect(() => {
    if (!ready) return
    let live = true
    const local = readDraft(procedureCode)
    const fromLocal: OpenedDraft = local
      ? { formData: local.formData, savedAt: local.savedAt, ...(local.unitCode ? { unitCode: local.unitCode } : {}) }
      : {}
    if (!user) {
      setOpened(fromLocal)
      return
    }
    api<ServerDraft>(`/api/me/drafts/${encodeURIComponent(procedureCode)}`)
      .then((server) => {
        if (!live) return
        const serverNewer = !local || server.updatedAt > local.savedAt
        setOpened(
          serverNewer
            ? {
                formData: server.formData,
                savedAt: server.updatedAt,
                ...(local?.unitCode ? { unitCode: local.unitCode } : {}),
              }
            : fromLocal,
        )
      })
      .catch(() => live && setOpened(fromLocal))
    return () => {
      live = false
    }
  }, [procedureCode, user, ready])

  const flushServer = useCallback(() => {
    const draft = latest.current
    if (!draft || !canWrite) return
    api<ServerDraft>(`/api/me/drafts/${encodeURIComponent(procedureCode)}`, {
      method: 'PUT',
      body: { formData: draft.formData },
    }).then(
      (saved) => setSavedAt((s) => ({ ...s, server: saved.updatedAt })),
      (error: unknown) => {
        if (!(error instanceof ApiError)) throw error
      },
    )
  }, [canWrite, procedureCode])

  const save = useCallback(
    (formData: Record<string, unknown>, unit?: { code: string; name: string }) => {
      latest.current = {
        procedureCode,
        procedureName,
        formData,
        savedAt: new Date().toISOString(),
        ...(unit ? { unitCode: unit.code, unitName: unit.name } : {}),
      }
      window.clearTimeout(timers.current.local)
      timers.current.local = window.setTimeout(() => {
        if (latest.current && writeDraft(latest.current)) setSavedAt((s) => ({ ...s, local: latest.current!.savedAt }))
      }, LOCAL_DELAY)
      if (canWrite) {
        window.clearTimeout(timers.current.server)
        timers.current.server = window.setTimeout(flushServer, SERVER_DELAY)
      }
    },
    [procedureCode, procedureName, canWrite, flushServer],
  )

  const discard = useCallback(() => {
    window.clearTimeout(timers.current.local)
    window.clearTimeout(timers.current.server)
    latest.current = null
    removeDraft(procedureCode)
    setSavedAt({})
    if (canWrite)
      void api(`/api/me/drafts/${encodeURIComponent(procedureCode)}`, { method: 'DELETE' }).catch(() => undefined)
  }, [procedureCode, canWrite])

  // Leaving the page: write what is pending now rather than lose the last keystrokes.
  useEffect(() => {
    const flush = () => {
      if (latest.current && timers.current.local !== undefined) writeDraft(latest.current)
    }
    window.addEventListener('pagehide', flush)
    return () => {
      window.removeEventListener('pagehide', flush)
      flush()
      window.clearTimeout(timers.current.local)
      window.clearTimeout(timers.current.server)
    }
  }, [])

  return { opened, savedAt, save, discard }
}

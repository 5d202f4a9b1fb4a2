import type { Issue, PluginCatalogue } from '@motcua/core'
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react'
import type { DraftDefinition } from './section'
import { localProblems, same, scopeProblems } from './validation'

/** The server's problems of the last definition saved. */
export interface ServerCheck {
  definition: DraftDefinition
  issues: Issue[]
}

/** Validates in a worker, the newest definition first, one at a time; synchronously where there are no workers. */
function useValidator(plugins: PluginCatalogue | undefined, onResult: () => void) {
  const results = useRef(new WeakMap<DraftDefinition, Issue[]>())
  const worker = useRef<Worker | null>(null)
  const busy = useRef<{ id: number; definition: DraftDefinition; sent: number } | null>(null)
  const wanted = useRef<DraftDefinition[]>([])
  const next = useRef(0)
  const onResultRef = useRef(onResult)
  onResultRef.current = onResult

  const pump = useCallback(() => {
    if (busy.current) return
    const definition = wanted.current.find((d) => !results.current.has(d))
    if (!definition) return
    if (!worker.current) {
      results.current.set(definition, localProblems(definition, plugins))
      onResultRef.current()
      return
    }
    busy.current = { id: ++next.current, definition, sent: performance.now() }
    worker.current.postMessage({ id: busy.current.id, definition, plugins })
  }, [plugins])

  useEffect(() => {
    try {
      worker.current = new Worker(new URL('./validation.worker.ts', import.meta.url), { type: 'module' })
    } catch {
      worker.current = null
    }
    const current = worker.current
    if (current)
      current.onmessage = (event: MessageEvent<{ id: number; issues: Issue[]; ms: number }>) => {
        const job = busy.current
        if (!job || job.id !== event.data.id) return
        busy.current = null
        results.current.set(job.definition, event.data.issues)
        // the time from the change to its problems, and the validation's own time in the worker
        performance.measure('editor:validate', { start: job.sent, end: performance.now() })
        performance.measure('editor:validate:worker', { start: job.sent, duration: event.data.ms })
        onResultRef.current()
        pump()
      }
    pump()
    return () => {
      current?.terminate()
      worker.current = null
      busy.current = null
    }
  }, [pump])

  const want = useCallback(
    (definitions: DraftDefinition[]) => {
      wanted.current = definitions
      pump()
    },
    [pump],
  )
  return { results: results.current, want }
}

/**
 * Every current problem: validated in the browser at each change (in a worker, so typing never waits), with the
 * server's own from the last save (its problems minus those the browser finds in the same definition).
 * `fresh` is false while the newest definition is being validated (its problems are the previous ones).
 */
export function useProblems(
  definition: DraftDefinition,
  plugins: PluginCatalogue | undefined,
  server: ServerCheck,
): { problems: Issue[]; fresh: boolean } {
  const [, bump] = useReducer((n: number) => n + 1, 0)
  const { results, want } = useValidator(plugins, bump)
  useEffect(() => want([definition, server.definition]), [definition, server.definition, want])
  const last = useRef<{ local: Issue[]; scope: Issue[] }>({ local: [], scope: [] })
  const local = results.get(definition)
  const serverLocal = results.get(server.definition)
  const scopeNow = useMemo(
    () => (serverLocal ? scopeProblems(server.issues, serverLocal) : null),
    [server, serverLocal],
  )
  if (local) last.current.local = local
  if (scopeNow) last.current.scope = scopeNow
  const { local: shownLocal, scope } = last.current
  const problems = useMemo(
    () => [...shownLocal, ...scope.filter((s) => !shownLocal.some((l) => same(l, s)))],
    [shownLocal, scope],
  )
  return { problems, fresh: !!local }
}

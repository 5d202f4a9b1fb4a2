import { type Issue, type PluginCatalogue, validateDefinition } from '@motcua/core'
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react'
import { allFields, choiceOptions, schemaPointer } from './form/form-model'
import type { DraftDefinition } from './section'

/** Marks the browser's performance timeline with `editor:validate` (read with `performance.getEntriesByName`). */
export function timed<T>(name: string, run: () => T): T {
  performance.mark(`${name}:start`)
  try {
    return run()
  } finally {
    performance.measure(name, `${name}:start`)
  }
}

const issue = (code: string, path: string, vi: string, en: string): Issue => ({ code, path, message: { vi, en } })

/** What the builder asks beyond the format: every field has a label, every choice an option with a label. */
export function builderProblems(definition: DraftDefinition): Issue[] {
  const problems: Issue[] = []
  for (const field of allFields(definition)) {
    const at = schemaPointer(definition, field.path)
    const title = typeof field.schema?.title === 'string' ? field.schema.title.trim() : ''
    if (!title)
      problems.push(
        issue(
          'builder.noLabel',
          `${at}/title`,
          'Trường chưa có nhãn: hãy nhập nhãn để người nộp hồ sơ biết cần điền gì.',
          'The field has no label: enter one so applicants know what to fill in.',
        ),
      )
    if (field.kind === 'choice' || field.kind === 'multiChoice') {
      const options = choiceOptions(field.schema)
      if (options.length === 0)
        problems.push(
          issue('builder.noOptions', at, 'Trường lựa chọn chưa có lựa chọn nào.', 'The choice has no options.'),
        )
      else if (options.some((o) => !o.title.trim()))
        problems.push(issue('builder.optionNoLabel', at, 'Có lựa chọn chưa có nhãn.', 'An option has no label.'))
    }
  }
  return problems
}

/** The local problems of a definition: the format's (as core checks it) and the builder's. */
export function localProblems(definition: DraftDefinition, plugins: PluginCatalogue | undefined): Issue[] {
  return timed('editor:validate', () => {
    const result = validateDefinition(definition, plugins ? { plugins } : {})
    return [...(result.ok ? [] : result.issues), ...builderProblems(definition)]
  })
}

const same = (a: Issue, b: Issue) => a.code === b.code && a.path === b.path

/**
 * The server's problems of a saved definition that the browser cannot find itself (the owner unit's scope, the
 * units the steps name), paths from the definition's root.
 */
export function scopeProblems(serverIssues: Issue[], local: Issue[]): Issue[] {
  return serverIssues
    .map((i) => ({ ...i, path: i.path.replace(/^\/definition/, '') }))
    .filter((i) => !local.some((l) => same(l, i)))
}

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

import { useCallback, useRef, useState } from 'react'
import type { DraftDefinition } from './section'

/** One state of the definition and the name of the edit that led to it ("Thêm trường"). */
interface Entry {
  definition: DraftDefinition
  label: string
  /** Edits with the same key in quick succession are one step (typing in one box). */
  merge: string
  at: number
}

interface History {
  past: Entry[]
  present: Entry
  future: Entry[]
}

type Action =
  | { type: 'change'; recipe: (draft: DraftDefinition) => void; label: string; merge: string; at: number }
  | { type: 'undo' }
  | { type: 'redo' }

// Typing in one box is one step: edits with the same merge key within this time join the step before.
const MERGE_MS = 1200
const LIMIT = 200

function reduce(history: History, action: Action): History {
  const { past, present, future } = history
  switch (action.type) {
    case 'undo':
      if (past.length === 0) return history
      return { past: past.slice(0, -1), present: past.at(-1)!, future: [present, ...future] }
    case 'redo':
      if (future.length === 0) return history
      return { past: [...past, present], present: future[0]!, future: future.slice(1) }
    case 'change': {
      const definition = structuredClone(present.definition)
      action.recipe(definition)
      const entry = { definition, label: action.label, merge: action.merge, at: action.at }
      const merge = past.length > 0 && present.merge === action.merge && action.at - present.at < MERGE_MS
      return { past: merge ? past : [...past, present].slice(-LIMIT), present: entry, future: [] }
    }
  }
}

/**
 * The definition being edited, with undo and redo: `change(recipe, label, merge?)` applies a recipe to a copy;
 * quick edits with the same `merge` key (by default the label) are one step.
 * @example const h = useHistory(draft.definition); h.change((d) => { d.name = 'Đăng ký khai sinh' }, 'Sửa tên')
 */
export function useHistory(initial: DraftDefinition) {
  const [history, setHistory] = useState<History>(() => ({
    past: [],
    present: { definition: initial, label: '', merge: '', at: 0 },
    future: [],
  }))
  // recipes run once, at once, on the newest state (several changes in one event chain)
  const current = useRef(history)
  const dispatch = useCallback((action: Action) => {
    const next = reduce(current.current, action)
    if (next === current.current) return
    current.current = next
    setHistory(next)
  }, [])
  const change = useCallback(
    (recipe: (draft: DraftDefinition) => void, label = '', merge = label) =>
      dispatch({ type: 'change', recipe, label, merge, at: Date.now() }),
    [dispatch],
  )
  const undo = useCallback(() => dispatch({ type: 'undo' }), [dispatch])
  const redo = useCallback(() => dispatch({ type: 'redo' }), [dispatch])
  return {
    definition: history.present.definition,
    change,
    undo,
    redo,
    /** The name of the step undo would take back, or null. */
    undoLabel: history.past.length ? history.present.label : null,
    redoLabel: history.future[0]?.label ?? null,
  }
}

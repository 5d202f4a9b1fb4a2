/** A form in progress, kept on the device (and in the account when signed in). */
export interface LocalDraft {
  procedureCode: string
  procedureName?: string
  formData: Record<string, unknown>
  unitCode?: string
  unitName?: string
  savedAt: string
}

const PREFIX = 'motcua.draft.'

/** Storage that may be missing or full (private mode): every call is best effort. */
function storage(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}

export function readDraft(procedureCode: string): LocalDraft | null {
  try {
    const text = storage()?.getItem(PREFIX + procedureCode)
    return text ? (JSON.parse(text) as LocalDraft) : null
  } catch {
    return null
  }
}

export function writeDraft(draft: LocalDraft): boolean {
  try {
    storage()?.setItem(PREFIX + draft.procedureCode, JSON.stringify(draft))
    return true
  } catch {
    return false
  }
}

export function removeDraft(procedureCode: string): void {
  try {
    storage()?.removeItem(PREFIX + procedureCode)
  } catch {
    // nothing to do
  }
}

/** Every draft kept on this device, newest first. */
export function listDrafts(): LocalDraft[] {
  const store = storage()
  if (!store) return []
  const drafts: LocalDraft[] = []
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i)
    if (!key?.startsWith(PREFIX)) continue
    const draft = readDraft(key.slice(PREFIX.length))
    if (draft) drafts.push(draft)
  }
  return drafts.sort((a, b) => b.savedAt.localeCompare(a.savedAt))
}

/** Whether a form holds anything typed (defaults alone do not make a draft worth offering). */
export function hasContent(formData: unknown, defaults: unknown = {}): boolean {
  return JSON.stringify(formData ?? {}) !== JSON.stringify(defaults ?? {})
}

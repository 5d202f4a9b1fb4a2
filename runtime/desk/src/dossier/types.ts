import type { QueueItem } from '../lib/types'

/** An action this officer may take now (`actions` of the desk's dossier, core's `AvailableAction`). */
export interface DossierAction {
  key: string
  type: string
  label: string
  roles: string[]
  /** What it asks for: reason, note, missingItems, newDueAt, attachments, deliveryMethod, amount. */
  requires: string[]
  to?: string
  /** The officer's inputs (a JSON Schema) and their UI schema. */
  input?: Record<string, unknown>
  inputUi?: Record<string, unknown>
}

/** One line of the dossier's log, as on the control slip. */
export interface DossierEvent {
  seq: number
  at: string
  action: string
  label: string | null
  actorName: string | null
  actorRole: string | null
  fromStep: string | null
  toStep: string | null
  fromStatus: number | null
  toStatus: number | null
  note: string | null
  stepDueAt: string | null
  data: Record<string, unknown> | null
}

export interface DossierAttachment {
  id: string
  componentKey: string
  kind: 'application' | 'supplement' | 'result'
  fileName: string
  mediaType: string
  size: number
}

export interface Consultation {
  id: string
  round: number
  step: string
  unit: { code: string; name: string }
  role: string
  openedAt: string
  dueAt: string
  answeredAt: string | null
  answeredBy: string | null
  opinion: string | null
  note: string | null
  closedAt: string | null
  state: 'open' | 'overdue' | 'answered' | 'late' | 'closed'
}

/** A step action's message to another system through a plugin: queued, sent, or given up after its retries. */
export interface CallOut {
  plugin: { vi: string; en: string }
  action: { vi: string; en: string }
  state: 'pending' | 'delivered' | 'dead'
  attempts: number
  queuedAt: string
  deliveredAt: string | null
}

/** A dossier as the desk shows it (`GET /api/desk/dossiers/:code`), dates as ISO text. */
export interface DossierView extends QueueItem {
  unit: { code: string; name: string }
  receivingUnit: { code: string; name: string }
  currentUnit: { code: string; name: string } | null
  applicant: { fullName: string; idNumber?: string; phone?: string; email?: string; address?: string }
  formData: Record<string, unknown>
  case: { key: string; name: string } | null
  decisions: { actionKey: string; label: string; values: { field: string; title: string; text: string }[] }[]
  delivery: { method: 'counter' | 'post' | 'online'; address?: { text: string } } | null
  resultData: Record<string, unknown> | null
  fees: { key?: string; name: string; amount: number }[] | null
  attachments: DossierAttachment[]
  events: DossierEvent[]
  actions: DossierAction[]
  consultations: Consultation[]
  /** What step actions sent to other systems through plugins, and whether it went. */
  callOuts?: CallOut[]
  definition: {
    form: { schema: Record<string, unknown>; uiSchema?: Record<string, unknown> }
    components: { key: string; name: string; required: boolean }[]
    steps: { key: string; name: string; role: string }[]
    cases: { key: string; name: string }[]
    resultData: { schema: Record<string, unknown>; uiSchema?: Record<string, unknown> } | null
    resultDocument: boolean
    deliveryMethods: ('counter' | 'post' | 'online')[]
  }
}

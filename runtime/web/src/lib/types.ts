import type {
  DossierComponent,
  Fee,
  LegalDocument,
  OnlineMode,
  ProcedureDefinition,
  ProcessingTime,
  RatingCriterion,
  RatingLevel,
} from '@motcua/core'
import type { FormContributions } from '@motcua/forms'
import type { Message } from '@motcua/web-kit'

/** `GET /api/procedures` */
export interface ProcedureSummary {
  code: string
  name: string
  nameEn: string | null
  level: string
  field: string
  agency: string | null
  onlineMode: OnlineMode
  processingTime: ProcessingTime
  version: number
}

/** `GET /api/procedures/:code`: the published definition without its internal workflow. */
export type ProcedureDetail = Omit<ProcedureDefinition, 'steps' | 'plugins'> & {
  version: number
  effectiveFrom: string
  /** The installed plugins' formats and widgets its form uses. */
  formats?: FormContributions['formats']
  widgets?: FormContributions['widgets']
  /** What the form may be pre-filled from (a plugin's lookup), where that plugin is enabled for the unit. */
  prefill?: PrefillSource | null
}

/** A procedure's pre-fill: the lookup's name and consent text, and the form fields (JSON pointers) it fills. */
export interface PrefillSource {
  plugin: string
  lookup: string
  name: Message
  consent: Message
  fields: Record<string, Message>
}

export type { DossierComponent, Fee, LegalDocument }

export interface FeeLine {
  key: string
  name: string
  amount: number
}

/** `POST /api/dossiers` */
export interface SubmittedDossier {
  receiptCode: string
  pin: string
  status: number
  statusName?: Message
  submittedAt: string
  dueAt?: string | null
  procedure?: { code: string; name: string }
  unit?: { code: string; name: string }
  fees: FeeLine[]
  /** Not yet received: the appointment the unit's working calendar gives if received today. */
  expectedDueAt?: string | null
  /** How the fees are paid: none to pay, online when asked (VietQR on the tracking page), or at the counter. */
  payment?: PaymentWay
  /** How the applicant chose to receive the result, for a procedure that offers a choice. */
  delivery?: DossierDelivery | null
  /** The masked mobile the code and PIN were texted to, when the unit's SMS plugin sends them. */
  receiptSentTo?: { sms?: string; email?: string } | null
}

export type PaymentWay = 'none' | 'online' | 'atResult'
export type DossierDelivery = { method: 'counter' | 'post' | 'online'; address?: { text: string } }

export interface TimelineEntry {
  at: string
  action: string
  actionName: Message
  status: number
  statusName: Message
  step: string | null
  /** With the PIN only: the officer's note. */
  note?: string | null
  /** With the PIN only: what the action carried, e.g. `{ missingItems: string[] }` (requestSupplement), `{ amount }` (requestPayment). */
  data?: Record<string, unknown> | null
  /** An officer's choice of case moved the due date: the new date and why. */
  dueChange?: { dueAt: string; reason: Message }
}

/** A file of a tracked dossier (with the PIN): the applicant's own (`application`, `supplement`) and the `result`. */
export interface TrackedFile {
  id: string
  componentKey: string
  fileName: string
  mediaType: string
  size: number
  kind: 'application' | 'supplement' | 'result' | (string & {})
}

/** `GET /api/track/:code` (details with the PIN) */
export interface TrackedDossier {
  receiptCode: string
  procedure: { code: string; name: string }
  unit: { code: string; name: string }
  /** The unit working on it now (another unit during a liên thông step, the receiving centre to return it); null once ended. */
  handlingUnit?: { code: string; name: string } | null
  channel: number
  status: number
  statusName: Message
  submittedAt: string
  receivedAt: string | null
  dueAt: string | null
  expectedDueAt?: string | null
  payment?: PaymentWay
  doneAt: string | null
  returnedAt: string | null
  timeline: TimelineEntry[]
  /** With the PIN: the fees computed at submission. */
  fees?: FeeLine[]
  receiptSentTo?: { sms?: string; email?: string } | null
  applicant?: { fullName: string; idNumber?: string; phone?: string; email?: string; address?: string }
  formData?: Record<string, unknown>
  /** How the applicant chose to receive the result (with the PIN), for a procedure that offers a choice. */
  delivery?: DossierDelivery | null
  attachments?: TrackedFile[]
  /** The applicant's satisfaction rating (with the PIN), null until given. */
  rating?: DossierRating | null
}

/** `GET /api/units/:code/contact` and `GET /api/track/:code/contact`: the reception's help and contact. */
export interface ReceptionContact {
  unit: { code: string; name: string }
  contact: { address?: string; openingHours?: string; phone?: string; email?: string }
}

/** `PUT /api/track/:code/rating`, and the rating in tracking with the PIN. */
export interface DossierRating {
  level: RatingLevel
  criteria: Partial<Record<RatingCriterion, RatingLevel>>
  comment: string | null
  ratedAt: string
  changeableUntil: string
}

/** `GET /api/me/dossiers` */
export interface MyDossier {
  receiptCode: string
  pin: string
  procedure: { code: string; name: string }
  unitName: string
  status: number
  statusName: Message
  submittedAt: string
  dueAt: string | null
}

/** `GET /api/me/drafts` */
export interface ServerDraft {
  procedureCode: string
  formData: Record<string, unknown>
  updatedAt: string
}

/** Who files the dossier (người nộp hồ sơ), as the API takes it. */
export interface Applicant {
  fullName: string
  idNumber?: string
  phone?: string
  email?: string
  address?: string
}

/** `GET /api/plugins/vietnam-qr-pay/dossiers/:code/qr` */
export interface VietQr {
  /** The EMVCo/Napas VietQR string to draw as a QR code. */
  payload: string
  amount: number
  bankBin: string
  accountNumber: string
  accountName: string
  /** The transfer content: the receipt code. */
  purpose: string
}

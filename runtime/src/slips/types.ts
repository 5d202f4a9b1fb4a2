/** The unit that issues the slip; `parentName` is the unit above it ('Tỉnh Quảng Ninh', 'Thành phố Hạ Long'). */
export interface SlipUnit {
  code: string
  name: string
  electronicId: string
  parentName: string | null
}

/** One row of the dossier's event log, as the action engine writes it. */
export interface SlipEvent {
  seq: number
  at: Date
  /** Action type or key: 'submit', 'intake', 'receive', 'forward', 'approve', 'sendBack', 'refuse', 'requestSupplement', … */
  action: string
  /** The action's label from the procedure definition, e.g. 'Tiếp nhận'. */
  actionLabel: string
  actorName: string | null
  /** 'receiving_officer' | 'specialist' | 'leader' | 'citizen' | null */
  actorRole: string | null
  fromStep: string | null
  toStep: string | null
  fromStepName: string | null
  toStepName: string | null
  fromStatus: number | null
  toStatus: number
  note: string | null
  /** Deadline of the step this event entered, when that step has a time budget. */
  stepDueAt: Date | null
  /** e.g. { missingItems: string[] }, { oldDueAt, newDueAt }, { reason }, { deliveryMethod } */
  data: Record<string, unknown> | null
}

export interface SlipApplicant {
  fullName: string
  idNumber?: string
  phone?: string
  email?: string
  address?: string
}

export interface SlipDossier {
  receiptCode: string
  /** 1 at the counter, 2 online, 3 by the public postal service. */
  channel: 1 | 2 | 3
  status: number
  submittedAt: Date
  receivedAt: Date | null
  dueAt: Date | null
  doneAt: Date | null
  returnedAt: Date | null
  /** Set while the clock is stopped (supplement or payment requested). */
  pausedAt?: Date | null
  applicant: SlipApplicant
  /** How the applicant chose to receive the result, where the procedure offers a choice. */
  delivery?: { method: 'counter' | 'post' | 'online'; address?: { text: string } } | null
}

export interface SlipProcedure {
  code: string
  name: string
  /** e.g. '05 ngày làm việc'. */
  processingTimeText: string | null
  components: { key: string; name: string; originals?: number; copies?: number }[]
}

export interface SlipInput {
  dossier: SlipDossier
  procedure: SlipProcedure
  attachments: { componentKey: string; fileName: string }[]
  unit: SlipUnit
  /** Ordered by seq. */
  events: SlipEvent[]
  /** Absolute URL of the public tracking page for this dossier. */
  trackUrl: string
  /** The dossier's line in the unit's register (Sổ theo dõi hồ sơ), printed on the receipt; blanks without it. */
  register?: { book: string; line: number } | null
  /** The lookup PIN; printed on Mẫu 01 only. */
  pin: string | null
  /** Who prints the slip; signs where the event has no actor name. */
  officerName: string | null
  now: Date
}

import type { Timeliness } from '@motcua/core'

/** A dossier as the desk's queue lists it (`GET /api/desk/dossiers`, runtime's `DeskSummary`), dates as ISO text. */
export interface QueueItem {
  receiptCode: string
  version: number
  procedure: { code: string; name: string; version: number }
  unitCode: string
  receivingUnitCode: string
  /** The unit handling it now; null once it has ended. */
  currentUnitCode: string | null
  applicantName: string
  channel: 1 | 2 | 3
  status: number
  statusName: { vi: string; en: string }
  step: { key: string; name: string; role: string } | null
  submittedAt: string
  receivedAt: string | null
  dueAt: string | null
  dueProvisional: boolean
  paused: boolean
  timeliness: Timeliness
  workingMinutesLeft: number | null
  workingDayMinutes: number
}

/** A page of the queue. */
export interface QueuePage {
  items: QueueItem[]
  total: number
}

import { classify, dossierStatuses, effectiveSteps, type Timeliness, workingMinutesBetween } from '@motcua/core'
import type { UnitCalendar } from '../calendar'
import type { PublishedVersion } from '../procedures/registry'
import type { DossierRow } from './act'

export interface DeskSummary {
  receiptCode: string
  version: number
  /** `version`: the published version the dossier is processed under, to its end. */
  procedure: { code: string; name: string; version: number }
  unitCode: string
  applicantName: string
  channel: number
  status: number
  statusName: { vi: string; en: string }
  step: { key: string; name: string; role: string } | null
  submittedAt: Date
  receivedAt: Date | null
  dueAt: Date | null
  /** The due date counts days of a year whose days off follow no published decision yet: it may still move. */
  dueProvisional: boolean
  paused: boolean
  timeliness: Timeliness
  /** Working minutes until the due time (negative once overdue); null without a due time or once done. */
  workingMinutesLeft: number | null
  /** The working minutes in one of the unit's working days, to read `workingMinutesLeft` as days and hours. */
  workingDayMinutes: number
}

/** The columns of a dossier the desk's queue reads: no form data, of the applicant only the name. */
export type DeskRow = Pick<
  DossierRow,
  | 'receiptCode'
  | 'version'
  | 'procedureVersionId'
  | 'unitId'
  | 'receivingUnitId'
  | 'currentUnitId'
  | 'channel'
  | 'status'
  | 'currentStep'
  | 'caseKey'
  | 'submittedAt'
  | 'receivedAt'
  | 'dueAt'
  | 'pausedAt'
  | 'doneAt'
> & { applicantName: string }

/**
 * Whether a dossier's due date depends on a provisional year: one of the years from its reception to its due date
 * has no published decision yet (its days off come from the law's rules and a notice may still move them).
 * @example dueIsProvisional(await units.unitCalendarOf(dossier.unitId), dossier) // true for a 2027 deadline today
 */
export function dueIsProvisional(
  calendar: Pick<UnitCalendar, 'isProvisional'>,
  d: { receivedAt: Date | null; dueAt: Date | null },
): boolean {
  if (!d.receivedAt || !d.dueAt) return false
  const year = (at: Date) => new Date(at.getTime() + 7 * 3_600_000).getUTCFullYear()
  for (let y = year(d.receivedAt); y <= year(d.dueAt); y++) if (calendar.isProvisional(y)) return true
  return false
}

/** How a dossier shows in an officer's queue: its step, its deadline and the working time left. */
export function deskSummary(
  d: DeskRow,
  unitCode: string,
  procedure: PublishedVersion,
  calendar: UnitCalendar,
  now: Date,
): DeskSummary {
  const step = d.currentStep
    ? effectiveSteps(procedure.definition, d.caseKey).find((s) => s.key === d.currentStep)
    : undefined
  // while the clock is stopped for a supplement, the dossier is judged as it stood when it stopped
  const timeliness = classify({ dueAt: d.dueAt, doneAt: d.doneAt, pausedAt: d.pausedAt, now })
  const running = d.dueAt && !d.doneAt
  return {
    receiptCode: d.receiptCode,
    version: d.version,
    procedure: { code: procedure.code, name: procedure.definition.name, version: procedure.version },
    unitCode,
    applicantName: d.applicantName,
    channel: d.channel,
    status: d.status,
    statusName: dossierStatuses[d.status as keyof typeof dossierStatuses],
    step: step ? { key: step.key, name: step.name, role: step.role } : null,
    submittedAt: d.submittedAt,
    receivedAt: d.receivedAt,
    dueAt: d.dueAt,
    dueProvisional: dueIsProvisional(calendar, d),
    paused: d.pausedAt !== null,
    timeliness,
    workingMinutesLeft: running ? workingMinutesBetween(calendar.working, d.pausedAt ?? now, d.dueAt!) : null,
    workingDayMinutes: calendar.working.workingDayMinutes,
  }
}

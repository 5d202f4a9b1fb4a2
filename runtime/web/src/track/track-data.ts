import type { Issue } from '@motcua/web-kit'
import type { TimelineEntry } from '../lib/types'

/** The latest timeline entry of an action (`requestSupplement`, `requestPayment`, …) and where it is. */
export function latestOf(
  timeline: TimelineEntry[],
  action: string,
): { entry: TimelineEntry; index: number } | undefined {
  for (let index = timeline.length - 1; index >= 0; index--)
    if (timeline[index]!.action === action) return { entry: timeline[index]!, index }
  return undefined
}

/**
 * What the officer asked to supplement (`data.missingItems` of the latest supplement request, PIN view only):
 * non-empty texts, trimmed.
 * @example missingItems([{ action: 'requestSupplement', data: { missingItems: [' Bản sao căn cước ', ''] }, … }]) // ['Bản sao căn cước']
 */
export function missingItems(timeline: TimelineEntry[]): string[] {
  const items = latestOf(timeline, 'requestSupplement')?.entry.data?.missingItems
  return Array.isArray(items)
    ? items
        .filter((i): i is string => typeof i === 'string')
        .map((i) => i.trim())
        .filter(Boolean)
    : []
}

/** The amount (whole đồng) of the latest payment request, when the officer gave one. */
export function requestedAmount(timeline: TimelineEntry[]): number | undefined {
  const amount = latestOf(timeline, 'requestPayment')?.entry.data?.amount
  return typeof amount === 'number' && Number.isInteger(amount) && amount > 0 ? amount : undefined
}

/** The citizen's latest answer (`supplementSubmitted`) to the current supplement request, if any. */
export function supplementAnswer(timeline: TimelineEntry[]): TimelineEntry | undefined {
  const request = latestOf(timeline, 'requestSupplement')
  const answer = latestOf(timeline, 'supplementSubmitted')
  return request && answer && answer.index > request.index ? answer.entry : undefined
}

/**
 * The files in the order the runtime reads them: grouped by component in order of first appearance (the
 * multipart parser gathers the parts of one name), so an issue at `/attachments/<i>` is the i-th of this list.
 * @example uploadOrder([{ componentKey: 'a' }, { componentKey: 'b' }, { componentKey: 'a' }]) // a, a, b
 */
export function uploadOrder<T extends { componentKey: string }>(files: T[]): T[] {
  const groups = new Map<string, T[]>()
  for (const file of files) groups.set(file.componentKey, [...(groups.get(file.componentKey) ?? []), file])
  return [...groups.values()].flat()
}

/** The issues of a rejected upload that point at one file (`/attachments/<i>`), by index in upload order. */
export function fileIssues(issues: Issue[]): Map<number, Issue> {
  const found = new Map<number, Issue>()
  for (const issue of issues) {
    const index = /^\/attachments\/(\d+)/.exec(issue.path)?.[1]
    if (index !== undefined && !found.has(Number(index))) found.set(Number(index), issue)
  }
  return found
}

/** Napas BINs of banks that commonly hold public collection accounts; others show the BIN alone. */
const BANKS: Record<string, string> = {
  '970415': 'VietinBank',
  '970436': 'Vietcombank',
  '970405': 'Agribank',
  '970418': 'BIDV',
}

/** The bank's short name for a Napas BIN, when known. */
export const bankName = (bin: string): string | undefined => BANKS[bin]

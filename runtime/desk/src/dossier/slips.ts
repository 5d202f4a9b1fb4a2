/** The printed slips of a dossier, by kind (the set of forms in force picks their numbers). */
export type SlipKind = 'receipt' | 'supplement-request' | 'refusal' | 'apology' | 'stop-notice' | 'control-slip'

/**
 * The slip that goes with an action: the receipt when receiving (and when returning at the counter, where the
 * applicant signs for the result on it), the supplement request, the refusal, the apology with the new date, the stop
 * notice; none otherwise (the control slip is always at hand).
 * @example slipFor('extend') // 'apology'
 */
export function slipFor(actionType: string): SlipKind | null {
  switch (actionType) {
    case 'receive':
    case 'return':
      return 'receipt'
    case 'requestSupplement':
      return 'supplement-request'
    case 'refuse':
      return 'refusal'
    case 'extend':
      return 'apology'
    case 'stop':
      return 'stop-notice'
    default:
      return null
  }
}

/** Where a slip of the dossier is printed from (an A4 page). */
export const slipUrl = (code: string, kind: SlipKind): string =>
  `/api/desk/dossiers/${encodeURIComponent(code)}/slips/${kind}`

type Logged = {
  action: string
  fromStatus: number | null
  toStatus: number | null
  data: Record<string, unknown> | null
}

// which events each slip prints, as the runtime's slips read the log (runtime/src/slips/render-slip.ts)
const documents: [SlipKind, (e: Logged) => boolean][] = [
  ['receipt', (e) => e.action === 'receive' || e.action === 'intake'],
  ['supplement-request', (e) => e.action === 'requestSupplement' || (e.toStatus === 5 && e.fromStatus !== 5)],
  ['refusal', (e) => e.action === 'refuse' || e.toStatus === 3],
  ['apology', (e) => e.action === 'extend' || e.data?.newDueAt !== undefined],
  ['stop-notice', (e) => e.action === 'stop' || e.toStatus === 8],
  ['control-slip', () => true],
]

/** The slips a dossier's log documents: a slip is offered once the event it prints has happened. */
export const slipsOf = (events: Logged[]): SlipKind[] =>
  documents.filter(([, documented]) => events.some(documented)).map(([kind]) => kind)

/** The keys that take the common actions (shown on their buttons), by action type. */
export const actionKeys: Record<string, string> = {
  receive: 't',
  forward: 'c',
  approve: 'd',
  requestSupplement: 'b',
  acceptSupplement: 'n',
  return: 'r',
}

/** Whether an API refusal says the dossier changed since the officer loaded it (a stale `expectedVersion`). */
export const isStale = (error: { status: number; message: string }): boolean =>
  error.status === 409 && /stale/.test(error.message)

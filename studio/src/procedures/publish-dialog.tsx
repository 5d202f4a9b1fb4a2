// PLACEHOLDER until the publish dialog lands (issue #12); replaced by its helper.

export interface PublishDialogProps {
  /** The draft to publish. */
  draftId: string
  open: boolean
  onClose: () => void
  /** After publishing (or sending it for a second approval): what happened. */
  onDone: (outcome: { published: { code: string; version: number } } | { awaitingApproval: true }) => void
}

/**
 * Publishing a draft: its changes against the version in force, now or from a date; with four eyes, a request
 * another administrator approves.
 */
export function PublishDialog({ draftId, open }: PublishDialogProps) {
  return open ? <p>PublishDialog {draftId}</p> : null
}

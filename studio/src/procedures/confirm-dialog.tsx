import { type ReactNode, useState } from 'react'
import { ErrorBox } from '../components/status'
import { useI18n } from '../i18n/i18n'
import { Modal } from './modal'

/** Asks before an action that cannot be undone; shows the API's refusal in place. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  onConfirm,
  onClose,
  danger = false,
  disabled = false,
}: {
  open: boolean
  title: string
  children: ReactNode
  confirmLabel: string
  onConfirm: () => Promise<void>
  onClose: () => void
  danger?: boolean
  /** While what the dialog asks for is incomplete. */
  disabled?: boolean
}) {
  const { t } = useI18n()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()
  const confirm = async () => {
    setBusy(true)
    setError(undefined)
    try {
      await onConfirm()
    } catch (caught) {
      setError(caught)
    } finally {
      setBusy(false)
    }
  }
  const close = () => {
    setError(undefined)
    onClose()
  }
  return (
    <Modal open={open} title={title} onClose={close}>
      <div className="stack">
        {children}
        {error !== undefined && <ErrorBox error={error} />}
        <div className="row dialog__actions">
          <button
            type="button"
            className={danger ? 'button button--danger' : 'button'}
            disabled={busy || disabled}
            onClick={() => void confirm()}
          >
            {confirmLabel}
          </button>
          <button type="button" className="button button--secondary" onClick={close}>
            {t('common.cancel')}
          </button>
        </div>
      </div>
    </Modal>
  )
}

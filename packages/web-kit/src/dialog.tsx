import { type ReactNode, useEffect, useId, useRef, useState } from 'react'
import { useMessages } from './i18n'
import { kitTexts } from './kit-texts'
import { ErrorBox } from './status'

/**
 * A modal dialog (the browser's `<dialog>`: focus kept inside, Escape closes), titled by its heading; `closable`
 * adds a "Đóng" button beside the title.
 * @example <Modal open={open} title="Tạo thủ tục" onClose={close}>…</Modal>
 */
export function Modal({
  open,
  title,
  onClose,
  children,
  wide = false,
  closable = false,
}: {
  open: boolean
  title: string
  onClose: () => void
  children: ReactNode
  wide?: boolean
  closable?: boolean
}) {
  const { t } = useMessages(kitTexts)
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog--wide' : 'dialog'}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
    >
      {open && (
        <>
          <div className="dialog__head">
            <h2 id={titleId} className="dialog__title">
              {title}
            </h2>
            {closable && (
              <button type="button" className="button button--secondary button--small" onClick={onClose}>
                {t('close')}
              </button>
            )}
          </div>
          {children}
        </>
      )}
    </dialog>
  )
}

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
  const { t } = useMessages(kitTexts)
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
            {t('cancel')}
          </button>
        </div>
      </div>
    </Modal>
  )
}

import { type ReactNode, useEffect, useId, useRef } from 'react'
import { useI18n } from '../i18n/i18n'

/**
 * A modal dialog, open while it is rendered: focus stays inside, Escape or "Đóng" closes it.
 * @example {editing && <Dialog title="Sửa tài khoản" onClose={() => setEditing(null)}>…</Dialog>}
 */
export function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const { t } = useI18n()
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => dialog?.close()
  }, [])
  return (
    <dialog
      ref={ref}
      className="dialog admin-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault()
        onClose()
      }}
    >
      <div className="admin-dialog__head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="button button--secondary button--small" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      {children}
    </dialog>
  )
}

/** Asks before an action that cannot be taken back, saying what it does; the action's button names it. */
export function ConfirmDialog({
  title,
  children,
  action,
  danger,
  busy,
  onConfirm,
  onClose,
}: {
  title: string
  children: ReactNode
  action: string
  danger?: boolean
  busy?: boolean
  onConfirm: () => void
  onClose: () => void
}) {
  const { t } = useI18n()
  return (
    <Dialog title={title} onClose={onClose}>
      <div className="stack">
        {children}
        <div className="row">
          <button
            type="button"
            className={`button${danger ? ' button--danger' : ''}`}
            disabled={busy}
            onClick={onConfirm}
          >
            {action}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </div>
    </Dialog>
  )
}

import type { FeeLine } from '@motcua/core'
import { formatVnd } from '@motcua/forms'
import { Link } from '@motcua/web-kit'
import { useEffect, useRef } from 'react'
import { useI18n } from '../i18n/i18n'
import { useShortcut } from '../lib/shortcuts'

/** What the intake API answers: the receipt to hand over. */
export interface IssuedReceipt {
  receiptCode: string
  pin: string
  status: number
  dueAt: string | null
  fees: FeeLine[]
}

/** Mẫu 01 (giấy tiếp nhận hồ sơ và hẹn trả kết quả) of a dossier, as the runtime renders it. */
export const receiptSlipUrl = (code: string) => `/api/desk/dossiers/${encodeURIComponent(code)}/slips/01`

// The slip is a static A4 page (no script of its own may run there): the desk, same origin, asks it to print.
const openSlip = (code: string) => {
  const slip = window.open(receiptSlipUrl(code), '_blank')
  slip?.addEventListener('load', () => slip.print(), { once: true })
}

/** The receipt just issued: code, PIN and due date to read out, Mẫu 01 opened for printing at once (P), next one (N). */
export function ReceiptPanel({
  receipt,
  feesPaid,
  onAnother,
}: {
  receipt: IssuedReceipt
  feesPaid: number | undefined
  onAnother: () => void
}) {
  const { t, locale } = useI18n()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    heading.current?.focus()
    openSlip(receipt.receiptCode)
  }, [receipt.receiptCode])
  useShortcut('p', () => openSlip(receipt.receiptCode))
  useShortcut('n', onAnother)
  const due = receipt.dueAt ? new Date(receipt.dueAt) : undefined
  const zone = { timeZone: 'Asia/Ho_Chi_Minh' } as const
  const tag = locale === 'vi' ? 'vi-VN' : 'en-GB'
  return (
    <section className="intake-receipt notice notice--ok" aria-labelledby="intake-receipt-title">
      <h2 id="intake-receipt-title" ref={heading} tabIndex={-1}>
        {t('intake.received', { code: receipt.receiptCode })}
      </h2>
      <dl className="intake-receipt__facts">
        <dt>{t('intake.receiptCode')}</dt>
        <dd data-testid="receipt-code">{receipt.receiptCode}</dd>
        <dt>{t('intake.pin')}</dt>
        <dd data-testid="receipt-pin">{receipt.pin}</dd>
        <dt>{t('intake.dueAt')}</dt>
        <dd>
          {due ? (
            <>
              <strong>
                {new Intl.DateTimeFormat(tag, { ...zone, weekday: 'long', day: 'numeric', month: 'long' }).format(due)}
              </strong>{' '}
              (
              {new Intl.DateTimeFormat(tag, {
                ...zone,
                day: '2-digit',
                month: '2-digit',
                year: 'numeric',
                hour: '2-digit',
                minute: '2-digit',
              }).format(due)}
              )
            </>
          ) : (
            t('intake.noDue')
          )}
        </dd>
        {feesPaid !== undefined && (
          <>
            <dt>{t('intake.feesCollected')}</dt>
            <dd>{formatVnd(feesPaid)}</dd>
          </>
        )}
      </dl>
      <div className="row intake-receipt__actions">
        <a
          className="button"
          href={receiptSlipUrl(receipt.receiptCode)}
          target="_blank"
          rel="noopener"
          aria-keyshortcuts="p"
          onClick={(event) => {
            event.preventDefault()
            openSlip(receipt.receiptCode)
          }}
        >
          {t('intake.print')} <span className="intake-key">({t('intake.printKey')})</span>
        </a>
        <Link className="button button--secondary" to={`/desk/ho-so/${encodeURIComponent(receipt.receiptCode)}`}>
          {t('intake.openDossier')}
        </Link>
        <button type="button" className="button button--secondary" aria-keyshortcuts="n" onClick={onAnother}>
          {t('intake.another')} <span className="intake-key">({t('intake.anotherKey')})</span>
        </button>
      </div>
    </section>
  )
}

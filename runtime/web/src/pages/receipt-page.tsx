import { type ApiError, api, Link } from '@motcua/web-kit'
import { useEffect, useState } from 'react'
import { FeeTable } from '../components/fee-table'
import { ErrorBox } from '../components/loading'
import { usePageTitle } from '../components/page-title'
import { QrImage } from '../components/qr-code'
import { StatusBadge } from '../components/status-badge'
import { useI18n } from '../i18n/i18n'
import { showDateTime } from '../lib/format'
import type { TrackedDossier } from '../lib/types'
import { NextSteps } from '../receipt/next-steps'
import { ReceiptPdfButton } from '../receipt/receipt-pdf-button'
import { forgetReceipt, type Receipt, readReceipt } from '../receipt/receipt-store'

const tracked = (code: string, pin: string) =>
  api<TrackedDossier>(`/api/track/${encodeURIComponent(code)}`, { headers: { 'x-lookup-pin': pin } })

/** The receipt as the tracking API tells it now (with the PIN), over what was kept from the submission. */
const fromTracked = (d: TrackedDossier, pin: string, kept?: Receipt): Receipt => ({
  ...kept,
  receiptCode: d.receiptCode,
  pin,
  status: d.status,
  statusName: d.statusName,
  submittedAt: d.submittedAt,
  dueAt: d.dueAt,
  expectedDueAt: d.expectedDueAt ?? null,
  procedure: d.procedure,
  unit: d.unit,
  fees: d.fees ?? kept?.fees ?? [],
  ...(d.payment ? { payment: d.payment } : {}),
  delivery: d.delivery ?? null,
  receiptSentTo: d.receiptSentTo ?? kept?.receiptSentTo ?? null,
})

/** Not kept on this device: the PIN brings the receipt back from the tracking API (in a header, never the URL). */
function PinForm({ code, onOpen, forgotten }: { code: string; onOpen: (r: Receipt) => void; forgotten: boolean }) {
  const { t } = useI18n()
  const [pin, setPin] = useState('')
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<ApiError | undefined>()
  const open = async () => {
    setPending(true)
    setError(undefined)
    try {
      onOpen(fromTracked(await tracked(code, pin.trim()), pin.trim()))
    } catch (caught) {
      setError(caught as ApiError)
      setPending(false)
    }
  }
  return (
    <>
      <h1>
        {t('receipt.code')}: <span className="code">{code}</span>
      </h1>
      {forgotten && (
        <p className="notice notice--success" role="status">
          {t('receipt.forgotten')}
        </p>
      )}
      <form
        className="panel track-pin"
        onSubmit={(e) => {
          e.preventDefault()
          void open()
        }}
      >
        <p>{t('receipt.pinLead')}</p>
        <label htmlFor="receipt-pin" className="label">
          {t('receipt.pin')}
        </label>
        <p className="hint" id="receipt-pin-hint">
          {t('receipt.pinHint')}
        </p>
        <input
          id="receipt-pin"
          className="input input--short"
          inputMode="numeric"
          autoComplete="off"
          value={pin}
          aria-describedby="receipt-pin-hint"
          onChange={(e) => setPin(e.target.value)}
        />
        <button type="submit" className="button" disabled={pending || !pin.trim()}>
          {t('receipt.pinShow')}
        </button>
      </form>
      {error && <ErrorBox error={error} />}
      <p>
        <Link to={`/tra-cuu/${encodeURIComponent(code)}`}>{t('receipt.track')}</Link>
      </p>
    </>
  )
}

/**
 * Giấy biên nhận: the dossier code, the PIN, what happens next, the fees, a QR code to the tracking page; printable,
 * as a PDF (Mẫu 01), kept on this device until removed, and reopened anywhere with the PIN.
 */
export default function ReceiptPage({ code }: { code: string }) {
  const { t } = useI18n()
  usePageTitle(t('receipt.title'))
  const [receipt, setReceipt] = useState<Receipt | null>(() => readReceipt(code))
  const [kept, setKept] = useState(receipt !== null)
  const [forgotten, setForgotten] = useState(false)
  const pin = receipt?.pin
  // the status, the appointment and the delivery as they are now, not as they were at submission
  useEffect(() => {
    if (!pin) return
    let live = true
    tracked(code, pin).then(
      (fresh) => live && setReceipt((r) => (r ? fromTracked(fresh, pin, r) : r)),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [code, pin])
  const trackUrl = `${window.location.origin}/tra-cuu/${encodeURIComponent(code)}`
  if (!receipt) return <PinForm code={code} onOpen={setReceipt} forgotten={forgotten} />
  const unitName = receipt.unit?.name ?? receipt.unitName ?? ''
  const forget = () => {
    forgetReceipt(code)
    setKept(false)
    setForgotten(true)
    setReceipt(null)
  }
  return (
    <article className="receipt">
      <div className="notice notice--success no-print">
        <h1>{t('receipt.title')}</h1>
        <p>{t('receipt.lead', { unit: unitName })}</p>
      </div>
      <h2 className="print-only">{t('app.title')}</h2>
      <div className="receipt__codes">
        <div>
          <p className="receipt__label">{t('receipt.code')}</p>
          <p className="receipt__code" data-testid="receipt-code">
            {receipt.receiptCode}
          </p>
          <p className="receipt__label">{t('receipt.pin')}</p>
          <p className="receipt__pin" data-testid="receipt-pin">
            {receipt.pin}
          </p>
          <p className="hint">{t('receipt.pinNote')}</p>
          {receipt.receiptSentTo?.sms && (
            <p className="hint" data-testid="receipt-sent">
              {t('receipt.sentBySms', { phone: receipt.receiptSentTo.sms })}
            </p>
          )}
          {receipt.receiptSentTo?.email && (
            <p className="hint" data-testid="receipt-sent-email">
              {t('receipt.sentByEmail', { email: receipt.receiptSentTo.email })}
            </p>
          )}
        </div>
        <figure className="receipt__qr">
          <QrImage text={trackUrl} label={`${t('receipt.qr')}: ${trackUrl}`} />
          <figcaption className="hint">{t('receipt.qr')}</figcaption>
        </figure>
      </div>
      <dl className="facts">
        <div>
          <dt>{t('receipt.procedure')}</dt>
          <dd>{receipt.procedure?.name ?? receipt.procedureName}</dd>
        </div>
        <div>
          <dt>{t('receipt.unit')}</dt>
          <dd>{unitName}</dd>
        </div>
        <div>
          <dt>{t('receipt.submittedAt')}</dt>
          <dd>{showDateTime(receipt.submittedAt)}</dd>
        </div>
        {receipt.statusName && (
          <div>
            <dt>{t('receipt.status')}</dt>
            <dd>
              <StatusBadge status={receipt.status} name={receipt.statusName} />
            </dd>
          </div>
        )}
      </dl>
      <NextSteps facts={{ ...receipt, unitName }} />
      <h2>{t('receipt.fees')}</h2>
      <FeeTable fees={receipt.fees} />
      <div className="form-actions no-print">
        <ReceiptPdfButton code={receipt.receiptCode} pin={receipt.pin} />
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          {t('receipt.print')}
        </button>
        <Link
          className="button button--secondary"
          to={`/tra-cuu/${encodeURIComponent(receipt.receiptCode)}`}
          state={{ pin: receipt.pin }}
        >
          {t('receipt.track')}
        </Link>
      </div>
      {kept && (
        <section className="panel no-print" aria-labelledby="kept-title">
          <h2 id="kept-title" className="mc-sr-only">
            {t('receipt.forget')}
          </h2>
          <p className="hint">{t('receipt.keptHere')}</p>
          <button type="button" className="button button--secondary" data-testid="receipt-forget" onClick={forget}>
            {t('receipt.forget')}
          </button>
        </section>
      )}
    </article>
  )
}

import { Link } from '@motcua/web-kit'
import { FeeTable } from '../components/fee-table'
import { usePageTitle } from '../components/page-title'
import { QrImage } from '../components/qr-code'
import { StatusBadge } from '../components/status-badge'
import { useI18n } from '../i18n/i18n'
import { showDateTime } from '../lib/format'
import type { SubmittedDossier } from '../lib/types'

type Receipt = SubmittedDossier & { procedureName?: string; unitName?: string }

function readReceipt(code: string): Receipt | null {
  try {
    const text = sessionStorage.getItem(`motcua.receipt.${code}`)
    return text ? (JSON.parse(text) as Receipt) : null
  } catch {
    return null
  }
}

/** Giấy biên nhận: the dossier code, the PIN, the fees, a QR code to the tracking page; printable. */
export default function ReceiptPage({ code }: { code: string }) {
  const { t } = useI18n()
  usePageTitle(t('receipt.title'))
  const receipt = readReceipt(code)
  const trackUrl = `${window.location.origin}/tra-cuu/${encodeURIComponent(code)}`
  if (!receipt) {
    return (
      <>
        <h1>
          {t('receipt.code')}: {code}
        </h1>
        <p className="notice">{t('receipt.missing')}</p>
        <Link className="button" to={`/tra-cuu/${encodeURIComponent(code)}`}>
          {t('receipt.track')}
        </Link>
      </>
    )
  }
  const unitName = receipt.unit?.name ?? receipt.unitName ?? ''
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
      <h2>{t('receipt.fees')}</h2>
      <FeeTable fees={receipt.fees} />
      <div className="form-actions no-print">
        <button type="button" className="button button--wide" onClick={() => window.print()}>
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
    </article>
  )
}

import { ApiError, api, useAsync } from '@motcua/web-kit'
import { useMemo, useState } from 'react'
import { ErrorBox, Loading } from '../components/loading'
import { encodeQr, QrImage, qrPng } from '../components/qr-code'
import { useI18n } from '../i18n/i18n'
import { saveBlob } from '../lib/download'
import { showVnd } from '../lib/format'
import type { VietQr } from '../lib/types'
import { bankName } from './track-data'

function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useI18n()
  const [copied, setCopied] = useState(false)
  if (!navigator.clipboard) return null
  return (
    <button
      type="button"
      className="link-button copy-button"
      onClick={() =>
        navigator.clipboard.writeText(text).then(
          () => setCopied(true),
          () => undefined,
        )
      }
    >
      {copied ? t('payment.copied') : t('payment.copy')}
      <span className="mc-sr-only"> {label}</span>
    </button>
  )
}

/**
 * Paying the fee a dossier was asked for with VietQR (the unit's `vietnam-qr-pay` plugin): the code to scan,
 * what it transfers and to whom; or, when the unit takes no online payment (404), where to pay instead.
 */
export default function PaymentPanel({
  code,
  amount,
  unitName,
}: {
  code: string
  amount: number | undefined
  unitName: string
}) {
  const { t } = useI18n()
  const query = amount ? `?amount=${amount}` : ''
  const {
    value: qr,
    error,
    reload,
  } = useAsync(
    () => api<VietQr>(`/api/plugins/vietnam-qr-pay/dossiers/${encodeURIComponent(code)}/qr${query}`),
    [code, query],
  )
  if (error instanceof ApiError && error.status === 404) {
    return (
      <p className="payment-counter" data-testid="payment-counter">
        {t('payment.counter', { unit: unitName })}
      </p>
    )
  }
  if (error !== undefined) return <ErrorBox error={error} onRetry={reload} />
  if (!qr) return <Loading />
  return <VietQrPayment qr={qr} code={code} />
}

function VietQrPayment({ qr, code }: { qr: VietQr; code: string }) {
  const { t } = useI18n()
  const bank = bankName(qr.bankBin)
  const amount = showVnd(qr.amount)
  const encoded = useMemo(() => encodeQr(qr.payload, 'M'), [qr.payload])
  return (
    <section className="panel panel--action payment" aria-labelledby="payment-title">
      <h3 id="payment-title">{t('payment.title')}</h3>
      <p>{t('payment.scan')}</p>
      <figure className="payment__qr">
        <QrImage
          text={qr.payload}
          className="qr qr--payment"
          label={t('payment.qrLabel', { amount, name: qr.accountName })}
        />
        <figcaption className="payment__amount" data-testid="payment-amount">
          {amount}
        </figcaption>
      </figure>
      <button
        type="button"
        className="button button--secondary button--wide"
        onClick={() => void qrPng(encoded).then((png) => saveBlob(png, `VietQR-${code}.png`))}
      >
        {t('payment.saveQr')}
      </button>
      <p className="hint">{t('payment.saveQrHint')}</p>
      <dl className="facts payment__facts">
        <div>
          <dt>{t('payment.amount')}</dt>
          <dd>{amount}</dd>
        </div>
        <div>
          <dt>{t('payment.bank')}</dt>
          <dd>{bank ? `${bank} (${t('payment.bin', { bin: qr.bankBin })})` : t('payment.bin', { bin: qr.bankBin })}</dd>
        </div>
        <div>
          <dt>{t('payment.account')}</dt>
          <dd className="copyable">
            <span className="code">{qr.accountNumber}</span>
            <CopyButton text={qr.accountNumber} label={t('payment.account')} />
          </dd>
        </div>
        <div>
          <dt>{t('payment.accountName')}</dt>
          <dd>{qr.accountName}</dd>
        </div>
        <div>
          <dt>{t('payment.content')}</dt>
          <dd className="copyable">
            <span className="code">{qr.purpose}</span>
            <CopyButton text={qr.purpose} label={t('payment.content')} />
          </dd>
        </div>
      </dl>
      <p className="hint">{t('payment.contentHint')}</p>
      <p className="payment__auto">{t('payment.auto')}</p>
    </section>
  )
}

import type { ApiError } from '@motcua/web-kit'
import { useState } from 'react'
import { ErrorBox } from '../components/loading'
import { useI18n } from '../i18n/i18n'
import { downloadReceiptPdf } from '../lib/download'

/** "Tải giấy biên nhận (PDF)": Mẫu 01 fetched with the PIN in a header (never the address) and saved. */
export function ReceiptPdfButton({ code, pin, secondary }: { code: string; pin: string; secondary?: boolean }) {
  const { t } = useI18n()
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<ApiError | undefined>()
  const download = async () => {
    setPending(true)
    setError(undefined)
    try {
      await downloadReceiptPdf(code, pin)
    } catch (caught) {
      setError(caught as ApiError)
    } finally {
      setPending(false)
    }
  }
  return (
    <>
      <button
        type="button"
        className={secondary ? 'button button--secondary' : 'button'}
        data-testid="receipt-pdf"
        aria-busy={pending}
        disabled={pending}
        onClick={() => void download()}
      >
        {pending ? t('receipt.pdfPending') : t('receipt.pdf')}
      </button>
      {error && <ErrorBox error={error} />}
    </>
  )
}

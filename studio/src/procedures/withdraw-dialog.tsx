import { api } from '@motcua/web-kit'
import { useState } from 'react'
import { ConfirmDialog } from '../components/dialog'
import { useI18n } from '../i18n/i18n'
import { issueAt } from './create-fields'
import { DayField } from './day-field'
import { nextDay, vietnameseDay, vietnamToday } from './format'

/** "Bãi bỏ": no new dossiers from a chosen day; dossiers already filed finish under the version they were filed with. */
export function WithdrawDialog({
  open,
  code,
  name,
  effectiveFrom,
  onClose,
  onDone,
}: {
  open: boolean
  code: string
  name: string
  /** The first day of the newest version: withdrawing must come after it. */
  effectiveFrom?: string
  onClose: () => void
  onDone: () => void
}) {
  const { t, pick } = useI18n()
  const earliest = [vietnamToday(), effectiveFrom ? nextDay(effectiveFrom) : ''].sort().at(-1)!
  const [from, setFrom] = useState(earliest)
  const [error, setError] = useState<unknown>()
  const problem = issueAt(error, '/withdrawnFrom')
  return (
    <ConfirmDialog
      open={open}
      danger
      disabled={!from}
      title={t('procedures.page.withdraw.confirmTitle', { name })}
      confirmLabel={
        from ? t('procedures.page.withdraw.confirm', { date: vietnameseDay(from) }) : t('procedures.page.withdraw.open')
      }
      onClose={onClose}
      onConfirm={async () => {
        setError(undefined)
        try {
          await api(`/api/admin/procedures/${encodeURIComponent(code)}/withdraw`, {
            method: 'POST',
            body: { withdrawnFrom: from },
          })
        } catch (caught) {
          setError(caught)
          throw caught
        }
        onDone()
      }}
    >
      <DayField
        label={t('procedures.page.withdraw.from')}
        value={from}
        min={earliest}
        problem={problem && pick(problem)}
        onChange={setFrom}
      />
      <p>{t('procedures.page.withdraw.explainNew', { date: from ? vietnameseDay(from) : '…' })}</p>
      <p>{t('procedures.page.withdraw.explainInFlight')}</p>
    </ConfirmDialog>
  )
}

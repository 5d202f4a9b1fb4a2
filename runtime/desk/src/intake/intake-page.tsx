import type { ProcedureDefinition } from '@motcua/core'
import { api, Link, navigate, useAsync, useSession } from '@motcua/web-kit'
import { useState } from 'react'
import { ErrorBox, Loading, usePageTitle } from '../components/status'
import { useI18n } from '../i18n/i18n'
import { officerGrants } from '../lib/officer'
import { IntakeForm } from './intake-form'
import { ProcedurePicker } from './procedure-picker'
import { type IssuedReceipt, ReceiptPanel } from './receipt-panel'
import { recentProcedures } from './recent'
import './intake.css'

/** Counter intake: a paper dossier entered on the applicant's behalf, received at once, receipt printed. */
export function IntakePage({ procedureCode }: { procedureCode?: string }) {
  const { t } = useI18n()
  const { user } = useSession()
  usePageTitle(t('intake.title'))
  const unitCode = user && officerGrants(user).find((g) => g.role === 'receiving_officer')?.unitCode
  if (!unitCode)
    return (
      <div className="narrow">
        <h1>{t('intake.title')}</h1>
        <p className="notice notice--warn">{t('intake.noUnit')}</p>
      </div>
    )
  if (!procedureCode)
    return (
      <div className="intake">
        <h1>{t('intake.title')}</h1>
        <ProcedurePicker unitCode={unitCode} />
      </div>
    )
  return <ProcedureIntake code={procedureCode} unitCode={unitCode} />
}

function ProcedureIntake({ code, unitCode }: { code: string; unitCode: string }) {
  const { t, locale } = useI18n()
  const {
    value: definition,
    error,
    reload,
  } = useAsync(() => api<ProcedureDefinition>(`/api/procedures/${encodeURIComponent(code)}`), [code])
  const [issued, setIssued] = useState<{ receipt: IssuedReceipt; feesPaid: number | undefined }>()
  const [round, setRound] = useState(0)
  if (error !== undefined) return <ErrorBox error={error} onRetry={reload} />
  if (!definition) return <Loading />
  const name = locale === 'en' && definition.nameEn ? definition.nameEn : definition.name
  return (
    <div className="intake">
      <p className="intake-crumb">
        <Link to="/desk/tiep-nhan">{t('intake.otherProcedure')}</Link>
      </p>
      <h1 className="intake-title">
        {name} <span className="hint">{definition.code}</span>
      </h1>
      {issued ? (
        <ReceiptPanel
          receipt={issued.receipt}
          feesPaid={issued.feesPaid}
          onAnother={() => {
            setIssued(undefined)
            setRound((r) => r + 1)
            navigate('/desk/tiep-nhan')
          }}
        />
      ) : (
        <IntakeForm
          key={round}
          definition={definition}
          unitCode={unitCode}
          onReceived={(receipt, feesPaid) => {
            recentProcedures.use(definition.code)
            setIssued({ receipt, feesPaid })
            window.scrollTo(0, 0)
          }}
        />
      )}
    </div>
  )
}

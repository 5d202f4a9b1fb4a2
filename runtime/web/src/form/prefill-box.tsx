import { isCccd, valueProblem } from '@motcua/core'
import { ApiError, api, Link, useSession } from '@motcua/web-kit'
import { useEffect, useId, useState } from 'react'
import type { ChosenUnit } from '../components/unit-chooser'
import { useI18n } from '../i18n/i18n'
import type { PrefillSource } from '../lib/types'

type Value = string | number | boolean
/** `POST /api/me/prefill/:procedureCode` */
interface PrefillAnswer {
  fill: Record<string, Value>
  source: { plugin: string; lookup: string; name: { vi: string; en: string } }
}

/** Whether the unit has the procedure's pre-fill plugin enabled (none asked before a unit is chosen). */
function useEnabledAt(procedureCode: string, unit: ChosenUnit | undefined) {
  const [enabled, setEnabled] = useState<Record<string, boolean>>({})
  useEffect(() => {
    if (!unit || unit.code in enabled) return
    api<{ enabled: boolean }>(
      `/api/procedures/${encodeURIComponent(procedureCode)}/prefill?unit=${encodeURIComponent(unit.code)}`,
    ).then(
      (r) => setEnabled((e) => ({ ...e, [unit.code]: r.enabled })),
      () => setEnabled((e) => ({ ...e, [unit.code]: false })),
    )
  }, [procedureCode, unit, enabled])
  return !!unit && enabled[unit.code] === true
}

/**
 * Above the form: the citizen's own details from an outside register (the procedure's `prefill`), after they read
 * and tick its consent and type their căn cước number. `onFill` lays the answer over the form and says how many
 * fields it filled and kept.
 */
export function PrefillBox({
  procedureCode,
  source,
  unit,
  onFill,
}: {
  procedureCode: string
  source: PrefillSource
  unit: ChosenUnit | undefined
  onFill: (fill: Record<string, Value>) => { filled: number; kept: number }
}) {
  const { t, pick } = useI18n()
  const { user } = useSession()
  const id = useId()
  const enabled = useEnabledAt(procedureCode, unit)
  const [consent, setConsent] = useState(false)
  const [idNumber, setIdNumber] = useState('')
  const [problems, setProblems] = useState<{ consent?: string; idNumber?: string }>({})
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState('')
  const [failure, setFailure] = useState<ApiError>()
  if (!enabled) return null
  const name = pick(source.name)
  const citizen = user?.roles.some((r) => r.role === 'citizen')
  const here = `${window.location.pathname}${window.location.search}`

  const run = async () => {
    const found: typeof problems = {}
    if (!consent) found.consent = t('prefill.noConsent')
    if (!isCccd(idNumber)) {
      // what is wrong with it (10 digits typed, an unknown province code), else the rule
      const problem = valueProblem('cccd', idNumber)
      found.idNumber = problem ? pick(problem) : t('prefill.badIdNumber')
    }
    setProblems(found)
    setDone('')
    setFailure(undefined)
    if (found.consent || found.idNumber) {
      document.getElementById(`${id}-${found.consent ? 'consent' : 'id'}`)?.focus()
      return
    }
    setBusy(true)
    try {
      const answer = await api<PrefillAnswer>(`/api/me/prefill/${encodeURIComponent(procedureCode)}`, {
        method: 'POST',
        body: { unitCode: unit!.code, idNumber: idNumber.trim(), consent: true },
      })
      const { filled, kept } = onFill(answer.fill)
      setDone(
        [
          filled ? t('prefill.done', { n: filled, name }) : t('prefill.nothing'),
          kept && filled ? t('prefill.kept', { n: kept }) : '',
        ]
          .filter(Boolean)
          .join(' '),
      )
    } catch (caught) {
      const error =
        caught instanceof ApiError ? caught : new ApiError(0, 'ERROR', { vi: String(caught), en: String(caught) })
      setFailure(error)
      const path = error.issues[0]?.path
      if (path === '/idNumber') setProblems({ idNumber: pick(error.issues[0]!.message) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="panel prefill-box" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('prefill.title', { name })}</h2>
      <p>{t('prefill.lead', { n: Object.keys(source.fields).length })}</p>
      {!citizen ? (
        <p>
          {t('prefill.signIn')}{' '}
          <Link to={`/dang-nhap?tiep=${encodeURIComponent(here)}`}>{t('prefill.signInLink')}</Link>
        </p>
      ) : (
        <>
          <div className="prefill-consent">
            <label className="mc-choice mc-choice--single" htmlFor={`${id}-consent`}>
              <input
                type="checkbox"
                id={`${id}-consent`}
                checked={consent}
                aria-invalid={!!problems.consent || undefined}
                aria-describedby={problems.consent ? `${id}-consent-error` : undefined}
                onChange={(e) => {
                  setConsent(e.target.checked)
                  if (e.target.checked) setProblems((p) => ({ ...p, consent: undefined }))
                }}
              />
              <span>{pick(source.consent)}</span>
            </label>
            {problems.consent && (
              <p className="field-error" id={`${id}-consent-error`}>
                {problems.consent}
              </p>
            )}
          </div>
          <label className="mc-label" htmlFor={`${id}-id`}>
            {t('prefill.idNumber')}
          </label>
          <input
            className="mc-input prefill-id"
            id={`${id}-id`}
            inputMode="numeric"
            autoComplete="off"
            value={idNumber}
            aria-invalid={!!problems.idNumber || undefined}
            aria-describedby={`${id}-id-help${problems.idNumber ? ` ${id}-id-error` : ''}`}
            // no maxLength: a pasted "022 098 001 234" must not be cut before its spaces are dropped
            onChange={(e) => setIdNumber(e.target.value.replace(/\D/g, ''))}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault()
                void run()
              }
            }}
          />
          {problems.idNumber && (
            <p className="field-error" id={`${id}-id-error`}>
              {problems.idNumber}
            </p>
          )}
          <p className="hint" id={`${id}-id-help`}>
            {t('prefill.idNumberHelp')}
          </p>
          <button type="button" className="button" disabled={busy} aria-disabled={busy} onClick={() => void run()}>
            {busy ? t('prefill.busy') : t('prefill.button')}
          </button>
        </>
      )}
      <p className="prefill-done" role="status">
        {done}
      </p>
      {failure && (
        <div className="notice notice--error" role="alert">
          <p>
            <strong>{t('prefill.failed')}</strong> {pick(failure.userMessage)}
          </p>
          <p>{t('prefill.fillByHand')}</p>
        </div>
      )}
    </section>
  )
}

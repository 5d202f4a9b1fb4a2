import { navigate } from '@motcua/web-kit'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useI18n } from '../i18n/i18n'

/** Dossier code (and PIN) → the tracking page. The PIN travels in the history state, never in the address. */
export function TrackForm({
  idPrefix,
  initialCode = '',
  withPin = false,
  onTrack,
  problem,
}: {
  idPrefix: string
  initialCode?: string
  withPin?: boolean
  /** What is wrong with the code typed (e.g. no dossier has it): shown under the field, which keeps it and takes focus. */
  problem?: string | undefined
  onTrack?: (code: string, pin: string) => void
}) {
  const { t } = useI18n()
  const [code, setCode] = useState(initialCode)
  const [pin, setPin] = useState('')
  const codeInput = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (problem) codeInput.current?.focus()
  }, [problem])
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const clean = code.trim().toUpperCase()
    if (!clean) return
    if (onTrack) onTrack(clean, pin.trim())
    else navigate(`/tra-cuu/${encodeURIComponent(clean)}`, { state: pin.trim() ? { pin: pin.trim() } : null })
  }
  return (
    <form className="track-form" onSubmit={submit}>
      <label htmlFor={`${idPrefix}-code`} className="label">
        {t('track.code')}
      </label>
      <p className="hint" id={`${idPrefix}-code-hint`}>
        {t('track.codeHint')}
      </p>
      {problem && (
        <p className="field-error" id={`${idPrefix}-code-error`}>
          ⚠ {problem}
        </p>
      )}
      <input
        ref={codeInput}
        id={`${idPrefix}-code`}
        className="input"
        value={code}
        required
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${idPrefix}-code-hint${problem ? ` ${idPrefix}-code-error` : ''}`}
        onChange={(e) => setCode(e.target.value)}
      />
      {withPin && (
        <>
          <label htmlFor={`${idPrefix}-pin`} className="label">
            {t('track.pin')}
          </label>
          <p className="hint" id={`${idPrefix}-pin-hint`}>
            {t('track.pinHint')}
          </p>
          <input
            id={`${idPrefix}-pin`}
            className="input input--short"
            value={pin}
            inputMode="numeric"
            autoComplete="off"
            aria-describedby={`${idPrefix}-pin-hint`}
            onChange={(e) => setPin(e.target.value)}
          />
        </>
      )}
      <button type="submit" className="button">
        {t('track.submit')}
      </button>
    </form>
  )
}

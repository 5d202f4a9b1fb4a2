import { useEffect, useId, useState } from 'react'
import { useI18n } from '../../i18n/i18n'

interface Props {
  label: string
  value: unknown
  onChange: (value: unknown) => void
  readOnly: boolean
  hint?: string
}

/** The advanced view of a rule or schema: its JSON, applied when it parses (on leaving the box or with the button). */
export function RuleJson({ label, value, onChange, readOnly, hint }: Props) {
  const { t } = useI18n()
  const id = useId()
  const shown = value === undefined ? '' : JSON.stringify(value, null, 2)
  const [text, setText] = useState(shown)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => setText(shown), [shown])
  const apply = () => {
    if (text === shown) return
    if (text.trim() === '') {
      setError(null)
      onChange(undefined)
      return
    }
    try {
      const parsed: unknown = JSON.parse(text)
      setError(null)
      onChange(parsed)
    } catch (e) {
      setError(t('rule.jsonInvalid', { error: e instanceof Error ? e.message : String(e) }))
    }
  }
  return (
    <div className="field">
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint && <span className="hint">{hint}</span>}
      <textarea
        id={id}
        className="textarea sx-code"
        spellCheck={false}
        value={text}
        readOnly={readOnly}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={apply}
      />
      {error && (
        <p className="problems" role="alert">
          {error}
        </p>
      )}
      {!readOnly && text !== shown && (
        <div className="row">
          <button type="button" className="button button--secondary button--small" onClick={apply}>
            {t('rule.jsonApply')}
          </button>
        </div>
      )}
    </div>
  )
}

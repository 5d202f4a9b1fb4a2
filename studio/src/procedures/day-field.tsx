import { useState } from 'react'
import { useI18n } from '../i18n/i18n'
import { Field } from './field'
import { parseVietnameseDay, vietnameseDay } from './format'

/**
 * A day typed as Vietnamese write it (dd/mm/yyyy), whatever the browser's own date format; `onChange` gets
 * YYYY-MM-DD, or '' while the text is no real day on or after `min`.
 */
export function DayField({
  label,
  value,
  min,
  problem,
  onChange,
}: {
  label: string
  value: string
  min?: string
  /** The API's complaint about the day, if any. */
  problem?: string
  onChange: (day: string) => void
}) {
  const { t } = useI18n()
  const [text, setText] = useState(value ? vietnameseDay(value) : '')
  const [touched, setTouched] = useState(false)
  const day = parseVietnameseDay(text)
  const error =
    problem ??
    (!touched || day === value
      ? undefined
      : !day
        ? t('procedures.day.invalid')
        : min && day < min
          ? t('procedures.day.tooEarly', { date: vietnameseDay(min) })
          : undefined)
  return (
    <Field label={label} hint={error ? undefined : t('procedures.day.hint')} error={error}>
      {(control) => (
        <input
          {...control}
          className="input day-field"
          value={text}
          inputMode="numeric"
          placeholder={t('procedures.day.placeholder')}
          autoComplete="off"
          onBlur={() => setTouched(true)}
          onChange={(e) => {
            setText(e.target.value)
            const next = parseVietnameseDay(e.target.value)
            onChange(next && (!min || next >= min) ? next : '')
          }}
        />
      )}
    </Field>
  )
}

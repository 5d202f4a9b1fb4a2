import type { WidgetProps } from '@rjsf/utils'
import { type ChangeEvent, useEffect, useRef, useState } from 'react'
import { isoToVnDate, maskVnDate, vnDateToIso } from '../vn-date'
import { textState } from './control-state'

const shown = (value: unknown) => (typeof value === 'string' ? isoToVnDate(value) : '')

/**
 * A date typed as dd/mm/yyyy on the numeric keyboard, stored as ISO YYYY-MM-DD. An incomplete or impossible date is
 * kept as typed, so the validator says what is wrong beside the field instead of dropping it ("31/02 không có thật").
 * No `maxLength`: a pasted "05 . 03 . 1997" would be cut before the mask reads it; the mask keeps 8 digits.
 */
export function DateWidget(props: WidgetProps) {
  const { id, htmlName, value, onChange, onBlur, onFocus, registry } = props
  const [text, setText] = useState(() => shown(value))
  const sent = useRef<unknown>(value)
  useEffect(() => {
    // The value changed from outside (a draft restored, a reset): show it.
    if (value !== sent.current) {
      sent.current = value
      setText(shown(value))
    }
  }, [value])
  const handleChange = ({ target }: ChangeEvent<HTMLInputElement>) => {
    const masked = maskVnDate(target.value)
    setText(masked)
    const next = masked === '' ? undefined : (vnDateToIso(masked) ?? masked)
    sent.current = next
    onChange(next)
  }
  const en = registry.formContext?.locale === 'en'
  return (
    <input
      id={id}
      name={htmlName || id}
      className="mc-input mc-input--date"
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder={en ? 'dd/mm/yyyy' : 'ngày/tháng/năm'}
      value={text}
      {...textState(props)}
      onChange={handleChange}
      onBlur={() => onBlur(id, sent.current)}
      onFocus={() => onFocus(id, sent.current)}
    />
  )
}

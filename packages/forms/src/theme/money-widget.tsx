import type { WidgetProps } from '@rjsf/utils'
import type { ChangeEvent } from 'react'
import { groupDigits, parseVnd } from '../vnd'
import { textState } from './control-state'

/** An amount of đồng typed on the numeric keyboard and grouped as it is typed: 1.000.000 đ. */
export function MoneyWidget(props: WidgetProps) {
  const { id, htmlName, value, onChange, onBlur, onFocus, placeholder } = props
  const text = typeof value === 'number' ? groupDigits(value) : ''
  const handleChange = ({ target }: ChangeEvent<HTMLInputElement>) => onChange(parseVnd(target.value))
  return (
    <span className="mc-money">
      <input
        id={id}
        name={htmlName || id}
        className="mc-input mc-input--money"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={placeholder || '0'}
        value={text}
        {...textState(props)}
        onChange={handleChange}
        onBlur={() => onBlur(id, value)}
        onFocus={() => onFocus(id, value)}
      />
      <span className="mc-money__unit" aria-hidden="true">
        đ
      </span>
    </span>
  )
}

import { getInputProps, type WidgetProps } from '@rjsf/utils'
import type { ChangeEvent, FocusEvent, HTMLAttributes } from 'react'
import { errorDescription } from './control-state'

type InputMode = HTMLAttributes<HTMLInputElement>['inputMode']

/** How a text input is typed: keyboard, autofill, length, and what it keeps as the person types. */
export interface FormatInput {
  inputMode?: InputMode
  type?: string
  autoComplete?: string
  maxLength?: number
  /** Normalises what the person types or pastes (drops separators), before any check. */
  clean?: (text: string) => string
}

// Spaces, dots and dashes between groups of digits ("0 3 7 0 9 …", "037.090…"), dropped as soon as they are typed
// or pasted. No `maxLength` on these inputs: the browser would cut a pasted "022 098 001 234" to its first 12
// characters before the separators are gone; the validator says how many digits there are instead.
const withoutSeparators = (text: string) => text.replace(/[\s.\-‐-―]/g, '')
// A phone number keeps its leading + (+84 …).
const phoneDigits = (text: string) =>
  text.trimStart().replace(/^(\+?)(.*)$/s, (_, plus, rest) => plus + withoutSeparators(rest))

/** How each format is typed on a phone: the right keyboard, the right autofill, no separators between digits. */
export const formatInputs: Readonly<Record<string, FormatInput>> = {
  cccd: { inputMode: 'numeric', autoComplete: 'off', clean: withoutSeparators },
  cmnd: { inputMode: 'numeric', autoComplete: 'off', clean: withoutSeparators },
  'vn-mobile': { inputMode: 'tel', type: 'tel', autoComplete: 'tel', clean: phoneDigits },
  'vn-phone': { inputMode: 'tel', type: 'tel', autoComplete: 'tel', clean: phoneDigits },
  'vn-tax-code': { inputMode: 'numeric', autoComplete: 'off', clean: withoutSeparators },
  email: { inputMode: 'email', type: 'email', autoComplete: 'email' },
}

/** The one `<input>` every text-like widget renders: format-aware keyboard, `aria-invalid`, described by its help and error. */
export function BaseInputTemplate(props: WidgetProps) {
  const {
    id,
    htmlName,
    value,
    readonly,
    disabled,
    autofocus,
    onBlur,
    onFocus,
    onChange,
    onChangeOverride,
    options,
    schema,
    type,
    placeholder,
    required,
  } = props
  // a plugin's widget (`options.input`) over the format's own keyboard
  const own = typeof schema.format === 'string' ? formatInputs[schema.format] : undefined
  const widget = options.input as FormatInput | undefined
  const format = widget ? { ...own, ...widget } : own
  const inputProps = getInputProps(schema, type, options)
  const isNumber = inputProps.type === 'number' || inputProps.type === 'integer'
  const inputValue = isNumber ? (value || value === 0 ? value : '') : (value ?? '')
  const handleChange = ({ target }: ChangeEvent<HTMLInputElement>) => {
    const text = format?.clean ? format.clean(target.value) : target.value
    onChange(text === '' ? options.emptyValue : text)
  }
  return (
    <input
      id={id}
      name={htmlName || id}
      className="mc-input"
      readOnly={readonly}
      disabled={disabled}
      autoFocus={autofocus}
      placeholder={placeholder}
      aria-required={required || undefined}
      {...inputProps}
      type={format?.type ?? inputProps.type}
      inputMode={
        format?.inputMode ??
        (inputProps.type === 'tel'
          ? 'numeric'
          : isNumber
            ? schema.type === 'integer'
              ? 'numeric'
              : 'decimal'
            : undefined)
      }
      autoComplete={format?.autoComplete}
      maxLength={format?.maxLength}
      value={inputValue as string | number}
      {...errorDescription(props)}
      onChange={onChangeOverride ?? handleChange}
      onBlur={({ target }: FocusEvent<HTMLInputElement>) => {
        // a value set from outside (a draft, a pre-fill) is cleaned when the person leaves the field
        const text = format?.clean ? format.clean(target.value) : target.value
        if (text !== target.value) onChange(text === '' ? options.emptyValue : text)
        onBlur(id, text)
      }}
      onFocus={({ target }: FocusEvent<HTMLInputElement>) => onFocus(id, target.value)}
    />
  )
}

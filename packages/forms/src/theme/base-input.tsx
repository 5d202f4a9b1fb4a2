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
  /** Keeps only what the format allows as the person types. */
  clean?: (text: string) => string
}

const digitsOnly = (text: string) => text.replace(/\D/g, '')

/** How each format is typed on a phone: the right keyboard, the right autofill, no stray characters. */
export const formatInputs: Readonly<Record<string, FormatInput>> = {
  cccd: { inputMode: 'numeric', autoComplete: 'off', maxLength: 12, clean: digitsOnly },
  cmnd: { inputMode: 'numeric', autoComplete: 'off', maxLength: 9, clean: digitsOnly },
  'vn-mobile': { inputMode: 'tel', type: 'tel', autoComplete: 'tel' },
  'vn-phone': { inputMode: 'tel', type: 'tel', autoComplete: 'tel' },
  'vn-tax-code': { inputMode: 'numeric', autoComplete: 'off', maxLength: 14 },
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
      onBlur={({ target }: FocusEvent<HTMLInputElement>) => onBlur(id, target.value)}
      onFocus={({ target }: FocusEvent<HTMLInputElement>) => onFocus(id, target.value)}
    />
  )
}

import {
  enumOptionsDeselectValue,
  enumOptionsIndexForValue,
  enumOptionsIsSelected,
  enumOptionsSelectValue,
  enumOptionsValueForIndex,
  optionId,
  type WidgetProps,
} from '@rjsf/utils'
import type { ChangeEvent } from 'react'
import { contentLang, errorDescription } from './control-state'
import { labelId } from './field-template'

/** A native select: on phones it opens the system picker, which is the easiest to use. */
export function SelectWidget(props: WidgetProps) {
  const {
    id,
    htmlName,
    options,
    value,
    required,
    disabled,
    readonly,
    autofocus,
    multiple,
    onChange,
    onBlur,
    onFocus,
    placeholder,
    registry,
  } = props
  const { enumOptions = [], enumDisabled, emptyValue } = options
  const selected = enumOptionsIndexForValue(value, enumOptions, multiple)
  const pick = (event: ChangeEvent<HTMLSelectElement>) => {
    if (multiple)
      return onChange(
        enumOptionsValueForIndex(
          [...event.target.selectedOptions].map((o) => o.value),
          enumOptions,
          emptyValue,
        ),
      )
    onChange(enumOptionsValueForIndex(event.target.value, enumOptions, emptyValue))
  }
  const prompt = placeholder || (registry.formContext?.locale === 'en' ? '— Choose —' : '— Chọn —')
  return (
    <select
      id={id}
      name={htmlName || id}
      className="mc-input mc-select"
      multiple={multiple}
      value={selected === undefined ? (multiple ? [] : '') : (selected as string | string[])}
      required={required}
      disabled={disabled || readonly}
      autoFocus={autofocus}
      {...errorDescription(props)}
      onChange={pick}
      onBlur={(e) => onBlur(id, enumOptionsValueForIndex(e.target.value, enumOptions, emptyValue))}
      onFocus={(e) => onFocus(id, enumOptionsValueForIndex(e.target.value, enumOptions, emptyValue))}
    >
      {!multiple && <option value="">{prompt}</option>}
      {enumOptions.map(({ value: optionValue, label }, i) => (
        <option
          key={i}
          value={String(i)}
          lang={contentLang(registry)}
          disabled={Array.isArray(enumDisabled) && enumDisabled.includes(optionValue)}
        >
          {label}
        </option>
      ))}
    </select>
  )
}

/** Radios as big tappable rows, named by the field's label. */
export function RadioWidget(props: WidgetProps) {
  const { id, htmlName, options, value, required, disabled, readonly, autofocus, onChange, onBlur, onFocus, registry } =
    props
  const { enumOptions = [], enumDisabled } = options
  return (
    <div
      className="mc-choices"
      id={id}
      role="radiogroup"
      aria-labelledby={labelId(id)}
      aria-required={required || undefined}
      {...errorDescription(props)}
    >
      {enumOptions.map((option, i) => {
        const itemDisabled =
          disabled || readonly || (Array.isArray(enumDisabled) && enumDisabled.includes(option.value))
        return (
          <label key={i} className="mc-choice" htmlFor={optionId(id, i)}>
            <input
              type="radio"
              id={optionId(id, i)}
              name={htmlName || id}
              value={String(i)}
              checked={enumOptionsIsSelected(option.value, value)}
              disabled={itemDisabled}
              autoFocus={autofocus && i === 0}
              onChange={() => onChange(option.value)}
              onBlur={() => onBlur(id, value)}
              onFocus={() => onFocus(id, value)}
            />
            <span lang={contentLang(registry)}>{option.label}</span>
          </label>
        )
      })}
    </div>
  )
}

/** Several choices (an array of unique enum values) as big checkbox rows. */
export function CheckboxesWidget(props: WidgetProps) {
  const { id, htmlName, options, value, disabled, readonly, autofocus, onChange, onBlur, onFocus, registry } = props
  const { enumOptions = [], enumDisabled } = options
  const current = Array.isArray(value) ? value : []
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would need its own legend; the group is named by the field label
    <div className="mc-choices" id={id} role="group" aria-labelledby={labelId(id)} {...errorDescription(props)}>
      {enumOptions.map((option, i) => (
        <label key={i} className="mc-choice" htmlFor={optionId(id, i)}>
          <input
            type="checkbox"
            id={optionId(id, i)}
            name={htmlName || id}
            checked={enumOptionsIsSelected(option.value, current)}
            disabled={disabled || readonly || (Array.isArray(enumDisabled) && enumDisabled.includes(option.value))}
            autoFocus={autofocus && i === 0}
            onChange={(e) =>
              onChange(
                e.target.checked
                  ? enumOptionsSelectValue(i, current, enumOptions)
                  : enumOptionsDeselectValue(i, current, enumOptions),
              )
            }
            onBlur={() => onBlur(id, value)}
            onFocus={() => onFocus(id, value)}
          />
          <span lang={contentLang(registry)}>{option.label}</span>
        </label>
      ))}
    </div>
  )
}

/** One checkbox with its own label (a yes/no or "I declare" box). */
export function CheckboxWidget(props: WidgetProps) {
  const {
    id,
    htmlName,
    value,
    required,
    disabled,
    readonly,
    autofocus,
    onChange,
    onBlur,
    onFocus,
    label,
    hideLabel,
    registry,
  } = props
  return (
    <label className="mc-choice mc-choice--single" htmlFor={id}>
      <input
        type="checkbox"
        id={id}
        name={htmlName || id}
        checked={value === true}
        disabled={disabled || readonly}
        autoFocus={autofocus}
        aria-required={required || undefined}
        {...errorDescription(props)}
        onChange={(e) => onChange(e.target.checked)}
        onBlur={() => onBlur(id, value)}
        onFocus={() => onFocus(id, value)}
      />
      <span>
        {hideLabel ? null : <span lang={contentLang(registry)}>{label}</span>}
        {required ? (
          <span className="mc-required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
        {required ? (
          <span className="mc-sr-only">{registry.formContext?.locale === 'en' ? ' (required)' : ' (bắt buộc)'}</span>
        ) : null}
      </span>
    </label>
  )
}

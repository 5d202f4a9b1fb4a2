import { type FieldTemplateProps, getUiOptions } from '@rjsf/utils'
import { contentLang } from './control-state'

/** The label id a group widget (radios, checkboxes) points at with `aria-labelledby`. */
export const labelId = (id: string) => `${id}__label`

const GROUP_WIDGETS = new Set(['radio', 'checkboxes'])

/** Label, input, the Vietnamese error right under it, then the help text; one column, big targets. */
export function FieldTemplate(props: FieldTemplateProps) {
  const {
    id,
    label,
    children,
    errors,
    help,
    description,
    hidden,
    required,
    displayLabel,
    rawErrors,
    classNames,
    style,
    schema,
    uiSchema,
    registry,
  } = props
  if (hidden) return <div hidden>{children}</div>
  const widget = getUiOptions(uiSchema).widget
  const isCheckbox = widget === 'checkbox' || (schema.type === 'boolean' && widget === undefined && !schema.oneOf)
  const isGroup =
    (typeof widget === 'string' && GROUP_WIDGETS.has(widget)) ||
    (schema.type === 'array' && schema.uniqueItems === true)
  const invalid = !!rawErrors?.length
  const requiredMark = required ? (
    <>
      <span className="mc-required" aria-hidden="true">
        {' '}
        *
      </span>
      <span className="mc-sr-only">{registry.formContext?.locale === 'en' ? ' (required)' : ' (bắt buộc)'}</span>
    </>
  ) : null
  const showLabel = displayLabel && !isCheckbox && !!label
  return (
    <div
      className={`mc-field${classNames ? ` ${classNames}` : ''}${invalid ? ' mc-field--invalid' : ''}`}
      style={style}
    >
      {showLabel && isGroup && (
        <span className="mc-label" id={labelId(id)}>
          <span lang={contentLang(registry)}>{label}</span>
          {requiredMark}
        </span>
      )}
      {showLabel && !isGroup && (
        <label className="mc-label" id={labelId(id)} htmlFor={id}>
          <span lang={contentLang(registry)}>{label}</span>
          {requiredMark}
        </label>
      )}
      {displayLabel && description}
      {children}
      {errors}
      {help}
    </div>
  )
}

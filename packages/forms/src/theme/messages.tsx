import { type DescriptionFieldProps, errorId, type FieldErrorProps, type FieldHelpProps, helpId } from '@rjsf/utils'
import { contentLang } from './control-state'

/** The field's errors, right under its input; the input's `aria-describedby` points here. */
export function FieldErrorTemplate({ errors = [], fieldPathId }: FieldErrorProps) {
  const shown = errors.filter(Boolean)
  if (!shown.length) return null
  return (
    <div id={errorId(fieldPathId)} className="mc-error">
      {shown.map((error, i) => (
        <p key={i}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ))}
    </div>
  )
}

/** The procedure author's help text (`ui:help`), plain. */
export function FieldHelpTemplate({ help, fieldPathId, registry }: FieldHelpProps) {
  if (!help) return null
  return (
    <p id={helpId(fieldPathId)} className="mc-help" lang={contentLang(registry)}>
      {help}
    </p>
  )
}

/** A description (`description` or `ui:description`), plain text. */
export function DescriptionFieldTemplate({ id, description, registry }: DescriptionFieldProps) {
  if (!description) return null
  return (
    <p id={id} className="mc-description" lang={contentLang(registry)}>
      {description}
    </p>
  )
}

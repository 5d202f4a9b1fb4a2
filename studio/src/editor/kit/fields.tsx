import type { Issue } from '@motcua/core'
import { type ReactNode, useId } from 'react'
import { Problems } from '../problems'
import { numberFrom } from './keys'

interface FieldProps {
  label: string
  hint?: ReactNode
  readOnly: boolean
  /** The problems of the definition and the path this field edits: those at the path show under it. */
  problems?: Issue[]
  path?: string
  className?: string
}

const invalid = (problems: Issue[] | undefined, path: string | undefined) =>
  problems && path && problems.some((p) => p.path === path) ? true : undefined

/** A labelled text input (or textarea) with its hint and its problems under it. */
export function TextField({
  label,
  hint,
  readOnly,
  problems,
  path,
  value,
  onChange,
  multiline = false,
  type = 'text',
  className,
}: FieldProps & {
  value: unknown
  onChange: (value: string) => void
  multiline?: boolean
  type?: 'text' | 'url' | 'date' | 'time'
}) {
  const id = useId()
  const props = {
    id,
    value: typeof value === 'string' ? value : '',
    readOnly,
    'aria-invalid': invalid(problems, path),
    'aria-describedby': hint ? `${id}-hint` : undefined,
  }
  return (
    <div className={`field ${className ?? ''}`} data-path={path}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {multiline ? (
        <textarea className="textarea" rows={3} {...props} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input className="input" type={type} {...props} onChange={(e) => onChange(e.target.value)} />
      )}
      {problems && path && <Problems problems={problems} path={path} exact />}
    </div>
  )
}

/** A labelled number input; blank gives undefined (the property is removed). */
export function NumberField({
  label,
  hint,
  readOnly,
  problems,
  path,
  value,
  onChange,
  min = 0,
  step,
  suffix,
  className,
}: FieldProps & {
  value: unknown
  onChange: (value: number | undefined) => void
  min?: number
  step?: number | 'any'
  suffix?: string
}) {
  const id = useId()
  return (
    <div className={`field ${className ?? ''}`} data-path={path}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      <span className="sx-with-suffix">
        <input
          id={id}
          className="input sx-number"
          type="number"
          inputMode="decimal"
          min={min}
          step={step}
          value={typeof value === 'number' ? value : ''}
          readOnly={readOnly}
          aria-invalid={invalid(problems, path)}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onChange={(e) => onChange(numberFrom(e.target.value))}
        />
        {suffix && <span className="hint">{suffix}</span>}
      </span>
      {problems && path && <Problems problems={problems} path={path} exact />}
    </div>
  )
}

/** Sets or removes (when undefined or blank) one property of an object. */
export function setOrDelete(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value === undefined || value === '') delete target[key]
  else target[key] = value
}

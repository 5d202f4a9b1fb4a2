import type { Issue } from '@motcua/core'
import { type ReactNode, useId } from 'react'
import { Problems } from './problems'
import { problemsUnder } from './section'

interface TextInputProps {
  label: string
  value: string
  onChange: (value: string) => void
  /** The JSON pointer of what it edits: problems there are shown under it, and the problems panel jumps to it. */
  path: string
  problems: Issue[]
  help?: string
  readOnly?: boolean
  type?: 'text' | 'date' | 'number' | 'time' | 'url'
  multiline?: boolean
  /** Problems only at `path` (not under it). */
  exact?: boolean
  children?: ReactNode
}

/** A labelled input with its help and its problems beside it. */
export function TextInput(props: TextInputProps) {
  const { label, value, onChange, path, problems, help, readOnly, type = 'text', multiline, exact, children } = props
  const id = useId()
  const here = exact ? problems.filter((p) => p.path === path) : problemsUnder(problems, path)
  const common = {
    id,
    value,
    readOnly,
    'aria-invalid': here.length > 0 || undefined,
    'aria-describedby': help ? `${id}-help` : undefined,
  }
  return (
    <div className="field" data-path={path}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {help && (
        <p id={`${id}-help`} className="hint">
          {help}
        </p>
      )}
      {multiline ? (
        <textarea {...common} className="textarea" rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} className="input" type={type} onChange={(e) => onChange(e.target.value)} />
      )}
      {children}
      <Problems problems={problems} path={path} exact={exact} />
    </div>
  )
}

/** A whole number typed in a box; empty gives undefined. */
export const toNumber = (text: string): number | undefined => {
  if (text.trim() === '') return undefined
  const n = Number(text.replace(',', '.'))
  return Number.isFinite(n) ? n : undefined
}

import { useEffect, useId, useRef, useState } from 'react'
import { useI18n } from '../i18n/i18n'
import type { DraftDefinition, SectionProps } from './section'

const print = (definition: DraftDefinition) => JSON.stringify(definition, null, 2)

/** Line and column (from 1) of a JSON.parse error, from the engine's message when it says where. */
export function errorPlace(text: string, message: string): { line: number; column: number } | null {
  const lineColumn = /line (\d+) column (\d+)/.exec(message)
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) }
  const position = /position (\d+)/.exec(message)
  if (!position) return null
  const before = text.slice(0, Number(position[1]))
  const lines = before.split('\n')
  return { line: lines.length, column: lines.at(-1)!.length + 1 }
}

/** The whole definition as JSON text: edits apply as soon as the text is valid; the last valid state stays. */
export function JsonSection({ definition, change, readOnly }: SectionProps) {
  const { t } = useI18n()
  const id = useId()
  const [text, setText] = useState(() => print(definition))
  const [error, setError] = useState<string | null>(null)
  // the definition this text was made from or applied as: a different one came from elsewhere (undo, another tab)
  const mine = useRef(definition)
  // set while the text's own edit is being applied: the definition it makes is this text already
  const applying = useRef(false)
  useEffect(() => {
    if (definition === mine.current) return
    mine.current = definition
    if (applying.current) {
      applying.current = false
      return
    }
    setText(print(definition))
    setError(null)
  }, [definition])

  const edit = (next: string) => {
    setText(next)
    let parsed: unknown
    try {
      parsed = JSON.parse(next)
    } catch (e) {
      const raw = (e as Error).message
      const place = errorPlace(next, raw)
      const message = raw.replace(/\s*\(line \d+ column \d+\)|\s*at position \d+/g, '')
      setError(
        place
          ? t('editor.json.error', { line: place.line, column: place.column, message })
          : t('editor.json.errorNoPlace', { message }),
      )
      return
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      setError(t('editor.json.notObject'))
      return
    }
    setError(null)
    applying.current = true
    change((draft) => {
      for (const key of Object.keys(draft)) delete draft[key]
      Object.assign(draft, parsed)
    }, t('editor.changeLabel.json'))
  }

  return (
    <div className="stack">
      <p className="hint">{t('editor.json.lead')}</p>
      {error && (
        <div className="notice notice--error" role="alert">
          <p>{error}</p>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              setText(print(definition))
              setError(null)
            }}
          >
            {t('editor.json.revert')}
          </button>
        </div>
      )}
      <label className="label" htmlFor={id}>
        {t('editor.json.label')}
      </label>
      <textarea
        id={id}
        className="textarea editor-json"
        data-own-undo
        spellCheck={false}
        value={text}
        readOnly={readOnly}
        aria-invalid={error ? true : undefined}
        onChange={(e) => edit(e.target.value)}
      />
    </div>
  )
}

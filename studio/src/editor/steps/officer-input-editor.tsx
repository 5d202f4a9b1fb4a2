import type { DecisionField, DecisionInput } from '@motcua/core'
import { useEffect, useState } from 'react'
import { useI18n } from '../../i18n/i18n'
import { isRecord, newKey } from '../kit/keys'
import { addField, type InputKind, kindOf, removeField, renameField, setRequired, withKind } from './officer-input'

const kinds: InputKind[] = ['text', 'number', 'integer', 'boolean', 'date', 'choice']

/** A text box applied when it is left, for what must not change at every key (a field's key, a list of options). */
function LazyInput({
  label,
  value,
  onCommit,
  readOnly,
  className = 'input',
}: {
  label: string
  value: string
  onCommit: (value: string) => void
  readOnly: boolean
  className?: string
}) {
  const [text, setText] = useState(value)
  useEffect(() => setText(value), [value])
  return (
    <input
      className={className}
      aria-label={label}
      value={text}
      readOnly={readOnly}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => text !== value && onCommit(text)}
    />
  )
}

/**
 * What the officer enters with an action (its `input`), as a list of fields: name, kind, required, options;
 * what this list does not show (patterns, limits) stays as it is and is edited in the JSON view.
 */
export function OfficerInputEditor({
  input,
  onChange,
  readOnly,
  actionLabel,
}: {
  input: DecisionInput | undefined
  onChange: (input: DecisionInput | undefined) => void
  readOnly: boolean
  actionLabel: string
}) {
  const { t } = useI18n()
  const properties = isRecord(input?.properties) ? input.properties : {}
  const required = Array.isArray(input?.required) ? input.required : []
  const entries = Object.entries(properties) as [string, DecisionField][]
  const setField = (key: string, field: DecisionField) =>
    input && onChange({ ...input, properties: { ...properties, [key]: field } })
  return (
    <div className="stack">
      {entries.length === 0 && <p className="hint">{t('flow.input.none')}</p>}
      {entries.map(([key, field], i) => {
        const name = `${actionLabel}, ${t('flow.input.field', { n: i + 1 })}`
        const kind = kindOf(field)
        return (
          <div key={`${i}-${entries.length}`} className="sx-condition">
            <input
              className="input"
              aria-label={`${name}: ${t('flow.input.title')}`}
              placeholder={t('flow.input.title')}
              value={typeof field?.title === 'string' ? field.title : ''}
              readOnly={readOnly}
              onChange={(e) => setField(key, { ...field, title: e.target.value })}
            />
            <LazyInput
              className="input sx-code-input"
              label={`${name}: ${t('comp.key')}`}
              value={key}
              readOnly={readOnly}
              onCommit={(to) => input && onChange(renameField(input, key, to.trim()))}
            />
            <select
              className="select"
              aria-label={`${name}: ${t('flow.input.kind')}`}
              value={kind}
              disabled={readOnly}
              onChange={(e) => setField(key, withKind(field, e.target.value as InputKind))}
            >
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {t(`flow.input.kind.${k}`)}
                </option>
              ))}
            </select>
            {kind === 'choice' && (
              <LazyInput
                label={`${name}: ${t('flow.input.options')}`}
                value={(field.enum ?? []).join(', ')}
                readOnly={readOnly}
                onCommit={(text) =>
                  setField(
                    key,
                    withKind(
                      field,
                      'choice',
                      text
                        .split(',')
                        .map((o) => o.trim())
                        .filter(Boolean),
                    ),
                  )
                }
              />
            )}
            <label className="check">
              <input
                type="checkbox"
                checked={required.includes(key)}
                disabled={readOnly}
                onChange={(e) => input && onChange(setRequired(input, key, e.target.checked))}
              />
              {t('flow.input.required')}
            </label>
            {!readOnly && (
              <button
                type="button"
                className="button button--secondary button--small"
                aria-label={`${t('flow.input.remove')} (${name})`}
                onClick={() => input && onChange(removeField(input, key))}
              >
                {t('flow.input.remove')}
              </button>
            )}
          </div>
        )
      })}
      {kindsHint(entries) && <p className="hint">{t('flow.input.choiceHint')}</p>}
      {!readOnly && (
        <button
          type="button"
          className="link-button sx-small"
          onClick={() =>
            onChange(
              addField(input, newKey(t('flow.input.newKey'), Object.keys(properties), 'thong_tin'), {
                type: 'string',
                title: t('flow.input.newTitle'),
              }),
            )
          }
        >
          {t('flow.input.add')}
        </button>
      )}
    </div>
  )
}

const kindsHint = (entries: [string, DecisionField][]) => entries.some(([, f]) => kindOf(f) === 'choice')

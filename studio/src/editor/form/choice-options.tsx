import { useId } from 'react'
import { useI18n } from '../../i18n/i18n'
import { choiceOptions, type Json, keyFromLabel, setChoiceOptions, uniqueKey } from './form-model'

// an option's stored value follows its label while it is still the one made from it
const follows = (option: { value: string; title: string }) =>
  /^lua_chon_\d+$/.test(option.value) || option.value === keyFromLabel(option.title)

/** The options of a choice: each a label (what people see) and a value (what is stored, made from the label). */
export function ChoiceOptions({ schema, edit }: { schema: Json; edit: (recipe: (schema: Json) => void) => void }) {
  const { t } = useI18n()
  const id = useId()
  const options = choiceOptions(schema)
  const update = (next: { value: string; title: string }[]) => edit((s) => setChoiceOptions(s, next))
  return (
    <fieldset className="editor-fieldset">
      <legend>{t('editor.form.options')}</legend>
      <ol className="editor-options">
        {options.map((option, i) => (
          <li key={i} className="row">
            <input
              id={`${id}-${i}`}
              className="input"
              aria-label={t('editor.form.optionLabel', { n: i + 1 })}
              value={option.title}
              onChange={(e) => {
                const title = e.target.value
                const others = options.filter((_, j) => j !== i).map((o) => o.value)
                const value = follows(option) ? uniqueKey(keyFromLabel(title), others) : option.value
                update(options.map((o, j) => (j === i ? { value, title } : o)))
              }}
            />
            <input
              className="input editor-options__value"
              aria-label={t('editor.form.optionValue', { n: i + 1 })}
              value={option.value}
              onChange={(e) => {
                const value = e.target.value
                update(options.map((o, j) => (j === i ? { ...o, value } : o)))
              }}
            />
            <button
              type="button"
              className="button button--secondary button--small"
              aria-label={t('editor.form.optionRemove', { n: i + 1 })}
              onClick={() => update(options.filter((_, j) => j !== i))}
            >
              ✕
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() =>
          update([
            ...options,
            {
              value: uniqueKey(
                `lua_chon_${options.length + 1}`,
                options.map((o) => o.value),
              ),
              title: `Lựa chọn ${options.length + 1}`,
            },
          ])
        }
      >
        + {t('editor.form.optionAdd')}
      </button>
    </fieldset>
  )
}

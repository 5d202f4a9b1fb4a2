import { useId, useState } from 'react'
import { useI18n } from '../../i18n/i18n'
import { toNumber } from '../inputs'
import type { DraftDefinition } from '../section'
import { ChoiceOptions } from './choice-options'
import {
  allFields,
  type Condition,
  canRename,
  conditionValues,
  editField,
  type FieldInfo,
  type FieldPath,
  findField,
  type Json,
  keyFromLabel,
  listFields,
  moveToGroup,
  notAfterToday,
  renameField,
  setCondition,
  setNotAfterToday,
  setRequired,
  uniqueKey,
} from './form-model'
import { usePluginFormats } from './plugin-formats'

export const PATTERNS = {
  digits: '^[0-9]+$',
  letters: '^[\\p{L} ]+$',
  taxCode: '^[0-9]{10}([0-9]{3})?$',
  plate: '^[0-9]{2}[A-Z][A-Z0-9]?-[0-9]{3}\\.?[0-9]{2}$',
} as const
type Preset = keyof typeof PATTERNS | 'none' | 'custom'

const presetOf = (pattern: unknown): Preset =>
  typeof pattern !== 'string' || !pattern
    ? 'none'
    : ((Object.entries(PATTERNS).find(([, p]) => p === pattern)?.[0] as Preset | undefined) ?? 'custom')

interface FieldEditorProps {
  field: FieldInfo
  definition: DraftDefinition
  /** Changes the field's schema and UI schema. */
  edit: (recipe: (schema: Json, ui: Json) => void, box: string) => void
  /** Changes the definition; `box` names the control, so typing in one is one undo step. */
  apply: (recipe: (draft: DraftDefinition) => void, box: string) => void
  /** Fields added in this session: their key follows their label until it is edited by hand. */
  fresh: boolean
  onRenamed: (key: string) => void
  /** The field went to another group: its new path. */
  onMoved: (path: FieldPath) => void
}

/** Small labelled control. */
function Box({ label, children, id }: { label: string; children: React.ReactNode; id: string }) {
  return (
    <div className="field">
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {children}
    </div>
  )
}

/** One field's settings: label, key, help, required, default, checks, options, when it is shown. */
export function FieldEditor({ field, definition, edit, apply, fresh, onRenamed, onMoved }: FieldEditorProps) {
  const { t, pick } = useI18n()
  const id = useId()
  const pluginFormats = usePluginFormats()
  const { schema, ui, kind } = field
  const [key, setKey] = useState(field.key)
  const [keyError, setKeyError] = useState(false)
  const siblings = listFields(definition, field.path.slice(0, -1))
  const title = typeof schema.title === 'string' ? schema.title : ''
  const number = (name: string, label: string) => (
    <Box id={`${id}-${name}`} label={label}>
      <input
        id={`${id}-${name}`}
        className="input"
        type="number"
        value={String(schema[name] ?? '')}
        onChange={(e) =>
          edit((s) => {
            const value = toNumber(e.target.value)
            if (value === undefined) delete s[name]
            else s[name] = value
          }, name)
        }
      />
    </Box>
  )

  const commitKey = (next: string) => {
    if (next === field.key) return setKeyError(false)
    const ok = canRename(definition, field.path, next)
    setKeyError(!ok)
    if (!ok) return
    apply((d) => renameField(d, field.path, next), 'key')
    onRenamed(next)
  }

  // a field added now takes its key from its label as it is typed
  const rename = (label: string) => {
    const others = siblings.map((f) => f.key).filter((k) => k !== field.key)
    const next = fresh && label.trim() ? uniqueKey(keyFromLabel(label), others) : field.key
    apply((d) => {
      editField(d, field.path, (s) => {
        s.title = label
      })
      if (next !== field.key) renameField(d, field.path, next)
    }, 'label')
    if (next !== field.key) onRenamed(next)
  }

  const candidates = siblings.filter(
    (f) => f.key !== field.key && (f.kind === 'choice' || f.kind === 'yesNo') && !f.condition,
  )
  const condition = field.condition
  const controller = condition ? findField(definition, [...field.path.slice(0, -1), condition.key]) : null
  const setWhen = (next: Condition | null) => apply((d) => setCondition(d, field.path, next), 'condition')
  const encode = (value: string | boolean) => JSON.stringify(value)
  // the groups it can go to: every group or list but itself and those inside it
  const groups = allFields(definition).filter(
    (f) =>
      (f.kind === 'group' || f.kind === 'list') &&
      !(f.path.length >= field.path.length && field.path.every((k, i) => f.path[i] === k)),
  )

  return (
    <div className="editor-field-editor stack">
      <Box id={`${id}-label`} label={t('editor.form.label')}>
        <input
          id={`${id}-label`}
          className="input"
          value={title}
          aria-invalid={!title.trim() || undefined}
          onChange={(e) => rename(e.target.value)}
        />
      </Box>
      <Box id={`${id}-key`} label={t('editor.form.key')}>
        <p className="hint">{t('editor.form.keyHelp')}</p>
        <div className="row">
          <input
            id={`${id}-key`}
            className="input"
            value={fresh ? field.key : key}
            readOnly={fresh}
            aria-invalid={keyError || undefined}
            onChange={(e) => setKey(e.target.value)}
            onBlur={() => commitKey(key)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commitKey(key)
            }}
          />
          {fresh && (
            <button type="button" className="button button--secondary button--small" onClick={() => onRenamed('')}>
              {t('editor.form.keyEdit')}
            </button>
          )}
        </div>
        {keyError && <p className="problems">{t('editor.form.keyTaken')}</p>}
      </Box>
      <Box id={`${id}-help`} label={t('editor.form.help')}>
        <textarea
          id={`${id}-help`}
          className="textarea"
          rows={2}
          value={typeof ui['ui:help'] === 'string' ? ui['ui:help'] : ''}
          onChange={(e) =>
            edit((_, u) => {
              if (e.target.value) u['ui:help'] = e.target.value
              else delete u['ui:help']
            }, 'help')
          }
        />
      </Box>
      {kind !== 'group' && (
        <label className="check">
          <input
            type="checkbox"
            checked={field.required}
            onChange={(e) => apply((d) => setRequired(d, field.path, e.target.checked), 'required')}
          />
          {t('editor.form.required')}
        </label>
      )}

      {(kind === 'text' || kind === 'longText' || kind === 'email' || kind === 'address') && (
        <>
          <Box id={`${id}-placeholder`} label={t('editor.form.placeholder')}>
            <input
              id={`${id}-placeholder`}
              className="input"
              value={typeof ui['ui:placeholder'] === 'string' ? ui['ui:placeholder'] : ''}
              onChange={(e) =>
                edit((_, u) => {
                  if (e.target.value) u['ui:placeholder'] = e.target.value
                  else delete u['ui:placeholder']
                }, 'placeholder')
              }
            />
          </Box>
          {kind !== 'address' && (
            <Box id={`${id}-text-default`} label={t('editor.form.default')}>
              <input
                id={`${id}-text-default`}
                className="input"
                value={typeof schema.default === 'string' ? schema.default : ''}
                onChange={(e) =>
                  edit((s) => {
                    if (e.target.value) s.default = e.target.value
                    else delete s.default
                  }, 'default')
                }
              />
            </Box>
          )}
          <div className="editor-grid">
            {number('minLength', t('editor.form.minLength'))}
            {number('maxLength', t('editor.form.maxLength'))}
          </div>
        </>
      )}
      {kind === 'text' && pluginFormats.length > 0 && (
        <Box id={`${id}-format`} label={t('editor.form.pluginFormat')}>
          <select
            id={`${id}-format`}
            className="select"
            value={typeof schema.format === 'string' ? schema.format : ''}
            onChange={(e) =>
              edit((s) => {
                if (e.target.value) s.format = e.target.value
                else delete s.format
              }, 'format')
            }
          >
            <option value="">{t('editor.form.pluginFormat.none')}</option>
            {pluginFormats.map((f) => (
              <option key={f.name} value={f.name}>
                {t('editor.form.pluginFormat.choice', {
                  message: pick(f.message),
                  owner: pick(f.owner),
                })}
              </option>
            ))}
          </select>
        </Box>
      )}
      {kind === 'text' && (
        <Box id={`${id}-pattern`} label={t('editor.form.pattern')}>
          <select
            id={`${id}-pattern`}
            className="select"
            value={presetOf(schema.pattern)}
            onChange={(e) =>
              edit((s) => {
                const preset = e.target.value as Preset
                if (preset === 'none') delete s.pattern
                else if (preset === 'custom') s.pattern = s.pattern || '^.+$'
                else s.pattern = PATTERNS[preset]
              }, 'pattern')
            }
          >
            {(['none', 'digits', 'letters', 'taxCode', 'plate', 'custom'] as const).map((p) => (
              <option key={p} value={p}>
                {t(`editor.form.pattern.${p}`)}
              </option>
            ))}
          </select>
          {presetOf(schema.pattern) === 'custom' && (
            <input
              aria-label={t('editor.form.patternCustom')}
              className="input"
              value={String(schema.pattern)}
              onChange={(e) =>
                edit((s) => {
                  s.pattern = e.target.value
                }, 'pattern')
              }
            />
          )}
        </Box>
      )}
      {(kind === 'number' || kind === 'money') && (
        <>
          <div className="editor-grid">
            {number('minimum', t('editor.form.minimum'))}
            {number('maximum', t('editor.form.maximum'))}
            {number('default', t('editor.form.default'))}
          </div>
          {kind === 'number' && (
            <label className="check">
              <input
                type="checkbox"
                checked={schema.type === 'integer'}
                onChange={(e) =>
                  edit((s) => {
                    s.type = e.target.checked ? 'integer' : 'number'
                  }, 'integer')
                }
              />
              {t('editor.form.integer')}
            </label>
          )}
        </>
      )}
      {kind === 'date' && (
        <label className="check">
          <input
            type="checkbox"
            checked={notAfterToday(schema)}
            onChange={(e) => edit((s) => setNotAfterToday(s, e.target.checked), 'notAfterToday')}
          />
          {t('editor.form.notAfterToday')}
        </label>
      )}
      {kind === 'phone' && (
        <Box id={`${id}-phone`} label={t('editor.form.phoneKind')}>
          <select
            id={`${id}-phone`}
            className="select"
            value={schema.format === 'vn-mobile' ? 'mobile' : 'any'}
            onChange={(e) =>
              edit((s) => {
                s.format = e.target.value === 'mobile' ? 'vn-mobile' : 'vn-phone'
              }, 'phone')
            }
          >
            <option value="any">{t('editor.form.phoneKind.any')}</option>
            <option value="mobile">{t('editor.form.phoneKind.mobile')}</option>
          </select>
        </Box>
      )}
      {(kind === 'choice' || kind === 'multiChoice') && (
        <>
          <ChoiceOptions schema={schema} edit={(recipe) => edit((s) => recipe(s), 'options')} />
          {kind === 'choice' && (
            <Box id={`${id}-display`} label={t('editor.form.display')}>
              <select
                id={`${id}-display`}
                className="select"
                value={ui['ui:widget'] === 'radio' ? 'radio' : 'select'}
                onChange={(e) =>
                  edit((_, u) => {
                    if (e.target.value === 'radio') u['ui:widget'] = 'radio'
                    else delete u['ui:widget']
                  }, 'display')
                }
              >
                <option value="radio">{t('editor.form.display.radio')}</option>
                <option value="select">{t('editor.form.display.select')}</option>
              </select>
            </Box>
          )}
          {kind === 'multiChoice' && number('minItems', t('editor.form.minItems'))}
        </>
      )}
      {(kind === 'choice' || kind === 'yesNo') && (
        <Box id={`${id}-default`} label={t('editor.form.default')}>
          <select
            id={`${id}-default`}
            className="select"
            value={schema.default === undefined ? '' : encode(schema.default)}
            onChange={(e) =>
              edit((s) => {
                if (e.target.value === '') delete s.default
                else s.default = JSON.parse(e.target.value)
              }, 'default')
            }
          >
            <option value="">{t('editor.form.noDefault')}</option>
            {conditionValues(field).map((o) => (
              <option key={encode(o.value)} value={encode(o.value)}>
                {o.title}
              </option>
            ))}
          </select>
        </Box>
      )}
      {kind === 'list' && number('minItems', t('editor.form.minItems'))}
      {kind === 'other' && <p className="hint">{t('editor.form.advanced')}</p>}

      <Box id={`${id}-group`} label={t('editor.form.moveTo')}>
        <p className="hint">{t('editor.form.moveToHelp')}</p>
        <select
          id={`${id}-group`}
          className="select"
          value={field.path.slice(0, -1).join('/')}
          onChange={(e) => {
            const target = e.target.value ? e.target.value.split('/') : []
            let moved: FieldPath | null = null
            apply((d) => {
              moved = moveToGroup(d, field.path, target)
            }, 'group')
            if (moved) onMoved(moved)
          }}
        >
          <option value="">{t('editor.form.moveToRoot')}</option>
          {groups.map((g) => (
            <option key={g.path.join('/')} value={g.path.join('/')}>
              {'— '.repeat(g.path.length - 1)}
              {typeof g.schema.title === 'string' && g.schema.title ? g.schema.title : g.key}
            </option>
          ))}
        </select>
      </Box>

      <fieldset className="editor-fieldset">
        <legend>{t('editor.form.condition')}</legend>
        {field.path.length === 1 ? (
          <p className="hint">{t('editor.form.conditionRoot')}</p>
        ) : candidates.length === 0 && !condition ? (
          <p className="hint">{t('editor.form.conditionNone')}</p>
        ) : (
          <div className="editor-grid">
            <Box id={`${id}-when`} label={t('editor.form.conditionWhen')}>
              <select
                id={`${id}-when`}
                className="select"
                value={condition?.key ?? ''}
                onChange={(e) => {
                  const target = candidates.find((c) => c.key === e.target.value)
                  const first = target ? conditionValues(target)[0] : undefined
                  setWhen(target && first ? { key: target.key, value: first.value } : null)
                }}
              >
                <option value="">{t('editor.form.conditionAlways')}</option>
                {candidates.map((c) => (
                  <option key={c.key} value={c.key}>
                    {typeof c.schema.title === 'string' && c.schema.title ? c.schema.title : c.key}
                  </option>
                ))}
              </select>
            </Box>
            {condition && controller && (
              <Box id={`${id}-value`} label={t('editor.form.conditionValue')}>
                <select
                  id={`${id}-value`}
                  className="select"
                  value={encode(condition.value)}
                  onChange={(e) => setWhen({ key: condition.key, value: JSON.parse(e.target.value) })}
                >
                  {conditionValues(controller).map((o) => (
                    <option key={encode(o.value)} value={encode(o.value)}>
                      {o.title}
                    </option>
                  ))}
                </select>
              </Box>
            )}
          </div>
        )}
      </fieldset>
    </div>
  )
}

import type { Issue } from '@motcua/core'
import { useId, useState } from 'react'
import { useI18n } from '../../i18n/i18n'
import type { DraftDefinition } from '../section'
import { FieldEditor } from './field-editor'
import {
  ADDABLE_KINDS,
  addField,
  allFields,
  choiceOptions,
  editField,
  type FieldInfo,
  type FieldKind,
  type FieldPath,
  fieldOfPointer,
  findField,
  listFields,
  moveField,
  moveFieldTo,
  removeField,
  schemaPointer,
} from './form-model'

export interface BuilderContext {
  definition: DraftDefinition
  apply: (recipe: (draft: DraftDefinition) => void, label: string, merge?: string) => void
  problems: Issue[]
  readOnly: boolean
  selected: FieldPath | null
  onSelect: (path: FieldPath | null) => void
  /** Paths (joined by '.') of the fields added in this session. */
  fresh: Set<string>
  setFresh: (update: (fresh: Set<string>) => Set<string>) => void
}

const samePath = (a: FieldPath | null, b: FieldPath) => !!a && a.length === b.length && a.every((k, i) => k === b[i])
const labelOf = (field: FieldInfo) =>
  typeof field.schema?.title === 'string' && field.schema.title.trim() ? field.schema.title : field.key

/** The fields of one group (or of the whole form), each with its buttons, and the panel adding one. */
export function FieldList({ container, ctx }: { container: FieldPath; ctx: BuilderContext }) {
  const { t } = useI18n()
  const fields = listFields(ctx.definition, container)
  const [dragging, setDragging] = useState<string | null>(null)
  return (
    <div className="editor-fields">
      {fields.length === 0 && <p className="muted">{t('editor.form.empty')}</p>}
      <ol className="editor-field-list">
        {fields.map((field, i) => (
          <li
            key={field.key}
            draggable={!ctx.readOnly && !samePath(ctx.selected, field.path)}
            onDragStart={(e) => {
              e.stopPropagation()
              setDragging(field.key)
            }}
            onDragOver={(e) => {
              if (dragging && dragging !== field.key) e.preventDefault()
            }}
            onDrop={(e) => {
              e.stopPropagation()
              if (dragging)
                ctx.apply((d) => moveFieldTo(d, [...container, dragging], field.key), t('editor.form.addLabel.move'))
              setDragging(null)
            }}
            onDragEnd={() => setDragging(null)}
          >
            <FieldCard field={field} first={i === 0} last={i === fields.length - 1} ctx={ctx} />
          </li>
        ))}
      </ol>
      {!ctx.readOnly && <AddField container={container} ctx={ctx} />}
    </div>
  )
}

function FieldCard({
  field,
  first,
  last,
  ctx,
}: {
  field: FieldInfo
  first: boolean
  last: boolean
  ctx: BuilderContext
}) {
  const { t, pick } = useI18n()
  const open = samePath(ctx.selected, field.path)
  const label = labelOf(field)
  const pointer = schemaPointer(ctx.definition, field.path)
  const mine = ctx.problems.filter((p) => samePath(fieldOfPointer(p.path), field.path))
  const controller = field.condition
    ? findField(ctx.definition, [...field.path.slice(0, -1), field.condition.key])
    : null
  const conditionText = field.condition
    ? t('editor.form.onlyWhen', {
        field: controller ? labelOf(controller) : field.condition.key,
        value:
          typeof field.condition.value === 'boolean'
            ? t(field.condition.value ? 'common.yes' : 'common.no')
            : (choiceOptions(controller?.schema).find((o) => o.value === field.condition!.value)?.title ??
              field.condition.value),
      })
    : null
  const isContainer = field.kind === 'group' || field.kind === 'list'
  // typing in one box of this field is one undo step (a field added now keeps its step while its key follows)
  const mergeKey = `field:${field.path.slice(0, -1).join('.')}:${ctx.fresh.has(field.path.join('.')) ? '*' : field.key}`
  const remove = () => {
    const inside = isContainer ? allFields(ctx.definition, field.path).length : 0
    const question = isContainer
      ? t('editor.form.removeGroupConfirm', { label, count: inside })
      : t('editor.form.removeConfirm', { label })
    if (!window.confirm(question)) return
    if (open) ctx.onSelect(null)
    ctx.apply((d) => removeField(d, field.path), t('editor.form.addLabel.remove'))
  }
  return (
    <article
      className={`editor-field${open ? ' editor-field--open' : ''}${mine.length ? ' editor-field--invalid' : ''}`}
      data-path={pointer}
      aria-label={label}
    >
      <div className="editor-field__head">
        {!ctx.readOnly && (
          <span className="editor-field__grip" title={t('editor.form.drag')} aria-hidden="true">
            ⠿
          </span>
        )}
        <div className="editor-field__name">
          <strong>{label}</strong> <span className="badge">{t(`editor.form.kind.${field.kind}`)}</span>
          {field.required && <span className="muted"> · {t('editor.form.requiredMark')}</span>}
          {conditionText && <span className="editor-field__when"> · {conditionText}</span>}
          <code className="editor-field__key">{field.key}</code>
        </div>
        {!ctx.readOnly && (
          <div className="editor-field__buttons">
            <button
              type="button"
              className="button button--secondary button--small"
              aria-expanded={open}
              onClick={() => ctx.onSelect(open ? null : field.path)}
            >
              {open ? t('editor.form.close') : t('common.edit')}
              <span className="mc-sr-only"> {label}</span>
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              aria-label={t('editor.form.up', { label })}
              disabled={first}
              onClick={() => ctx.apply((d) => moveField(d, field.path, -1), t('editor.form.addLabel.move'))}
            >
              ↑
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              aria-label={t('editor.form.down', { label })}
              disabled={last}
              onClick={() => ctx.apply((d) => moveField(d, field.path, 1), t('editor.form.addLabel.move'))}
            >
              ↓
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              aria-label={t('editor.form.remove', { label })}
              onClick={remove}
            >
              ✕
            </button>
          </div>
        )}
      </div>
      {mine.length > 0 && (
        <ul className="problems">
          {mine.map((p, i) => (
            <li key={i}>{pick(p.message)}</li>
          ))}
        </ul>
      )}
      {open && !ctx.readOnly && (
        <FieldEditor
          key={field.key}
          field={field}
          definition={ctx.definition}
          fresh={ctx.fresh.has(field.path.join('.'))}
          edit={(recipe, box) =>
            ctx.apply(
              (d) => {
                editField(d, field.path, recipe)
              },
              t('editor.form.addLabel.edit'),
              `${mergeKey}/${box}`,
            )
          }
          apply={(recipe, box) => ctx.apply(recipe, t('editor.form.addLabel.edit'), `${mergeKey}/${box}`)}
          onRenamed={(key) => {
            const before = field.path.join('.')
            const after = [...field.path.slice(0, -1), key]
            ctx.setFresh((fresh) => {
              const next = new Set(fresh)
              next.delete(before)
              if (key) next.add(after.join('.'))
              return next
            })
            if (key) ctx.onSelect(after)
          }}
        />
      )}
      {isContainer && (
        <div className="editor-field__children">
          <FieldList container={field.path} ctx={ctx} />
        </div>
      )}
    </article>
  )
}

function AddField({ container, ctx }: { container: FieldPath; ctx: BuilderContext }) {
  const { t } = useI18n()
  const id = useId()
  const [label, setLabel] = useState('')
  const [kind, setKind] = useState<FieldKind>('text')
  const group = container.length ? findField(ctx.definition, container) : null
  const title = group ? labelOf(group) : null
  const add = () => {
    const text = label.trim()
    if (!text) return
    let key = ''
    ctx.apply((d) => {
      key = addField(d, container, kind, text)
    }, t('editor.form.addLabel.add'))
    const path = [...container, key]
    ctx.setFresh((fresh) => new Set(fresh).add(path.join('.')))
    ctx.onSelect(path)
    setLabel('')
  }
  return (
    <fieldset className="editor-add">
      <legend>{title ? t('editor.form.addIn', { group: title }) : t('editor.form.add')}</legend>
      <div className="editor-add__row">
        <div className="field">
          <label className="label" htmlFor={`${id}-label`}>
            {t('editor.form.newLabel')}
          </label>
          <input
            id={`${id}-label`}
            className="input"
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault()
                add()
              }
            }}
          />
        </div>
        <div className="field">
          <label className="label" htmlFor={`${id}-kind`}>
            {t('editor.form.newKind')}
          </label>
          <select
            id={`${id}-kind`}
            className="select"
            value={kind}
            onChange={(e) => setKind(e.target.value as FieldKind)}
          >
            {ADDABLE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`editor.form.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="button" disabled={!label.trim()} onClick={add}>
          + {t('editor.form.add')}
        </button>
      </div>
    </fieldset>
  )
}

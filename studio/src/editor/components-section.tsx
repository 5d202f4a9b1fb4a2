import type { DossierComponent } from '@motcua/core'
import { useMemo, useState } from 'react'
import { useI18n } from '../i18n/i18n'
import { defaultMaxSizeMB, fileTypes, isAccepted, otherTypes, toggleType } from './components/file-types'
import { CardActions, type ItemEdits, listEdits } from './kit/card-list'
import { NumberField, setOrDelete, TextField } from './kit/fields'
import { isRecord, listOf, newKey } from './kit/keys'
import { RuleConditions } from './kit/rule-conditions'
import { ruleSubjects, type Subject } from './kit/subjects'
import { Problems } from './problems'
import type { SectionProps } from './section'
import './sections.css'

type Draft = Partial<DossierComponent> & Record<string, unknown>

/** Thành phần hồ sơ: the attachments the applicant provides, each with its conditions, copies, file types and form. */
export function ComponentsSection({ definition, change, problems, readOnly }: SectionProps) {
  const { t, pick } = useI18n()
  const components = listOf<Draft>(definition.components)
  const subjects = useMemo(() => ruleSubjects(definition, pick, { withCase: false }), [definition, pick])
  // the component just added opens, whatever the length of the list
  const [added, setAdded] = useState<number | null>(null)
  const { editList, itemEdits } = listEdits<Draft>(change, 'components', {
    move: t('comp.moveLabel'),
    remove: t('comp.removeLabel'),
  })
  const add = () => {
    setAdded(components.length)
    editList((list) => {
      const key = newKey(
        t('comp.newName'),
        list.map((c) => c?.key),
        'thanh_phan',
      )
      list.push({ key, name: t('comp.newName'), required: true, originals: 1, copies: 0 })
    }, t('comp.addLabel'))
  }

  return (
    <section className="sx-section" aria-labelledby="sx-components-title">
      <h2 id="sx-components-title">{t('comp.title')}</h2>
      <p className="hint">{t('comp.lead')}</p>
      <Problems problems={problems} path="/components" exact />
      {components.length === 0 && <p className="notice">{t('comp.empty')}</p>}
      <ol className="sx-cards">
        {components.map((component, i) => (
          <li key={i}>
            <ComponentCard
              index={i}
              count={components.length}
              open={added === i}
              component={isRecord(component) ? component : {}}
              subjects={subjects}
              problems={problems}
              readOnly={readOnly}
              {...itemEdits(i)}
            />
          </li>
        ))}
      </ol>
      {!readOnly && (
        <button type="button" className="button" onClick={add}>
          {t('comp.add')}
        </button>
      )}
    </section>
  )
}

interface CardProps extends ItemEdits<Draft> {
  index: number
  open: boolean
  count: number
  component: Draft
  subjects: Subject[]
  problems: SectionProps['problems']
  readOnly: boolean
}

function ComponentCard({ index, count, open, component, subjects, problems, readOnly, edit, move, remove }: CardProps) {
  const { t, pick } = useI18n()
  const path = `/components/${index}`
  const name = typeof component.name === 'string' && component.name ? component.name : t('comp.unnamed')
  const set = (key: string, label: string) => (value: unknown) =>
    edit((c) => setOrDelete(c, key, value), label, `${path}/${key}`)
  const template = isRecord(component.template) ? component.template : undefined
  const setTemplate = (key: string) => (value: string) =>
    edit(
      (c) => {
        const next = { ...(isRecord(c.template) ? c.template : {}) } as Record<string, unknown>
        setOrDelete(next, key, value)
        if (Object.keys(next).length === 0) delete c.template
        else c.template = next as unknown as DossierComponent['template']
      },
      t('comp.templateLabel'),
      `${path}/template/${key}`,
    )
  const accept = Array.isArray(component.accept) ? component.accept : undefined
  const hasProblems = problems.some((p) => p.path === path || p.path.startsWith(`${path}/`))
  return (
    <details className="sx-card" open={open || hasProblems || count <= 3 || undefined} data-path={path}>
      <summary>
        <span className="sx-card__title">
          {index + 1}. {name}
        </span>{' '}
        {component.required === true && (
          <span className="badge">{component.when === undefined ? t('comp.required') : t('comp.requiredWhen')}</span>
        )}
        {component.required === false && <span className="badge">{t('comp.optional')}</span>}
        {hasProblems && <span className="badge sx-badge--error">{t('comp.hasProblems')}</span>}
      </summary>
      <div className="sx-card__body">
        <Problems problems={problems} path={path} exact />
        <div className="sx-grid">
          <TextField
            className="sx-wide"
            label={t('comp.name')}
            value={component.name}
            onChange={set('name', t('comp.nameLabel'))}
            readOnly={readOnly}
            problems={problems}
            path={`${path}/name`}
          />
          <TextField
            label={t('comp.key')}
            hint={t('comp.keyHint')}
            value={component.key}
            onChange={set('key', t('comp.keyLabel'))}
            readOnly={readOnly}
            problems={problems}
            path={`${path}/key`}
          />
          <NumberField
            label={t('comp.originals')}
            value={component.originals}
            step={1}
            onChange={set('originals', t('comp.copiesLabel'))}
            readOnly={readOnly}
            problems={problems}
            path={`${path}/originals`}
          />
          <NumberField
            label={t('comp.copies')}
            value={component.copies}
            step={1}
            onChange={set('copies', t('comp.copiesLabel'))}
            readOnly={readOnly}
            problems={problems}
            path={`${path}/copies`}
          />
        </div>

        <fieldset className="sx-fieldset">
          <legend>{t('comp.requirement')}</legend>
          <label className="check">
            <input
              type="checkbox"
              checked={component.required === true}
              disabled={readOnly}
              onChange={(e) => edit((c) => void (c.required = e.target.checked), t('comp.requiredLabel'))}
            />
            {t('comp.mustAttach')}
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={component.when !== undefined}
              disabled={readOnly}
              onChange={(e) =>
                edit(
                  (c) => {
                    if (!e.target.checked) delete c.when
                    else {
                      const first = subjects.find((s) => s.path.startsWith('form.')) ?? subjects[0]
                      c.when = { '==': [{ var: first?.path ?? 'channel' }, first?.options?.[0]?.value ?? true] }
                    }
                  },
                  t('comp.whenLabel'),
                  `${path}/when`,
                )
              }
            />
            {t('comp.onlyWhen')}
          </label>
          {component.when !== undefined && (
            <RuleConditions
              label={t('comp.whenConditions', { name })}
              value={component.when}
              subjects={subjects}
              readOnly={readOnly}
              onChange={(rule) =>
                edit(
                  (c) => {
                    if (rule === undefined) delete c.when
                    else c.when = rule as DossierComponent['when']
                  },
                  t('comp.whenLabel'),
                  `${path}/when`,
                )
              }
            />
          )}
          <Problems problems={problems} path={`${path}/when`} />
        </fieldset>

        <fieldset className="sx-fieldset">
          <legend>{t('comp.files')}</legend>
          <span className="hint">{accept ? t('comp.filesHint') : t('comp.filesDefault')}</span>
          <div className="sx-choices">
            {fileTypes.map((type) => (
              <label className="check" key={type.id}>
                <input
                  type="checkbox"
                  checked={isAccepted(accept, type.id)}
                  disabled={readOnly}
                  onChange={(e) =>
                    edit((c) => void (c.accept = toggleType(accept, type.id, e.target.checked)), t('comp.filesLabel'))
                  }
                />
                {pick(type.label)}
              </label>
            ))}
            {otherTypes(accept).map((type) => (
              <span className="badge" key={type}>
                {type}
              </span>
            ))}
          </div>
          <Problems problems={problems} path={`${path}/accept`} />
          <NumberField
            label={t('comp.maxSize')}
            hint={t('comp.maxSizeHint', { n: defaultMaxSizeMB })}
            value={component.maxSizeMB}
            step="any"
            suffix="MB"
            onChange={set('maxSizeMB', t('comp.maxSizeLabel'))}
            readOnly={readOnly}
            problems={problems}
            path={`${path}/maxSizeMB`}
          />
        </fieldset>

        <fieldset className="sx-fieldset">
          <legend>{t('comp.template')}</legend>
          <span className="hint">{t('comp.templateHint')}</span>
          <div className="sx-grid">
            <TextField
              label={t('comp.templateName')}
              value={template?.name}
              onChange={setTemplate('name')}
              readOnly={readOnly}
              problems={problems}
              path={`${path}/template/name`}
            />
            <TextField
              label={t('comp.templateCode')}
              value={template?.code}
              onChange={setTemplate('code')}
              readOnly={readOnly}
              problems={problems}
              path={`${path}/template/code`}
            />
            <TextField
              className="sx-wide"
              type="url"
              label={t('comp.templateUrl')}
              value={template?.url}
              onChange={setTemplate('url')}
              readOnly={readOnly}
              problems={problems}
              path={`${path}/template/url`}
            />
          </div>
          <Problems problems={problems} path={`${path}/template`} exact />
        </fieldset>

        <TextField
          multiline
          label={t('comp.note')}
          hint={t('comp.noteHint')}
          value={component.note}
          onChange={set('note', t('comp.noteLabel'))}
          readOnly={readOnly}
          problems={problems}
          path={`${path}/note`}
        />

        {!readOnly && (
          <CardActions
            index={index}
            count={count}
            name={name}
            removeConfirm={t('comp.removeConfirm', { name })}
            move={move}
            remove={remove}
          />
        )}
      </div>
    </details>
  )
}

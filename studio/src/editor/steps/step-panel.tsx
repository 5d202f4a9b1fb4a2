import { dossierStatuses, type Issue, type Step, type StepBudget } from '@motcua/core'
import { useId } from 'react'
import { useI18n } from '../../i18n/i18n'
import { setOrDelete, TextField } from '../kit/fields'
import { isRecord, listOf, newKey, ownStep } from '../kit/keys'
import type { Subject } from '../kit/subjects'
import { Problems } from '../problems'
import { ActionEditor, type DraftAction, newAction } from './action-editor'
import { BudgetEditor } from './budget-editor'
import { actionTypeNames, roleNames, stepRoles } from './labels'
import { UnitRefEditor } from './unit-ref-editor'

export type DraftStep = Partial<Step> & Record<string, unknown>

interface Props {
  step: DraftStep
  index: number
  steps: DraftStep[]
  /** `/steps` or `/cases/0/steps`. */
  listPath: string
  hasCases: boolean
  subjects: Subject[]
  problems: Issue[]
  readOnly: boolean
  edit: (recipe: (step: DraftStep) => void, label: string, merge?: string) => void
  move: (by: -1 | 1) => void
  remove: () => void
  close: () => void
}

/** Editing one step in place: who, how long, what is shown to the public, liên thông, consultation, actions. */
export function StepPanel(props: Props) {
  const { step, index, steps, listPath, hasCases, subjects, problems, readOnly, edit } = props
  const { t, pick } = useI18n()
  const id = useId()
  const path = `${listPath}/${index}`
  const name = typeof step.name === 'string' && step.name ? step.name : t('flow.unnamed')
  const set = (key: string) => (value: unknown) =>
    edit((s) => setOrDelete(s, key, value), t('flow.editLabel'), `${path}/${key}`)
  const actions = listOf<DraftAction>(step.actions)
  const statuses = index === 0 ? [1, 2, 4] : [2, 4, 9]
  const editActions = (recipe: (list: DraftAction[]) => void, label: string, merge = ownStep()) =>
    edit(
      (s) => {
        if (!Array.isArray(s.actions)) s.actions = []
        recipe(s.actions as DraftAction[])
      },
      label,
      merge,
    )
  const consult = isRecord(step.consult) ? step.consult : undefined
  const editConsult = (recipe: (c: Record<string, unknown>) => void) =>
    edit(
      (s) => {
        if (!isRecord(s.consult)) return
        recipe(s.consult as Record<string, unknown>)
      },
      t('flow.consult.editLabel'),
      `${path}/consult`,
    )

  return (
    <section className="sx-panel" id={`step-panel-${index}`} aria-label={t('flow.panel', { name })}>
      <Problems problems={problems} path={path} exact />
      <div className="sx-grid">
        <TextField
          className="sx-wide"
          label={t('flow.name')}
          value={step.name}
          onChange={set('name')}
          readOnly={readOnly}
          problems={problems}
          path={`${path}/name`}
        />
        <TextField
          label={t('comp.key')}
          hint={t('comp.keyHint')}
          value={step.key}
          onChange={set('key')}
          readOnly={readOnly}
          problems={problems}
          path={`${path}/key`}
        />
        <div className="field">
          <label className="label" htmlFor={`${id}-role`}>
            {t('flow.role')}
          </label>
          <select
            id={`${id}-role`}
            className="select"
            value={typeof step.role === 'string' ? step.role : ''}
            disabled={readOnly}
            onChange={(e) => set('role')(e.target.value)}
          >
            {typeof step.role === 'string' && !(stepRoles as readonly string[]).includes(step.role) && (
              <option value={step.role}>{roleNames[step.role] ? pick(roleNames[step.role]!) : step.role}</option>
            )}
            {stepRoles.map((r) => (
              <option key={r} value={r}>
                {pick(roleNames[r]!)}
              </option>
            ))}
          </select>
          <Problems problems={problems} path={`${path}/role`} exact />
        </div>
        <div className="field">
          <label className="label" htmlFor={`${id}-status`}>
            {t('flow.status')}
          </label>
          <select
            id={`${id}-status`}
            className="select"
            value={typeof step.status === 'number' ? String(step.status) : ''}
            disabled={readOnly}
            onChange={(e) => set('status')(Number(e.target.value))}
          >
            {(typeof step.status !== 'number' || !statuses.includes(step.status)) && (
              <option value={String(step.status ?? '')}>{String(step.status ?? '—')}</option>
            )}
            {statuses.map((s) => (
              <option key={s} value={String(s)}>
                {`${s} — ${pick(dossierStatuses[s as keyof typeof dossierStatuses])}`}
              </option>
            ))}
          </select>
          <Problems problems={problems} path={`${path}/status`} exact />
        </div>
        <div className="field">
          <span className="label" id={`${id}-budget`}>
            {t('flow.budget')}
          </span>
          <BudgetEditor
            label={t('flow.budget')}
            value={isRecord(step.budget) ? (step.budget as StepBudget) : undefined}
            onChange={set('budget')}
            readOnly={readOnly}
          />
          <Problems problems={problems} path={`${path}/budget`} />
        </div>
        <div className="field">
          <span className="label">{t('flow.unit')}</span>
          <span className="hint">{t('flow.unitHint')}</span>
          <UnitRefEditor
            label={t('flow.unit')}
            value={step.unit}
            allowSelf
            readOnly={readOnly}
            onChange={set('unit')}
          />
          <Problems problems={problems} path={`${path}/unit`} />
        </div>
      </div>
      <TextField
        multiline
        label={t('flow.description')}
        value={step.description}
        onChange={set('description')}
        readOnly={readOnly}
        problems={problems}
        path={`${path}/description`}
      />

      <fieldset className="sx-fieldset">
        <legend>{t('flow.consult')}</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={consult !== undefined}
            disabled={readOnly}
            onChange={(e) =>
              edit((s) => {
                if (!e.target.checked) delete s.consult
                else {
                  const then = steps[index + 1]?.key
                  s.consult = {
                    units: [{ up: 'district' }],
                    budget: { kind: 'workingDays', days: 5 },
                    then: typeof then === 'string' ? then : '',
                  }
                }
              }, t('flow.consult.editLabel'))
            }
          />
          {t('flow.consult.on')}
        </label>
        {consult && (
          <div className="stack">
            <ol className="sx-consult-units">
              {listOf<unknown>(consult.units).map((unit, u) => (
                <li key={u} className="row">
                  <UnitRefEditor
                    label={t('flow.consult.unit', { n: u + 1 })}
                    value={unit}
                    allowSelf={false}
                    readOnly={readOnly}
                    onChange={(v) => editConsult((c) => void (listOf<unknown>(c.units)[u] = v))}
                  />
                  {!readOnly && (
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() => editConsult((c) => void listOf<unknown>(c.units).splice(u, 1))}
                    >
                      {t('flow.consult.removeUnit')}
                    </button>
                  )}
                  <Problems problems={problems} path={`${path}/consult/units/${u}`} />
                </li>
              ))}
            </ol>
            {!readOnly && (
              <button
                type="button"
                className="link-button"
                onClick={() =>
                  editConsult((c) => {
                    if (!Array.isArray(c.units)) c.units = []
                    ;(c.units as unknown[]).push({ code: '' })
                  })
                }
              >
                {t('flow.consult.addUnit')}
              </button>
            )}
            <div className="sx-grid">
              <div className="field">
                <label className="label" htmlFor={`${id}-crole`}>
                  {t('flow.consult.role')}
                </label>
                <select
                  id={`${id}-crole`}
                  className="select"
                  value={typeof consult.role === 'string' ? consult.role : 'specialist'}
                  disabled={readOnly}
                  onChange={(e) => editConsult((c) => setOrDelete(c, 'role', e.target.value))}
                >
                  {stepRoles.map((r) => (
                    <option key={r} value={r}>
                      {pick(roleNames[r]!)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <span className="label">{t('flow.consult.budget')}</span>
                <BudgetEditor
                  label={t('flow.consult.budget')}
                  value={isRecord(consult.budget) ? (consult.budget as StepBudget) : undefined}
                  allowNone={false}
                  readOnly={readOnly}
                  onChange={(b) => editConsult((c) => setOrDelete(c, 'budget', b))}
                />
                <Problems problems={problems} path={`${path}/consult/budget`} />
              </div>
              <div className="field">
                <label className="label" htmlFor={`${id}-quorum`}>
                  {t('flow.consult.quorum')}
                </label>
                <input
                  id={`${id}-quorum`}
                  className="input sx-number"
                  type="number"
                  min={1}
                  placeholder={t('flow.consult.all')}
                  value={typeof consult.quorum === 'number' ? consult.quorum : ''}
                  readOnly={readOnly}
                  onChange={(e) =>
                    editConsult((c) => setOrDelete(c, 'quorum', e.target.value ? Number(e.target.value) : undefined))
                  }
                />
                <span className="hint">{t('flow.consult.quorumHint')}</span>
                <Problems problems={problems} path={`${path}/consult/quorum`} />
              </div>
              <div className="field">
                <label className="label" htmlFor={`${id}-then`}>
                  {t('flow.consult.then')}
                </label>
                <select
                  id={`${id}-then`}
                  className="select"
                  value={typeof consult.then === 'string' ? consult.then : ''}
                  disabled={readOnly}
                  onChange={(e) => editConsult((c) => void (c.then = e.target.value))}
                >
                  <option value="">—</option>
                  {steps.map((s, i) =>
                    typeof s.key === 'string' && i !== index ? (
                      <option key={s.key} value={s.key}>{`${i + 1}. ${s.name ?? s.key}`}</option>
                    ) : null,
                  )}
                </select>
                <Problems problems={problems} path={`${path}/consult/then`} />
              </div>
            </div>
            <Problems problems={problems} path={`${path}/consult`} exact />
          </div>
        )}
      </fieldset>

      <fieldset className="sx-fieldset">
        <legend>{t('flow.actions')}</legend>
        <p className="hint">{t('flow.actionsHint')}</p>
        <Problems problems={problems} path={`${path}/actions`} exact />
        {actions.map((action, a) => (
          <ActionEditor
            key={a}
            action={isRecord(action) ? action : {}}
            path={`${path}/actions/${a}`}
            stepIndex={index}
            steps={steps}
            hasCases={hasCases}
            subjects={subjects}
            problems={problems}
            readOnly={readOnly}
            edit={(recipe, label, merge) =>
              editActions(
                (list) => {
                  if (!isRecord(list[a])) list[a] = {}
                  recipe(list[a]!)
                },
                label,
                merge,
              )
            }
            remove={() => editActions((list) => list.splice(a, 1), t('flow.action.removeLabel'))}
          />
        ))}
        {!readOnly && (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() =>
              editActions((list) => {
                const label = pick(actionTypeNames.forward)
                list.push(
                  newAction(
                    steps,
                    index,
                    newKey(
                      label,
                      list.map((x) => x?.key),
                      'chuyen',
                    ),
                    label,
                  ),
                )
              }, t('flow.action.addLabel'))
            }
          >
            {t('flow.action.add')}
          </button>
        )}
      </fieldset>

      <div className="row sx-actions">
        <button type="button" className="button button--small" onClick={props.close}>
          {t('flow.done')}
        </button>
        {!readOnly && (
          <>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={index === 0}
              onClick={() => props.move(-1)}
            >
              {t('flow.moveUp')}
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={index === steps.length - 1}
              onClick={() => props.move(1)}
            >
              {t('flow.moveDown')}
            </button>
            <button
              type="button"
              className="button button--danger button--small"
              onClick={() => {
                const pointing = steps.filter((s, i) => i !== index && pointsTo(s, step.key)).length
                const message = pointing
                  ? t('flow.removeConfirmUsed', { name, n: pointing })
                  : t('flow.removeConfirm', { name })
                if (window.confirm(message)) props.remove()
              }}
            >
              {t('flow.remove')}
            </button>
          </>
        )}
      </div>
    </section>
  )
}

/** Whether a step has an action (or a route, or a consultation) leading to `key`. */
const pointsTo = (step: DraftStep, key: unknown): boolean =>
  (isRecord(step.consult) && step.consult.then === key) ||
  listOf<unknown>(step.actions).some(
    (a) => isRecord(a) && (a.to === key || listOf<unknown>(a.routes).some((r) => isRecord(r) && r.to === key)),
  )

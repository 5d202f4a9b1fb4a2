import type { ActionInput, ActionType, DecisionInput, Issue, Step, StepAction } from '@motcua/core'
import { useId } from 'react'
import { useI18n } from '../../i18n/i18n'
import { setOrDelete, TextField } from '../kit/fields'
import { isRecord, ownStep } from '../kit/keys'
import { RuleConditions } from '../kit/rule-conditions'
import { RuleJson } from '../kit/rule-json'
import type { Subject } from '../kit/subjects'
import { Problems } from '../problems'
import { actionTypeNames, bulkTypes, inputNames, movingTypes, outcomeNames, terminalOutcome } from './labels'
import { addField } from './officer-input'
import { OfficerInputEditor } from './officer-input-editor'

export type DraftAction = Partial<StepAction> & Record<string, unknown>

interface Props {
  action: DraftAction
  path: string
  stepIndex: number
  steps: Partial<Step>[]
  hasCases: boolean
  subjects: Subject[]
  problems: Issue[]
  readOnly: boolean
  edit: (recipe: (action: DraftAction) => void, label: string, merge?: string) => void
  remove: () => void
}

/** A target for an action of a new type: its outcome, none for a staying action, else a step (the next one). */
export function targetFor(type: ActionType, current: unknown, steps: Partial<Step>[], stepIndex: number) {
  if (terminalOutcome[type]) return terminalOutcome[type]
  if (!movingTypes.includes(type)) return undefined
  if (typeof current === 'string' && steps.some((s) => s.key === current)) return current
  const next = steps[stepIndex + 1] ?? steps.find((_, i) => i !== stepIndex)
  return typeof next?.key === 'string' ? next.key : undefined
}

/** One action of a step: its button label, what it does, where it leads, what the officer gives, its guard. */
export function ActionEditor({
  action,
  path,
  stepIndex,
  steps,
  hasCases,
  subjects,
  problems,
  readOnly,
  edit,
  remove,
}: Props) {
  const { t, pick } = useI18n()
  const id = useId()
  const type = action.type as ActionType | undefined
  const label = typeof action.label === 'string' && action.label ? action.label : t('flow.action.unnamed')
  const set = (key: string) => (value: unknown) =>
    edit((a) => setOrDelete(a, key, value), t('flow.action.editLabel'), `${path}/${key}`)
  const requires = Array.isArray(action.requires) ? (action.requires as ActionInput[]) : []
  const moving = type !== undefined && movingTypes.includes(type)
  const hasError = problems.some((p) => p.path === path || p.path.startsWith(`${path}/`))
  const targetName = (to: unknown) => {
    if (typeof to !== 'string') return t('flow.action.stays')
    if (outcomeNames[to]) return pick(outcomeNames[to])
    const i = steps.findIndex((s) => s.key === to)
    return i === -1 ? to : `${i + 1}. ${steps[i]?.name ?? to}`
  }
  return (
    <details className="sx-action" open={hasError || undefined}>
      <summary>
        <strong>{label}</strong> → {targetName(action.to)}
        {hasError && <span className="badge sx-badge--error">{t('comp.hasProblems')}</span>}
      </summary>
      <div className="sx-card__body">
        <Problems problems={problems} path={path} exact />
        <div className="sx-grid">
          <TextField
            className="sx-wide"
            label={t('flow.action.label')}
            hint={t('flow.action.labelHint')}
            value={action.label}
            onChange={set('label')}
            readOnly={readOnly}
            problems={problems}
            path={`${path}/label`}
          />
          <TextField
            label={t('comp.key')}
            value={action.key}
            onChange={set('key')}
            readOnly={readOnly}
            problems={problems}
            path={`${path}/key`}
          />
          <div className="field">
            <label className="label" htmlFor={`${id}-type`}>
              {t('flow.action.type')}
            </label>
            <select
              id={`${id}-type`}
              className="select"
              value={type ?? ''}
              disabled={readOnly}
              onChange={(e) => {
                const next = e.target.value as ActionType
                edit((a) => {
                  a.type = next
                  setOrDelete(a, 'to', targetFor(next, a.to, steps, stepIndex))
                  if (next !== 'requestPayment') delete a.pausesClock
                  if (!bulkTypes.includes(next)) delete a.bulk
                  if (!movingTypes.includes(next)) delete a.setsCase
                }, t('flow.action.editLabel'))
              }}
            >
              {!type && <option value="">—</option>}
              {(Object.keys(actionTypeNames) as ActionType[]).map((k) => (
                <option key={k} value={k}>
                  {pick(actionTypeNames[k])}
                </option>
              ))}
            </select>
            <Problems problems={problems} path={`${path}/type`} exact />
          </div>
          <div className="field">
            <label className="label" htmlFor={`${id}-to`}>
              {t('flow.action.to')}
            </label>
            {moving ? (
              <select
                id={`${id}-to`}
                className="select"
                value={typeof action.to === 'string' ? action.to : ''}
                disabled={readOnly}
                onChange={(e) => set('to')(e.target.value)}
              >
                {typeof action.to !== 'string' && <option value="">—</option>}
                {typeof action.to === 'string' && !steps.some((s) => s.key === action.to) && (
                  <option value={action.to}>{action.to}</option>
                )}
                {steps.map((s, i) =>
                  typeof s.key === 'string' ? (
                    <option key={s.key} value={s.key}>
                      {`${i + 1}. ${s.name ?? s.key}`}
                    </option>
                  ) : null,
                )}
              </select>
            ) : (
              <output id={`${id}-to`} className="sx-output">
                {targetName(action.to)}
              </output>
            )}
            <Problems problems={problems} path={`${path}/to`} exact />
          </div>
        </div>

        <fieldset className="sx-fieldset">
          <legend>{t('flow.action.requires')}</legend>
          <div className="sx-choices">
            {(Object.keys(inputNames) as ActionInput[]).map((input) => (
              <label className="check" key={input}>
                <input
                  type="checkbox"
                  checked={requires.includes(input)}
                  disabled={readOnly}
                  onChange={(e) =>
                    edit((a) => {
                      const next = e.target.checked ? [...requires, input] : requires.filter((r) => r !== input)
                      setOrDelete(a, 'requires', next.length ? next : undefined)
                    }, t('flow.action.editLabel'))
                  }
                />
                {pick(inputNames[input])}
              </label>
            ))}
          </div>
          <Problems problems={problems} path={`${path}/requires`} />
        </fieldset>

        {type === 'requestPayment' && (
          <label className="check">
            <input
              type="checkbox"
              checked={action.pausesClock === true}
              disabled={readOnly}
              onChange={(e) => set('pausesClock')(e.target.checked || undefined)}
            />
            {t('flow.action.pausesClock')}
          </label>
        )}
        <Problems problems={problems} path={`${path}/pausesClock`} />
        {type && bulkTypes.includes(type) && (
          <label className="check">
            <input
              type="checkbox"
              checked={action.bulk === true}
              disabled={readOnly}
              onChange={(e) => set('bulk')(e.target.checked || undefined)}
            />
            {t('flow.action.bulk')}
          </label>
        )}
        <Problems problems={problems} path={`${path}/bulk`} />
        {hasCases && moving && (
          <label className="check">
            <input
              type="checkbox"
              checked={action.setsCase === true}
              disabled={readOnly}
              onChange={(e) =>
                edit(
                  (a) => {
                    setOrDelete(a, 'setsCase', e.target.checked || undefined)
                    const input = isRecord(a.input) ? (a.input as DecisionInput) : undefined
                    if (e.target.checked && !input?.properties?.case)
                      a.input = addField(input, 'case', { type: 'string', title: t('flow.input.caseTitle') })
                  },
                  t('flow.action.editLabel'),
                  ownStep(),
                )
              }
            />
            {t('flow.action.setsCase')}
          </label>
        )}
        <Problems problems={problems} path={`${path}/setsCase`} />

        <fieldset className="sx-fieldset">
          <legend>{t('flow.action.guard')}</legend>
          <label className="check">
            <input
              type="checkbox"
              checked={action.guard !== undefined}
              disabled={readOnly}
              onChange={(e) =>
                edit((a) => {
                  if (e.target.checked) a.guard = { '==': [{ var: 'channel' }, 'online'] }
                  else delete a.guard
                }, t('flow.action.editLabel'))
              }
            />
            {t('flow.action.guardOn')}
          </label>
          {action.guard !== undefined && (
            <RuleConditions
              label={t('flow.action.guardOf', { name: label })}
              value={action.guard}
              subjects={subjects}
              readOnly={readOnly}
              onChange={set('guard')}
            />
          )}
          <Problems problems={problems} path={`${path}/guard`} />
        </fieldset>

        <fieldset className="sx-fieldset">
          <legend>{t('flow.input')}</legend>
          <span className="hint">{t('flow.input.hint')}</span>
          <OfficerInputEditor
            input={isRecord(action.input) ? (action.input as DecisionInput) : undefined}
            actionLabel={label}
            readOnly={readOnly}
            onChange={set('input')}
          />
          <Problems problems={problems} path={`${path}/input`} />
        </fieldset>

        <details className="sx-advanced">
          <summary>{t('flow.action.advanced')}</summary>
          <p className="hint">{t('flow.action.advancedHint')}</p>
          <RuleJson label={t('flow.action.input')} value={action.input} onChange={set('input')} readOnly={readOnly} />
          <RuleJson
            label={t('flow.action.inputUi')}
            value={action.inputUi}
            onChange={set('inputUi')}
            readOnly={readOnly}
          />
          <RuleJson
            label={t('flow.action.routes')}
            value={action.routes}
            onChange={set('routes')}
            readOnly={readOnly}
          />
          <Problems problems={problems} path={`${path}/routes`} />
        </details>

        {!readOnly && (
          <button
            type="button"
            className="button button--danger button--small"
            aria-label={t('flow.action.remove', { name: label })}
            onClick={() => window.confirm(t('flow.action.removeConfirm', { name: label })) && remove()}
          >
            {t('flow.action.removeShort')}
          </button>
        )}
      </div>
    </details>
  )
}

/** A new action for a step: forward to the next step. */
export function newAction(steps: Partial<Step>[], stepIndex: number, key: string, label: string): DraftAction {
  const to = targetFor('forward', undefined, steps, stepIndex)
  return { key, type: 'forward', label, ...(to ? { to } : {}) }
}

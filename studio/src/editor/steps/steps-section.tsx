import type { ProcedureCase, ProcessingTime } from '@motcua/core'
import { useMemo, useState } from 'react'
import { useI18n } from '../../i18n/i18n'
import { setOrDelete, TextField } from '../kit/fields'
import { isRecord, listOf, move, newKey, ownStep } from '../kit/keys'
import { RuleConditions } from '../kit/rule-conditions'
import { ruleSubjects } from '../kit/subjects'
import { Problems } from '../problems'
import type { DraftDefinition, SectionProps } from '../section'
import { budgetSummary } from './budget'
import { FlowDiagram } from './flow-diagram'
import { showNumber, unitNames } from './labels'
import { ProcessingTimeEditor } from './processing-time-editor'
import { type DraftStep, StepPanel } from './step-panel'
import '../sections.css'

type DraftCase = Partial<ProcedureCase> & Record<string, unknown>

/** Quy trình xử lý: the steps as a flow, edited in place, the total time against the steps' budgets, and the cases. */
export function StepsSection({ definition, change, problems, readOnly }: SectionProps) {
  const { t, pick, locale } = useI18n()
  const [variant, setVariant] = useState<number | null>(null)
  const [selected, setSelected] = useState<number | null>(null)
  const cases = listOf<DraftCase>(definition.cases)
  const theCase = variant !== null && isRecord(cases[variant]) ? cases[variant] : undefined
  const ownSteps = !theCase || Array.isArray(theCase.steps)
  const steps = listOf<DraftStep>(theCase && ownSteps ? theCase.steps : definition.steps)
  const listPath = theCase && ownSteps ? `/cases/${variant}/steps` : '/steps'
  const caseTime = theCase && isRecord(theCase.processingTime)
  const total = caseTime ? theCase.processingTime : definition.processingTime
  const summary = budgetSummary(steps, total)
  const subjects = useMemo(() => ruleSubjects(definition, pick, { withDecisions: true }), [definition, pick])
  const caseSubjects = useMemo(() => ruleSubjects(definition, pick, { withCase: false }), [definition, pick])
  const locked = readOnly || !ownSteps

  const editSteps = (recipe: (list: DraftStep[]) => void, label: string, merge = ownStep()) =>
    change(
      (d: DraftDefinition) => {
        if (theCase) {
          const c = listOf<DraftCase>(d.cases)[variant!]
          if (!isRecord(c)) return
          if (!Array.isArray(c.steps)) c.steps = []
          recipe(c.steps as DraftStep[])
        } else {
          if (!Array.isArray(d.steps)) d.steps = []
          recipe(d.steps as DraftStep[])
        }
      },
      label,
      merge,
    )
  const editCase = (recipe: (c: DraftCase) => void, label: string, merge = ownStep()) =>
    change(
      (d: DraftDefinition) => {
        const c = listOf<DraftCase>(d.cases)[variant!]
        if (isRecord(c)) recipe(c)
      },
      label,
      merge,
    )
  const addStep = () => {
    const name = t('flow.newName')
    editSteps((list) => {
      list.push({
        key: newKey(
          name,
          list.map((s) => s?.key),
          'buoc',
        ),
        name,
        role: 'specialist',
        status: 4,
        actions: [],
      })
    }, t('flow.addLabel'))
    setSelected(steps.length)
  }
  const stepHasProblems = (i: number) =>
    problems.some((p) => p.path === `${listPath}/${i}` || p.path.startsWith(`${listPath}/${i}/`))

  return (
    <section className="sx-section" aria-labelledby="sx-steps-title">
      <h2 id="sx-steps-title">{t('flow.title')}</h2>
      <p className="hint">{t('flow.lead')}</p>

      <div className="sx-variant row">
        <label className="label" htmlFor="sx-variant">
          {t('flow.variant')}
        </label>
        <select
          id="sx-variant"
          className="select"
          value={variant === null ? '' : String(variant)}
          onChange={(e) => {
            setVariant(e.target.value === '' ? null : Number(e.target.value))
            setSelected(null)
          }}
        >
          <option value="">{t('flow.variant.base')}</option>
          {cases.map((c, i) => (
            <option key={i} value={String(i)}>
              {t('flow.variant.case', { name: String(c?.name ?? c?.key ?? i + 1) })}
            </option>
          ))}
        </select>
        {!readOnly && (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              const name = t('flow.case.newName')
              change(
                (d: DraftDefinition) => {
                  if (!Array.isArray(d.cases)) d.cases = []
                  const list = d.cases as DraftCase[]
                  list.push({
                    key: newKey(
                      name,
                      list.map((c) => c?.key),
                      'truong_hop',
                    ),
                    name,
                  })
                },
                t('flow.case.addLabel'),
                ownStep(),
              )
              setVariant(cases.length)
              setSelected(null)
            }}
          >
            {t('flow.case.add')}
          </button>
        )}
      </div>

      {theCase && (
        <div className="sx-card sx-case">
          <Problems problems={problems} path={`/cases/${variant}`} exact />
          <div className="sx-grid">
            <TextField
              className="sx-wide"
              label={t('flow.case.name')}
              value={theCase.name}
              readOnly={readOnly}
              problems={problems}
              path={`/cases/${variant}/name`}
              onChange={(v) =>
                editCase((c) => setOrDelete(c, 'name', v), t('flow.case.editLabel'), `/cases/${variant}/name`)
              }
            />
            <TextField
              label={t('comp.key')}
              value={theCase.key}
              readOnly={readOnly}
              problems={problems}
              path={`/cases/${variant}/key`}
              onChange={(v) =>
                editCase((c) => setOrDelete(c, 'key', v), t('flow.case.editLabel'), `/cases/${variant}/key`)
              }
            />
          </div>
          <fieldset className="sx-fieldset">
            <legend>{t('flow.case.when')}</legend>
            <label className="check">
              <input
                type="checkbox"
                checked={theCase.when !== undefined}
                disabled={readOnly}
                onChange={(e) =>
                  editCase((c) => {
                    if (!e.target.checked) delete c.when
                    else {
                      const first = caseSubjects.find((s) => s.path.startsWith('form.')) ?? caseSubjects[0]
                      c.when = { '==': [{ var: first?.path ?? 'channel' }, first?.options?.[0]?.value ?? true] }
                    }
                  }, t('flow.case.editLabel'))
                }
              />
              {t('flow.case.whenOn')}
            </label>
            {theCase.when === undefined && <p className="hint">{t('flow.case.byOfficer')}</p>}
            {theCase.when !== undefined && (
              <RuleConditions
                label={t('flow.case.whenOf', { name: String(theCase.name ?? '') })}
                value={theCase.when}
                subjects={caseSubjects}
                readOnly={readOnly}
                onChange={(rule) =>
                  editCase((c) => setOrDelete(c, 'when', rule), t('flow.case.editLabel'), `/cases/${variant}/when`)
                }
              />
            )}
            <Problems problems={problems} path={`/cases/${variant}/when`} />
          </fieldset>
          {!ownSteps && (
            <div className="notice">
              <p>{t('flow.case.usesBase')}</p>
              {!readOnly && (
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() =>
                    editCase(
                      (c) =>
                        void (c.steps = structuredClone(listOf<DraftStep>(definition.steps)) as DraftCase['steps']),
                      t('flow.case.ownLabel'),
                    )
                  }
                >
                  {t('flow.case.own')}
                </button>
              )}
            </div>
          )}
          {!readOnly && (
            <div className="row sx-actions">
              {ownSteps && (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() =>
                    window.confirm(t('flow.case.dropOwnConfirm')) &&
                    editCase((c) => void delete c.steps, t('flow.case.dropOwnLabel'))
                  }
                >
                  {t('flow.case.dropOwn')}
                </button>
              )}
              <button
                type="button"
                className="button button--danger button--small"
                onClick={() => {
                  if (!window.confirm(t('flow.case.removeConfirm', { name: String(theCase.name ?? '') }))) return
                  change(
                    (d: DraftDefinition) => {
                      const list = listOf<DraftCase>(d.cases)
                      list.splice(variant!, 1)
                      if (list.length === 0) delete d.cases
                    },
                    t('flow.case.removeLabel'),
                    ownStep(),
                  )
                  setVariant(null)
                  setSelected(null)
                }}
              >
                {t('flow.case.remove')}
              </button>
            </div>
          )}
        </div>
      )}

      <div className="sx-card sx-total">
        <h3 className="sx-card__title">{t('flow.total')}</h3>
        {theCase && (
          <label className="check">
            <input
              type="checkbox"
              checked={!!caseTime}
              disabled={readOnly}
              onChange={(e) =>
                editCase((c) => {
                  if (e.target.checked)
                    c.processingTime = structuredClone(definition.processingTime ?? { kind: 'workingDays', days: 1 })
                  else delete c.processingTime
                }, t('flow.case.editLabel'))
              }
            />
            {t('flow.case.ownTime')}
          </label>
        )}
        {(!theCase || caseTime) && (
          <ProcessingTimeEditor
            value={total}
            path={caseTime ? `/cases/${variant}/processingTime` : '/processingTime'}
            problems={problems}
            readOnly={readOnly}
            onChange={(time: ProcessingTime) =>
              theCase
                ? editCase(
                    (c) => void (c.processingTime = time),
                    t('flow.total.editLabel'),
                    `/cases/${variant}/processingTime`,
                  )
                : change((d) => void (d.processingTime = time), t('flow.total.editLabel'), '/processingTime')
            }
          />
        )}
        <p className="sx-sum" data-testid="budget-sum">
          {t('flow.sum', { used: showNumber(summary.used, locale), unit: pick(unitNames[summary.unit]) })}
          {summary.unbudgeted > 0 && ` ${t('flow.sumUnbudgeted', { n: summary.unbudgeted })}`}
        </p>
        {summary.limit === undefined ? (
          <p className="hint">{t('flow.sumNone')}</p>
        ) : summary.exceeds ? (
          <p className="notice notice--error" role="status">
            {t('flow.sumExceeds', {
              used: showNumber(summary.used, locale),
              limit: showNumber(summary.limit, locale),
              unit: pick(unitNames[summary.unit]),
            })}
          </p>
        ) : (
          <p className="notice notice--ok" role="status">
            {t('flow.sumFits', { limit: showNumber(summary.limit, locale), unit: pick(unitNames[summary.unit]) })}
          </p>
        )}
        <Problems problems={problems} path={listPath} exact />
      </div>

      {steps.length === 0 ? (
        <p className="notice">{t('flow.empty')}</p>
      ) : (
        <FlowDiagram
          steps={steps}
          selected={selected}
          onSelect={setSelected}
          hasProblems={stepHasProblems}
          listPath={listPath}
          panel={
            selected !== null && isRecord(steps[selected]) ? (
              <StepPanel
                step={steps[selected]!}
                index={selected}
                steps={steps}
                listPath={listPath}
                hasCases={cases.length > 0}
                subjects={subjects}
                problems={problems}
                readOnly={locked}
                edit={(recipe, label, merge) =>
                  editSteps(
                    (list) => {
                      if (isRecord(list[selected])) recipe(list[selected]!)
                    },
                    label,
                    merge,
                  )
                }
                move={(by) => {
                  editSteps((list) => move(list, selected, by), t('flow.moveLabel'))
                  setSelected(selected + by)
                }}
                remove={() => {
                  editSteps((list) => list.splice(selected, 1), t('flow.removeLabel'))
                  setSelected(null)
                }}
                close={() => setSelected(null)}
              />
            ) : null
          }
        />
      )}
      {!locked && (
        <button type="button" className="button" onClick={addStep}>
          {t('flow.add')}
        </button>
      )}
    </section>
  )
}

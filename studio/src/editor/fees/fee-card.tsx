import type { Fee, Issue } from '@motcua/core'
import { formatVnd } from '@motcua/forms'
import { useId, useState } from 'react'
import { useI18n } from '../../i18n/i18n'
import { CardActions, type ItemEdits } from '../kit/card-list'
import { NumberField, setOrDelete, TextField } from '../kit/fields'
import { RuleJson } from '../kit/rule-json'
import type { Subject } from '../kit/subjects'
import { Problems } from '../problems'
import type { DraftDefinition } from '../section'
import { type FeeTable, feeTableToRule, ruleToFeeTable } from './fee-table'
import { FeeTableEditor } from './fee-table-editor'

export type DraftFee = Partial<Fee> & Record<string, unknown>
type Mode = 'fixed' | 'table' | 'json'

interface Props extends ItemEdits<DraftFee> {
  index: number
  count: number
  fee: DraftFee
  definition: DraftDefinition
  subjects: Subject[]
  problems: Issue[]
  readOnly: boolean
}

/** Stores a table: a plain sum as `amount`, anything else as the `rule`. */
function storeTable(fee: DraftFee, table: FeeTable) {
  const rule = feeTableToRule(table)
  if (typeof rule === 'number') {
    fee.amount = rule
    delete fee.rule
  } else {
    fee.rule = rule as Fee['rule']
    delete fee.amount
  }
}

/** One fee: its name and note, and how it is computed (a fixed sum, a table of conditions, or JSON Logic). */
export function FeeCard({ index, count, fee, definition, subjects, problems, readOnly, edit, move, remove }: Props) {
  const { t } = useI18n()
  const id = useId()
  const path = `/fees/${index}`
  const name = typeof fee.name === 'string' && fee.name ? fee.name : t('fees.unnamed')
  const table = fee.rule !== undefined ? ruleToFeeTable(fee.rule) : undefined
  const [advanced, setAdvanced] = useState(false)
  const mode: Mode = fee.rule === undefined ? 'fixed' : table && !advanced ? 'table' : 'json'
  const set = (key: string, label: string) => (value: unknown) =>
    edit((f) => setOrDelete(f, key, value), label, `${path}/${key}`)

  const choose = (next: Mode) => {
    if (next === mode) return
    const base = typeof fee.amount === 'number' ? fee.amount : 0
    if (next === 'fixed') {
      if (fee.rule !== undefined && !window.confirm(t('fees.toFixedConfirm'))) return
      const fixed = table && table.otherwise.kind === 'fixed' ? table.otherwise.value : base
      edit((f) => {
        f.amount = fixed
        delete f.rule
      }, t('fees.modeLabel'))
    } else if (next === 'table') {
      setAdvanced(false)
      if (fee.rule === undefined)
        edit(
          (f) =>
            storeTable(f, {
              rows: [
                { when: [{ subject: 'channel', op: 'eq', value: 'online' }], amount: { kind: 'percent', percent: 50 } },
              ],
              otherwise: { kind: 'fixed', value: base },
            }),
          t('fees.modeLabel'),
        )
      else if (!table) {
        if (!window.confirm(t('fees.toTableConfirm'))) return
        edit((f) => {
          f.amount = 0
          delete f.rule
        }, t('fees.modeLabel'))
      }
    } else {
      setAdvanced(true)
      if (fee.rule === undefined)
        edit((f) => {
          f.rule = { '+': [base] }
          delete f.amount
        }, t('fees.modeLabel'))
    }
  }

  return (
    <article className="sx-card" aria-labelledby={`${id}-title`} data-path={path}>
      <h3 id={`${id}-title`} className="sx-card__title">
        {index + 1}. {name}
      </h3>
      <Problems problems={problems} path={path} exact />
      <div className="sx-grid">
        <TextField
          className="sx-wide"
          label={t('fees.name')}
          value={fee.name}
          onChange={set('name', t('fees.nameLabel'))}
          readOnly={readOnly}
          problems={problems}
          path={`${path}/name`}
        />
        <TextField
          label={t('comp.key')}
          hint={t('comp.keyHint')}
          value={fee.key}
          onChange={set('key', t('fees.keyLabel'))}
          readOnly={readOnly}
          problems={problems}
          path={`${path}/key`}
        />
      </div>
      <fieldset className="sx-fieldset">
        <legend>{t('fees.how')}</legend>
        <div className="sx-choices" role="radiogroup" aria-label={t('fees.howOf', { name })}>
          {(['fixed', 'table', 'json'] as const).map((m) => (
            <label className="check" key={m}>
              <input
                type="radio"
                name={`${id}-mode`}
                checked={mode === m}
                disabled={readOnly}
                onChange={() => choose(m)}
              />
              {t(`fees.mode.${m}`)}
            </label>
          ))}
        </div>
        {mode === 'fixed' && (
          <NumberField
            label={t('fees.amount')}
            hint={typeof fee.amount === 'number' ? formatVnd(fee.amount) : undefined}
            value={fee.amount}
            step={1000}
            suffix={t('fees.vnd')}
            onChange={set('amount', t('fees.amountLabel'))}
            readOnly={readOnly}
            problems={problems}
            path={`${path}/amount`}
          />
        )}
        {mode === 'table' && table && (
          <FeeTableEditor
            feeName={name}
            table={table}
            definition={definition}
            subjects={subjects}
            readOnly={readOnly}
            onChange={(next) => edit((f) => storeTable(f, next), t('fees.ruleLabel'), `${path}/rule`)}
          />
        )}
        {mode === 'json' && (
          <>
            {!table && <p className="hint">{t('rule.tooComplex')}</p>}
            <RuleJson
              label={t('fees.ruleJson')}
              hint={t('fees.ruleJsonHint')}
              value={fee.rule}
              readOnly={readOnly}
              onChange={(rule) =>
                edit((f) => {
                  if (rule === undefined) delete f.rule
                  else f.rule = rule as Fee['rule']
                }, t('fees.ruleLabel'))
              }
            />
          </>
        )}
        <Problems problems={problems} path={`${path}/rule`} />
      </fieldset>
      <TextField
        multiline
        label={t('fees.note')}
        hint={t('fees.noteHint')}
        value={fee.note}
        onChange={set('note', t('fees.noteLabel'))}
        readOnly={readOnly}
        problems={problems}
        path={`${path}/note`}
      />
      {!readOnly && (
        <CardActions
          index={index}
          count={count}
          name={name}
          removeConfirm={t('fees.removeConfirm', { name })}
          move={move}
          remove={remove}
        />
      )}
    </article>
  )
}

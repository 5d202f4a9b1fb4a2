import { useI18n } from '../../i18n/i18n'
import { ConditionList } from '../kit/condition-list'
import { move } from '../kit/keys'
import type { Subject } from '../kit/subjects'
import type { DraftDefinition } from '../section'
import { AmountEditor } from './amount-editor'
import type { FeeTable } from './fee-table'

interface Props {
  feeName: string
  table: FeeTable
  onChange: (table: FeeTable) => void
  definition: DraftDefinition
  subjects: Subject[]
  readOnly: boolean
}

/** A fee rule as rows "if … then amount", read top down (the first row that holds wins), and the base amount. */
export function FeeTableEditor({ feeName, table, onChange, definition, subjects, readOnly }: Props) {
  const { t } = useI18n()
  const percent = table.otherwise.kind === 'fixed' || table.otherwise.kind === 'constant'
  const rows = (recipe: (rows: FeeTable['rows']) => void) => {
    const next = table.rows.map((r) => ({ ...r }))
    recipe(next)
    onChange({ ...table, rows: next })
  }
  return (
    <div className="sx-fee-table">
      <p className="hint">{t('fees.tableLead')}</p>
      <ol className="sx-rows">
        {table.rows.map((row, i) => {
          const label = t('fees.row', { n: i + 1, name: feeName })
          return (
            <li key={i} className="sx-row">
              <div className="sx-row__if">
                <strong>{i === 0 ? t('fees.if') : t('fees.elseIf')}</strong>
                <ConditionList
                  label={label}
                  conditions={row.when}
                  subjects={subjects}
                  readOnly={readOnly}
                  onChange={(when) => rows((r) => void (r[i] = { ...r[i]!, when }))}
                />
              </div>
              <div className="sx-row__then">
                <strong>{t('fees.then')}</strong>
                <AmountEditor
                  label={label}
                  amount={row.amount.kind === 'percent' && !percent ? { kind: 'fixed', value: 0 } : row.amount}
                  onChange={(amount) => rows((r) => void (r[i] = { ...r[i]!, amount }))}
                  definition={definition}
                  subjects={subjects}
                  percent={percent}
                  readOnly={readOnly}
                />
              </div>
              {!readOnly && (
                <div className="row">
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    disabled={i === 0}
                    aria-label={`${t('sx.up')} (${label})`}
                    onClick={() => rows((r) => move(r, i, -1))}
                  >
                    {t('sx.up')}
                  </button>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    disabled={i === table.rows.length - 1}
                    aria-label={`${t('sx.down')} (${label})`}
                    onClick={() => rows((r) => move(r, i, 1))}
                  >
                    {t('sx.down')}
                  </button>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={t('fees.removeRow', { label })}
                    onClick={() => rows((r) => r.splice(i, 1))}
                  >
                    {t('fees.removeRowShort')}
                  </button>
                </div>
              )}
            </li>
          )
        })}
        <li className="sx-row">
          <div className="sx-row__then">
            <strong>{table.rows.length === 0 ? t('fees.always') : t('fees.otherwise')}</strong>
            <AmountEditor
              label={t('fees.base', { name: feeName })}
              amount={table.otherwise}
              onChange={(amount) => amount.kind !== 'percent' && onChange({ ...table, otherwise: amount })}
              definition={definition}
              subjects={subjects}
              percent={false}
              readOnly={readOnly}
            />
          </div>
        </li>
      </ol>
      {!readOnly && (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() =>
            rows((r) =>
              r.push({
                when: [{ subject: 'channel', op: 'eq', value: 'online' }],
                amount: percent ? { kind: 'percent', percent: 50 } : { kind: 'fixed', value: 0 },
              }),
            )
          }
        >
          {t('fees.addRow')}
        </button>
      )}
    </div>
  )
}

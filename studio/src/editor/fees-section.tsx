import { useMemo } from 'react'
import { useI18n } from '../i18n/i18n'
import { ConstantsEditor } from './fees/constants-editor'
import { type DraftFee, FeeCard } from './fees/fee-card'
import { FeeTester } from './fees/fee-tester'
import { listEdits } from './kit/card-list'
import { isRecord, listOf, newKey } from './kit/keys'
import { ruleSubjects } from './kit/subjects'
import { Problems } from './problems'
import type { SectionProps } from './section'
import './sections.css'

/** Lệ phí: fixed fees and fees computed by a rule, the amounts set by the province, and a tester. */
export function FeesSection({ definition, change, problems, readOnly }: SectionProps) {
  const { t, pick } = useI18n()
  const fees = listOf<DraftFee>(definition.fees)
  const subjects = useMemo(() => ruleSubjects(definition, pick), [definition, pick])
  const { editList, itemEdits } = listEdits<DraftFee>(change, 'fees', {
    move: t('fees.moveLabel'),
    remove: t('fees.removeLabel'),
  })
  return (
    <section className="sx-section" aria-labelledby="sx-fees-title">
      <h2 id="sx-fees-title">{t('fees.title')}</h2>
      <p className="hint">{t('fees.lead')}</p>
      <Problems problems={problems} path="/fees" exact />
      {fees.length === 0 && <p className="notice">{t('fees.empty')}</p>}
      <ol className="sx-cards">
        {fees.map((fee, i) => (
          <li key={i}>
            <FeeCard
              index={i}
              count={fees.length}
              fee={isRecord(fee) ? fee : {}}
              definition={definition}
              subjects={subjects}
              problems={problems}
              readOnly={readOnly}
              {...itemEdits(i)}
            />
          </li>
        ))}
      </ol>
      {!readOnly && (
        <button
          type="button"
          className="button"
          onClick={() =>
            editList((list) => {
              const name = t('fees.newName')
              list.push({
                key: newKey(
                  name,
                  list.map((f) => f?.key),
                  'le_phi',
                ),
                name,
                amount: 0,
              })
            }, t('fees.addLabel'))
          }
        >
          {t('fees.add')}
        </button>
      )}
      <ConstantsEditor definition={definition} change={change} problems={problems} readOnly={readOnly} />
      <FeeTester definition={definition} subjects={subjects} />
    </section>
  )
}

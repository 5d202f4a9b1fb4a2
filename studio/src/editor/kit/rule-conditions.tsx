import { useState } from 'react'
import { useI18n } from '../../i18n/i18n'
import { conditionsToRule, ruleToConditions } from '../rules/conditions'
import { ConditionList } from './condition-list'
import { RuleJson } from './rule-json'
import type { Subject } from './subjects'

interface Props {
  label: string
  value: unknown
  onChange: (rule: unknown) => void
  subjects: Subject[]
  readOnly: boolean
}

/**
 * A yes/no rule (a component's condition, an action's guard): conditions that must all hold while it has that
 * shape, its JSON Logic otherwise or on request.
 */
export function RuleConditions({ label, value, onChange, subjects, readOnly }: Props) {
  const { t } = useI18n()
  const conditions = ruleToConditions(value)
  const [advanced, setAdvanced] = useState(false)
  const showJson = advanced || !conditions
  return (
    <div className="sx-rule">
      {!conditions && <p className="hint">{t('rule.tooComplex')}</p>}
      {showJson ? (
        <RuleJson label={`${label} (JSON Logic)`} value={value} onChange={onChange} readOnly={readOnly} />
      ) : (
        <ConditionList
          label={label}
          conditions={conditions}
          subjects={subjects}
          readOnly={readOnly}
          onChange={(next) => onChange(conditionsToRule(next))}
        />
      )}
      {conditions && (
        <button type="button" className="link-button sx-small" onClick={() => setAdvanced(!advanced)}>
          {advanced ? t('rule.showTable') : t('rule.showJson')}
        </button>
      )}
    </div>
  )
}

import type { RJSFSchema, UiSchema } from '@rjsf/utils'
import { summarizeForm } from './summary'
import type { FormLocale } from './validator'
import './forms.css'

/**
 * A filled form read back as headings and label/value pairs (the review page, the desk's dossier view).
 * @example <FormSummary schema={schema} uiSchema={uiSchema} formData={formData} />
 */
export function FormSummary({
  schema,
  uiSchema,
  formData,
  locale = 'vi',
}: {
  schema: RJSFSchema
  uiSchema?: UiSchema
  formData: unknown
  locale?: FormLocale
}) {
  const rows = summarizeForm(schema, uiSchema, formData, locale)
  return (
    <div className="mc-summary">
      {rows.map((row) =>
        row.value === undefined ? (
          <p key={row.path} className={`mc-summary__group mc-depth-${Math.min(row.depth, 3)}`}>
            {row.label}
          </p>
        ) : (
          <div key={row.path} className={`mc-summary__row mc-depth-${Math.min(row.depth, 3)}`}>
            <span className="mc-summary__label">{row.label}</span>
            <span className="mc-summary__value">{row.value}</span>
          </div>
        ),
      )}
    </div>
  )
}

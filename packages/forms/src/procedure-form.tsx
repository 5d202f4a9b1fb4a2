import Form from '@rjsf/core'
import type { ErrorSchema, RJSFSchema, UiSchema, ValidatorType } from '@rjsf/utils'
import { memo, type ReactNode, useMemo, useRef } from 'react'
import { checkDateRules } from './date-rules'
import { hasErrors, listErrors, withoutEmpty } from './error-schema'
import { ErrorSummary } from './error-summary'
import { templates, widgets } from './theme'
import { type FormContributions, pluginWidgets } from './theme/plugin-widgets'
import { translator } from './translate'
import type { FormLocale } from './validator'
import './forms.css'

export interface ProcedureFormProps {
  /** The procedure's form JSON Schema (`definition.form.schema`). */
  schema: RJSFSchema
  /** Its @rjsf UI schema (`definition.form.uiSchema`). */
  uiSchema?: UiSchema
  /** The data the form opens with (a draft, a dossier). The form keeps its own state afterwards: give it a new `key` to load other data. */
  initialFormData?: unknown
  /** Every change, with the whole form data and, when a person made it, the id of the field (none for defaults filled in). */
  onChange?: (formData: unknown, fieldId?: string) => void
  /** Enter pressed in a field, or a submit button among `children`: the page decides what comes next. */
  onSubmit?: (formData: unknown) => void
  locale?: FormLocale
  /**
   * The language of the definition's own texts (labels, help, choices) when it is not the page's: `'vi'` on an
   * English page marks them `lang="vi"`. Unset when they are in the page's language.
   */
  contentLang?: string
  /** Shows only these top-level properties (one step of a long form); every property when absent. */
  visibleKeys?: string[]
  /** Errors to show beside their fields and summed up on top (from {@link validateForm} or the API). */
  errors?: ErrorSchema
  readonly?: boolean
  disabled?: boolean
  /** Where the address picker reads units from (default `/api/units`). */
  unitsUrl?: string
  /** Buttons under the form. */
  children?: ReactNode
  /** The installed plugins' formats and widgets the form uses (`GET /api/procedures/:code` gives them). */
  contributions?: FormContributions
  /**
   * What checks the data, speaking `locale`: a precompiled one in the portal (`loadFormValidators`), which needs no
   * `'unsafe-eval'`, or `formValidator(locale, contributions.formats)`, which compiles the schema in the page.
   */
  validator: ValidatorType<unknown, RJSFSchema>
}

// Never answer for the citizen: a `const` (a choice in `oneOf: [{const, title}]`, or `const: true` on "Tôi xin cam
// đoan…") is not a default, nor is `false` for a required yes/no question. Only an explicit `default` (e.g. Quốc
// tịch: Việt Nam) pre-fills a field.
const DEFAULT_STATE = { constAsDefaults: 'never', requiredBooleanDefault: 'skip' } as const

/**
 * A procedure's form, rendered the same in the citizen portal, the officers' desk and the studio's preview:
 * Vietnamese widgets, errors beside each field, and a summary of them on top.
 * @example <ProcedureForm schema={def.form.schema} uiSchema={def.form.uiSchema} onChange={save} errors={errors} />
 */
export const ProcedureForm = memo(function ProcedureForm(props: ProcedureFormProps) {
  const {
    schema,
    uiSchema,
    initialFormData,
    locale = 'vi',
    visibleKeys,
    errors,
    readonly,
    disabled,
    unitsUrl,
    children,
    contributions,
    contentLang,
    validator,
  } = props
  const handlers = useRef(props)
  handlers.current = props
  const pluginWidgetSpecs = contributions?.widgets
  const formContext = useMemo(
    () => ({ locale, visibleKeys, unitsUrl, pluginWidgets: pluginWidgetSpecs, contentLang }),
    [locale, visibleKeys, unitsUrl, pluginWidgetSpecs, contentLang],
  )
  const translate = useMemo(() => translator(locale), [locale])
  const allWidgets = useMemo(
    () => (pluginWidgetSpecs ? { ...pluginWidgets(pluginWidgetSpecs), ...widgets } : widgets),
    [pluginWidgetSpecs],
  )
  const customValidate = useMemo(() => checkDateRules(schema, locale), [schema, locale])
  const listed = useMemo(() => (errors && hasErrors(errors) ? listErrors(errors, schema) : []), [errors, schema])
  const callbacks = useMemo(
    () => ({
      onChange: (event: { formData?: unknown }, fieldId?: string) =>
        handlers.current.onChange?.(event.formData, fieldId),
      onSubmit: (event: { formData?: unknown }) => handlers.current.onSubmit?.(event.formData),
    }),
    [],
  )
  return (
    <div className="mc-form" lang={locale}>
      {listed.length > 0 && <ErrorSummary errors={listed} locale={locale} />}
      <Form
        schema={schema}
        uiSchema={uiSchema ?? {}}
        initialFormData={initialFormData}
        validator={validator}
        customValidate={customValidate}
        widgets={allWidgets}
        templates={templates}
        formContext={formContext}
        translateString={translate}
        extraErrors={errors}
        experimental_defaultFormStateBehavior={DEFAULT_STATE}
        noValidate
        noHtml5Validate
        showErrorList={false}
        readonly={readonly}
        disabled={disabled}
        onChange={callbacks.onChange}
        onSubmit={callbacks.onSubmit}
      >
        {children ?? null}
      </Form>
    </div>
  )
})

/**
 * Validates form data as the portal does before moving on, with the form's `validator` (in `locale`): the whole
 * form, or only the given top-level properties. Date relations (`x-dateRules`) are checked against today in
 * Vietnam, like the server does.
 * @example const errors = validateForm(schema, formData, 'vi', step.keys, validators('vi')); if (hasErrors(errors)) …
 */
export function validateForm(
  schema: RJSFSchema,
  formData: unknown,
  locale: FormLocale,
  keys: string[] | undefined,
  validator: ValidatorType<unknown, RJSFSchema>,
): ErrorSchema {
  const { errorSchema: found } = validator.validateFormData(formData, schema, checkDateRules(schema, locale))
  const errorSchema = withoutEmpty(found)
  if (!keys) return errorSchema
  const picked: Record<string, unknown> = {}
  for (const key of keys) {
    const part = (errorSchema as Record<string, unknown>)[key]
    if (part && hasErrors(part as ErrorSchema)) picked[key] = part
  }
  return picked as ErrorSchema
}

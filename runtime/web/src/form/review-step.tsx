import type { DossierComponent, FeeLine } from '@motcua/core'
import type { RJSFSchema, UiSchema } from '@motcua/forms'
import { type FormStep, FormSummary } from '@motcua/forms'
import type { ReactNode } from 'react'
import { FeeTable } from '../components/fee-table'
import { useI18n } from '../i18n/i18n'
import type { MessageKey } from '../i18n/messages'
import type { Account } from '../lib/account'
import { showSize } from '../lib/format'
import type { Applicant } from '../lib/types'

export type ApplicantErrors = Partial<Record<keyof Applicant, string>>

const applicantFields: {
  key: keyof Applicant
  label: MessageKey
  type: string
  inputMode?: 'numeric' | 'tel' | 'email'
  autoComplete: string
}[] = [
  { key: 'fullName', label: 'form.fullName', type: 'text', autoComplete: 'name' },
  { key: 'idNumber', label: 'form.idNumber', type: 'text', inputMode: 'numeric', autoComplete: 'off' },
  { key: 'phone', label: 'form.phone', type: 'tel', inputMode: 'tel', autoComplete: 'tel' },
  { key: 'email', label: 'form.email', type: 'email', inputMode: 'email', autoComplete: 'email' },
]

function pickSchema(schema: RJSFSchema, keys: string[]): RJSFSchema {
  const properties = Object.fromEntries(keys.map((k) => [k, schema.properties?.[k] ?? {}]))
  return { type: 'object', properties }
}

interface Props {
  schema: RJSFSchema
  uiSchema: UiSchema
  formData: unknown
  steps: FormStep[]
  onEdit: (step: number) => void
  unitName: string
  components: DossierComponent[]
  files: Record<string, File>
  fileProgress?: Record<string, number> | undefined
  fees: FeeLine[]
  applicant: Applicant
  /** The signed-in citizen's details: a field still holding the account's value is marked as pre-filled from it. */
  account?: Account | undefined
  applicantErrors: ApplicantErrors
  onApplicant: (applicant: Applicant) => void
  /** The choice of how to receive the result, shown before the fees it may add to. */
  delivery?: ReactNode
  /** The applicant's cam đoan, ticked before submitting; `declarationMissing` shows its error. */
  declared: boolean
  declarationMissing: boolean
  onDeclared: (declared: boolean) => void
}

/** Everything read back before sending: the declaration by step, the files, the fees, and who files it. */
export function ReviewStep(props: Props) {
  const {
    schema,
    uiSchema,
    formData,
    steps,
    onEdit,
    unitName,
    components,
    files,
    fileProgress,
    fees,
    applicant,
    account,
    applicantErrors,
    onApplicant,
    delivery,
    declared,
    declarationMissing,
    onDeclared,
  } = props
  const { t, locale } = useI18n()
  const attached = components.filter((c) => files[c.key])
  return (
    <>
      <section className="review-block" aria-labelledby="review-applicant">
        <h3 id="review-applicant">{t('form.applicant')}</h3>
        <p className="hint">{t('form.applicantLead')}</p>
        {applicantFields.map((field) => {
          const error = applicantErrors[field.key]
          const id = `applicant-${field.key}`
          const value = applicant[field.key]
          const fromAccount = !!value && value === account?.[field.key as keyof Account]
          const described = [fromAccount ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ')
          return (
            <div
              className={`mc-field${fromAccount ? ' mc-prefilled' : ''}${error ? ' mc-field--invalid' : ''}`}
              key={field.key}
            >
              <label className="mc-label" htmlFor={id}>
                {t(field.label)}
                {field.key === 'fullName' && (
                  <>
                    <span className="mc-required" aria-hidden="true">
                      {' '}
                      *
                    </span>
                    <span className="mc-sr-only"> ({t('procedure.required')})</span>
                  </>
                )}
              </label>
              <input
                id={id}
                className="mc-input"
                type={field.type}
                inputMode={field.inputMode}
                autoComplete={field.autoComplete}
                value={applicant[field.key] ?? ''}
                aria-invalid={error ? true : undefined}
                aria-describedby={described || undefined}
                onChange={(e) => onApplicant({ ...applicant, [field.key]: e.target.value })}
              />
              {fromAccount && (
                <p className="mc-help" id={`${id}-help`}>
                  {t('prefill.fieldHelp', { name: t('prefill.account') })}
                </p>
              )}
              {error && (
                <div className="mc-error" id={`${id}-error`}>
                  <p>⚠ {error}</p>
                </div>
              )}
            </div>
          )
        })}
      </section>

      {/* not a named region: the unit's panel above the steps is one already, by the same name */}
      <section className="review-block">
        <h3 id="review-unit">{t('form.unit')}</h3>
        <p>{unitName}</p>
      </section>

      <section className="review-block" aria-labelledby="review-declaration">
        <h3 id="review-declaration">{t('form.declaration')}</h3>
        {steps.map((step, i) => (
          <div key={step.id} className="review-step">
            <div className="review-step__head">
              <h4>{step.title}</h4>
              <button type="button" className="link-button" onClick={() => onEdit(i)}>
                {t('form.edit')}
                <span className="mc-sr-only">: {step.title}</span>
              </button>
            </div>
            <FormSummary
              schema={pickSchema(schema, step.keys)}
              uiSchema={uiSchema}
              formData={formData}
              locale={locale}
            />
          </div>
        ))}
      </section>

      {attached.length > 0 && (
        <section className="review-block" aria-labelledby="review-files">
          <h3 id="review-files">{t('form.attachments')}</h3>
          <ul className="upload-list">
            {attached.map((c) => {
              const file = files[c.key]!
              const done = fileProgress?.[c.key]
              return (
                <li key={c.key}>
                  <span className="upload-list__name">{c.name}</span>
                  <span className="hint">
                    {file.name} ({showSize(file.size, locale)})
                  </span>
                  {done !== undefined && (
                    <progress max={1} value={done} aria-label={`${file.name}: ${Math.round(done * 100)}%`} />
                  )}
                </li>
              )
            })}
          </ul>
        </section>
      )}

      {delivery}

      <section className="review-block" aria-labelledby="review-fees">
        <h3 id="review-fees">{t('procedure.fees')}</h3>
        <FeeTable fees={fees} />
      </section>

      <section className="review-block" aria-labelledby="review-oath">
        <h3 id="review-oath">{t('form.oathTitle')}</h3>
        <div className={`mc-field declaration${declarationMissing ? ' mc-field--invalid' : ''}`}>
          {declarationMissing && (
            <div className="mc-error" id="declaration-error">
              <p>⚠ {t('form.oathMissing')}</p>
            </div>
          )}
          <label className="mc-choice mc-choice--single" htmlFor="declaration">
            <input
              type="checkbox"
              id="declaration"
              checked={declared}
              required
              aria-invalid={declarationMissing || undefined}
              aria-describedby={declarationMissing ? 'declaration-error' : undefined}
              onChange={(e) => onDeclared(e.target.checked)}
            />
            <span>{t('form.oath')}</span>
          </label>
        </div>
      </section>
    </>
  )
}

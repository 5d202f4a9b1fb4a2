import { type ProcedureDefinition, type RuleContext, requiredComponents, vietnamDate } from '@motcua/core'
import {
  DeliveryChoice,
  type DeliveryDraft,
  type DeliveryErrors,
  type DeliveryTexts,
  deliveryIssueErrors,
  deliveryProblems,
  deliveryToSend,
  type ErrorSchema,
  formatVnd,
  formValidator,
  hasErrors,
  issuesByName,
  issuesToErrorSchema,
  ProcedureForm,
  type RJSFSchema,
  type UiSchema,
  useFilingRules,
  validateForm,
} from '@motcua/forms'
import { ApiError, postMultipart } from '@motcua/web-kit'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useI18n } from '../i18n/i18n'
import { type ComponentEntry, ComponentsChecklist } from './components-checklist'
import type { IssuedReceipt } from './receipt-panel'

type Data = Record<string, unknown>
type ApplicantField = 'fullName' | 'idNumber' | 'phone' | 'address'
const APPLICANT_FIELDS: { key: ApplicantField; autoComplete: string; wide?: boolean }[] = [
  { key: 'fullName', autoComplete: 'off' },
  { key: 'idNumber', autoComplete: 'off' },
  { key: 'phone', autoComplete: 'off' },
  { key: 'address', autoComplete: 'off', wide: true },
]
const applicantLabel = {
  fullName: 'intake.fullName',
  idNumber: 'intake.idNumber',
  phone: 'intake.phone',
  address: 'intake.address',
} as const

const focusSoon = (id: string) => window.setTimeout(() => document.getElementById(id)?.focus(), 0)

/** The whole intake on one page: applicant, channel, the generated form, the components, the fees and delivery. */
export function IntakeForm({
  definition,
  unitCode,
  onReceived,
}: {
  definition: ProcedureDefinition
  unitCode: string
  onReceived: (receipt: IssuedReceipt, feesPaid: number | undefined) => void
}) {
  const { t, locale, pick } = useI18n()
  const schema = definition.form.schema as RJSFSchema
  const uiSchema = (definition.form.uiSchema ?? {}) as UiSchema
  const data = useRef<Data>({})
  const [snapshot, setSnapshot] = useState<Data>({})
  const [errors, setErrors] = useState<ErrorSchema>()
  const [applicant, setApplicant] = useState<Record<ApplicantField, string>>({
    fullName: '',
    idNumber: '',
    phone: '',
    address: '',
  })
  const [applicantErrors, setApplicantErrors] = useState<Partial<Record<ApplicantField, string>>>({})
  const [channel, setChannel] = useState<1 | 3>(1)
  const [entries, setEntries] = useState<Record<string, ComponentEntry>>({})
  const [missingNames, setMissingNames] = useState<string[]>([])
  const methods = definition.resultDelivery?.methods ?? []
  const [delivery, setDelivery] = useState<DeliveryDraft | undefined>(
    methods[0] ? { method: methods[0], street: '', recipient: '', phone: '' } : undefined,
  )
  const [deliveryErrors, setDeliveryErrors] = useState<DeliveryErrors>({})
  const deliveryTexts = useMemo<DeliveryTexts>(
    () => ({
      title: t('intake.delivery'),
      postalFee: (amount) => t('intake.postalFee', { amount }),
      addressLead: t('intake.deliveryAddressLead'),
      street: t('intake.deliveryStreet'),
      recipient: t('intake.deliveryRecipient'),
      phone: t('intake.deliveryPhone'),
      onlineLead: t('intake.deliveryOnlineLead'),
    }),
    [t],
  )
  const [collected, setCollected] = useState(false)
  const [feeError, setFeeError] = useState<string>()
  const [sending, setSending] = useState<number>()
  const [failure, setFailure] = useState<ApiError>()

  // what rules see at the counter; the server fixes the fees again when it receives the dossier
  const rules = useMemo<RuleContext>(
    () => ({ channel: channel === 1 ? 'counter' : 'post', today: vietnamDate(new Date()) }),
    [channel],
  )
  const { applicable, required, fees } = useFilingRules(definition, snapshot, rules, delivery?.method)
  const total = fees.reduce((sum, line) => sum + line.amount, 0)

  const onChange = (formData: unknown) => {
    data.current = (formData ?? {}) as Data
    // components and fees follow the answers (a proxy needs the letter of authorisation, copies change the fee), and
    // errors once shown follow the corrections; debounced, as a full validation per keystroke costs on long forms
    window.clearTimeout(refresh.current)
    refresh.current = window.setTimeout(() => {
      setSnapshot({ ...data.current })
      if (errors) {
        const found = validateForm(schema, data.current, locale, undefined, formValidator(locale))
        setErrors(hasErrors(found) ? found : undefined)
      }
    }, 250)
  }
  const refresh = useRef<number | undefined>(undefined)
  useEffect(() => () => window.clearTimeout(refresh.current), [])

  const missingRequired = (current: Data) =>
    requiredComponents(definition, current, rules).filter((c) => !entries[c.key]?.paper && !entries[c.key]?.file)

  const submit = async () => {
    if (sending !== undefined) return
    setSnapshot({ ...data.current })
    setFailure(undefined)
    const foundApplicant: typeof applicantErrors = {}
    if (!applicant.fullName.trim()) foundApplicant.fullName = t('intake.nameRequired')
    if (applicant.idNumber.trim() && !/^(\d{9}|\d{12})$/.test(applicant.idNumber.trim()))
      foundApplicant.idNumber = t('intake.badId')
    setApplicantErrors(foundApplicant)
    const formErrors = validateForm(schema, data.current, locale, undefined, formValidator(locale))
    setErrors(hasErrors(formErrors) ? formErrors : undefined)
    const missing = missingRequired(data.current)
    setMissingNames(missing.map((c) => c.name))
    setEntries((all) => ({
      ...all,
      ...Object.fromEntries(missing.map((c) => [c.key, { ...all[c.key], problem: t('intake.missing') }])),
    }))
    const foundDelivery = deliveryProblems(delivery, {
      required: t('intake.deliveryRequired'),
      badPhone: t('intake.badPhone'),
    })
    setDeliveryErrors(foundDelivery)
    if (Object.keys(foundApplicant).length) return focusSoon(`applicant-${Object.keys(foundApplicant)[0]}`)
    if (hasErrors(formErrors)) return focusSoon('intake-form-title')
    if (missing.length) return focusSoon('intake-missing')
    const deliveryField = Object.keys(foundDelivery)[0]
    if (deliveryField)
      return focusSoon(deliveryField === 'unitCode' ? 'delivery-district' : `delivery-${deliveryField}`)

    const body = new FormData()
    const received = Object.fromEntries(
      applicable.filter((c) => entries[c.key]?.paper).map((c) => [c.key, entries[c.key]!.paper!]),
    )
    const trimmed = Object.fromEntries(
      Object.entries(applicant)
        .map(([k, v]) => [k, v.trim()])
        .filter(([, v]) => v),
    )
    body.append(
      'dossier',
      JSON.stringify({
        procedureCode: definition.code,
        unitCode,
        channel,
        applicant: trimmed,
        formData: data.current,
        ...(delivery ? { delivery: deliveryToSend(delivery) } : {}),
        ...(Object.keys(received).length ? { received } : {}),
        ...(collected ? { feesPaid: { amount: total } } : {}),
      }),
    )
    for (const c of applicable) {
      const file = entries[c.key]?.file
      if (file) body.append(`attachments.${c.key}`, file, file.name)
    }
    setSending(0)
    try {
      const receipt = await postMultipart<IssuedReceipt>('/api/desk/intake', body, {}, (loaded, all) =>
        setSending(Math.round((loaded / Math.max(all, 1)) * 100)),
      )
      onReceived(receipt, collected ? total : undefined)
    } catch (caught) {
      setSending(undefined)
      const error =
        caught instanceof ApiError ? caught : new ApiError(0, 'ERROR', { vi: String(caught), en: String(caught) })
      setFailure(error)
      placeIssues(error)
    }
  }

  // the server's issues beside their fields; nothing typed is lost
  const placeIssues = (error: ApiError) => {
    const formErrors = issuesToErrorSchema(error.issues, '/formData', locale)
    if (hasErrors(formErrors)) setErrors(formErrors)
    const componentProblems = issuesByName(error.issues, '/components', locale)
    setEntries((all) => ({
      ...all,
      ...Object.fromEntries(Object.entries(componentProblems).map(([key, problem]) => [key, { ...all[key], problem }])),
    }))
    const applicantFound = issuesByName(error.issues, '/applicant', locale, 'fullName')
    if (Object.keys(applicantFound).length) setApplicantErrors(applicantFound)
    const deliveryFound = deliveryIssueErrors(error.issues, locale)
    if (Object.keys(deliveryFound).length) setDeliveryErrors(deliveryFound)
    setFeeError(Object.values(issuesByName(error.issues, '/feesPaid', locale))[0])
    focusSoon('intake-failure')
  }

  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !document.querySelector('dialog[open]')) {
        event.preventDefault()
        void submit()
      }
    }
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  })

  return (
    <div className="intake-grid">
      <div className="intake-main">
        <section className="intake-section" aria-labelledby="intake-applicant-title">
          <h2 id="intake-applicant-title">{t('intake.applicant')}</h2>
          <div className="intake-applicant">
            {APPLICANT_FIELDS.map(({ key, autoComplete, wide }) => (
              <div key={key} className={`field${wide ? ' intake-applicant__wide' : ''}`}>
                <label className="label" htmlFor={`applicant-${key}`}>
                  {t(applicantLabel[key])}
                  {key === 'fullName' && <span aria-hidden="true"> *</span>}
                </label>
                <input
                  id={`applicant-${key}`}
                  className="input"
                  autoComplete={autoComplete}
                  inputMode={key === 'idNumber' || key === 'phone' ? 'numeric' : undefined}
                  required={key === 'fullName'}
                  value={applicant[key]}
                  aria-invalid={applicantErrors[key] ? true : undefined}
                  aria-describedby={applicantErrors[key] ? `applicant-${key}-error` : undefined}
                  autoFocus={key === 'fullName'}
                  onChange={(e) => {
                    const value = e.target.value
                    setApplicant((a) => ({ ...a, [key]: value }))
                    setApplicantErrors(({ [key]: _gone, ...rest }) => rest)
                  }}
                />
                {applicantErrors[key] && (
                  <p className="intake-error" id={`applicant-${key}-error`}>
                    ⚠ {applicantErrors[key]}
                  </p>
                )}
              </div>
            ))}
            <fieldset className="field intake-channel">
              <legend className="label">{t('intake.channel')}</legend>
              {([1, 3] as const).map((c) => (
                <label key={c} className="check">
                  <input type="radio" name="intake-channel" checked={channel === c} onChange={() => setChannel(c)} />
                  {t(c === 1 ? 'intake.channel1' : 'intake.channel3')}
                </label>
              ))}
            </fieldset>
          </div>
        </section>

        <section className="intake-section" aria-labelledby="intake-form-title">
          <h2 id="intake-form-title" tabIndex={-1}>
            {t('intake.form')}
          </h2>
          <ProcedureForm
            schema={schema}
            uiSchema={uiSchema}
            locale={locale}
            validator={formValidator(locale)}
            errors={errors}
            onChange={onChange}
            onSubmit={() => void submit()}
          />
        </section>
      </div>

      <aside className="intake-side">
        <section className="intake-section" aria-labelledby="intake-components-title">
          <h2 id="intake-components-title">{t('intake.components')}</h2>
          <p className="hint">{t('intake.componentsLead')}</p>
          {missingNames.length > 0 && (
            <p className="notice notice--error" id="intake-missing" tabIndex={-1} role="alert">
              {t('intake.missingSummary', { count: missingNames.length, names: missingNames.join('; ') })}
            </p>
          )}
          <ComponentsChecklist
            components={applicable}
            required={required}
            entries={entries}
            onChange={(key, entry) => {
              setEntries((all) => ({ ...all, [key]: entry }))
              if (entry.paper || entry.file)
                setMissingNames((names) => names.filter((n) => n !== applicable.find((c) => c.key === key)?.name))
            }}
          />
        </section>

        <section className="intake-section" aria-labelledby="intake-fees-title">
          <h2 id="intake-fees-title">{t('intake.fees')}</h2>
          {fees.length === 0 || total === 0 ? (
            <p className="hint">{t('intake.noFees')}</p>
          ) : (
            <>
              <table className="table intake-fees">
                <tbody>
                  {fees.map((line) => (
                    <tr key={line.key}>
                      <td>{line.name}</td>
                      <td className="intake-fees__amount">{formatVnd(line.amount)}</td>
                    </tr>
                  ))}
                  <tr>
                    <th scope="row">{t('intake.total')}</th>
                    <td className="intake-fees__amount">
                      <strong data-testid="fees-total">{formatVnd(total)}</strong>
                    </td>
                  </tr>
                </tbody>
              </table>
              <label className="check intake-collected">
                <input
                  type="checkbox"
                  checked={collected}
                  onChange={(e) => {
                    setCollected(e.target.checked)
                    setFeeError(undefined)
                  }}
                />
                {t('intake.collected', { amount: formatVnd(total) })}
              </label>
              {feeError && <p className="intake-error">⚠ {feeError}</p>}
            </>
          )}
        </section>

        {methods.length > 1 && delivery && (
          <DeliveryChoice
            methods={methods}
            postalFee={definition.resultDelivery?.postalFee?.amount}
            value={delivery}
            onChange={(changed) => {
              setDelivery(changed)
              setDeliveryErrors({})
            }}
            errors={deliveryErrors}
            texts={deliveryTexts}
            locale={locale}
          />
        )}

        {failure && (
          <div className="notice notice--error" id="intake-failure" tabIndex={-1} role="alert">
            <p>
              <strong>{t('intake.submitFailed')}</strong> {pick(failure.userMessage)}
            </p>
          </div>
        )}
        <div className="intake-submit">
          <button
            type="button"
            className="button intake-submit__button"
            disabled={sending !== undefined}
            aria-keyshortcuts="Control+Enter"
            onClick={() => void submit()}
          >
            {sending !== undefined ? t('intake.submitting', { percent: sending }) : t('intake.submit')}
          </button>
          <p className="hint">{t('intake.shortcutSubmit')}</p>
        </div>
      </aside>
    </div>
  )
}

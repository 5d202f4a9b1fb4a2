import { isVnPhone, type ProcedureDefinition, type RuleContext, vietnamDate } from '@motcua/core'
import {
  DeliveryChoice,
  type DeliveryDraft,
  type DeliveryErrors,
  deliveryIssueErrors,
  deliveryProblems,
  deliveryToSend,
  type ErrorSchema,
  type FormValidators,
  formSteps,
  hasErrors,
  issuesByName,
  issuesToErrorSchema,
  loadUnits,
  orderedKeys,
  ProcedureForm,
  type RJSFSchema,
  type UiSchema,
  useFilingRules,
  validateForm,
} from '@motcua/forms'
import { ApiError, Link, navigate, useAsync, useLocation, useSession } from '@motcua/web-kit'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { ProcedureName, useContentLang, VietnameseOnlyNote } from '../components/content-language'
import { ErrorBox, Loading } from '../components/loading'
import { usePageTitle } from '../components/page-title'
import { type ChosenUnit, UnitChooser } from '../components/unit-chooser'
import { useI18n } from '../i18n/i18n'
import { PrivacyLink } from '../legal/privacy-link'
import { showDateTime } from '../lib/format'
import { loadProcedure } from '../lib/procedures'
import type { Applicant, ProcedureDetail } from '../lib/types'
import { saveReceipt } from '../receipt/receipt-store'
import { guessApplicant } from './applicant'
import { AttachmentsStep } from './attachments-step'
import { applyFill, markFilled } from './prefill'
import { PrefillBox } from './prefill-box'
import { Progress } from './progress'
import { type ApplicantErrors, ReviewStep } from './review-step'
import { fileProgress, submitDossier } from './upload'
import { useDraft } from './use-draft'
import { formValidatorsOf } from './validators'

type Data = Record<string, unknown>

/** The dossier form of one procedure: the declaration in steps, the attachments, a review, then submission. */
export default function FormPage({ code }: { code: string }) {
  const {
    value: loaded,
    error,
    reload,
  } = useAsync(
    () =>
      loadProcedure(code, { fresh: true }).then(async (procedure) => ({
        procedure,
        validators: await formValidatorsOf(procedure),
      })),
    [code],
  )
  if (error !== undefined) return <ErrorBox error={error} onRetry={reload} />
  if (!loaded) return <Loading />
  return <DossierForm procedure={loaded.procedure} validators={loaded.validators} />
}

function useUnit(fromDraft?: string) {
  const { query } = useLocation()
  const code = query.get('don-vi') ?? fromDraft
  const [unit, setUnit] = useState<ChosenUnit>()
  useEffect(() => {
    if (!code || unit?.code === code) return
    loadUnits({}).then(
      (all) => {
        const found = all.find((u) => u.code === code)
        if (found) setUnit({ code: found.code, name: found.name })
      },
      () => undefined,
    )
  }, [code, unit?.code])
  return [unit, setUnit] as const
}

const NO_KEYS: string[] = []

function DossierForm({ procedure, validators }: { procedure: ProcedureDetail; validators: FormValidators }) {
  const { t, locale, pick } = useI18n()
  const contentLang = useContentLang()
  const validator = validators(locale)
  const { user } = useSession()
  const location = useLocation()
  const definition = procedure as unknown as ProcedureDefinition
  const schema = procedure.form.schema as RJSFSchema
  const uiSchema = (procedure.form.uiSchema ?? {}) as UiSchema
  const contributions = useMemo(
    () => ({ formats: procedure.formats ?? {}, widgets: procedure.widgets ?? {} }),
    [procedure.formats, procedure.widgets],
  )
  const name = locale === 'en' && procedure.nameEn ? procedure.nameEn : procedure.name
  usePageTitle(name)

  const draft = useDraft(procedure.code, procedure.name)
  const [unit, setUnit] = useUnit(draft.opened?.unitCode)
  const [formKey, setFormKey] = useState(0)
  const [discarded, setDiscarded] = useState(false)
  // the data after a pre-fill (the form opens again with it) and the fields it filled
  const [prefilled, setPrefilled] = useState<{ data: Data; pointers: string[] }>()
  const pendingErrors = useRef<ErrorSchema | undefined>(undefined)
  const data = useRef<Data>({})
  const touched = useRef(false)
  const [snapshot, setSnapshot] = useState<Data>({})
  const [errors, setErrors] = useState<ErrorSchema>()
  const [files, setFiles] = useState<Record<string, File>>({})
  const [fileProblems, setFileProblems] = useState<Record<string, string>>({})
  const [applicant, setApplicant] = useState<Applicant>({ fullName: '' })
  const [applicantErrors, setApplicantErrors] = useState<ApplicantErrors>({})
  const [unitMissing, setUnitMissing] = useState(false)
  const [submitting, setSubmitting] = useState<{ loaded: number; total: number }>()
  const [submitError, setSubmitError] = useState<ApiError>()
  const attemptKey = useRef<string | undefined>(undefined)
  const offered = definition.resultDelivery?.methods
  const [delivery, setDelivery] = useState<DeliveryDraft | undefined>(
    offered ? { method: offered[0]!, street: '', recipient: '', phone: '' } : undefined,
  )
  const [deliveryErrors, setDeliveryErrors] = useState<DeliveryErrors>({})
  const revalidate = useRef<number | undefined>(undefined)
  const deliveryTexts = useMemo(
    () => ({
      title: t('form.delivery'),
      postalFee: (amount: string) => t('form.postalFee', { amount }),
      addressLead: t('form.deliveryAddressLead'),
      street: t('form.deliveryStreet'),
      recipient: t('form.deliveryRecipient'),
      phone: t('form.deliveryPhone'),
      onlineLead: t('form.deliveryOnlineLead'),
    }),
    [t],
  )

  const steps = useMemo(
    () => formSteps(schema, uiSchema, locale === 'en' ? { otherTitle: 'Other details' } : {}),
    [schema, uiSchema, locale],
  )
  const hasAttachments = procedure.components.length > 0
  const titles = [...steps.map((s) => s.title), ...(hasAttachments ? [t('form.attachments')] : []), t('form.review')]
  const attachmentsIndex = hasAttachments ? steps.length : -1
  const reviewIndex = titles.length - 1
  const stepParam = Number(location.query.get('buoc') ?? '1')
  const current = Number.isInteger(stepParam) && stepParam >= 1 && stepParam <= titles.length ? stepParam - 1 : 0
  const formStep = current < steps.length ? steps[current] : undefined

  // Open with the draft (once known); a discarded draft opens an empty form.
  const initial = useMemo(() => {
    const opened = prefilled?.data ?? (discarded ? undefined : draft.opened?.formData)
    data.current = (opened ?? {}) as Data
    return opened
  }, [draft.opened, discarded, prefilled])
  const prefill = procedure.prefill
  const shownUiSchema = useMemo(
    () =>
      prefill && prefilled?.pointers.length
        ? markFilled(uiSchema, prefilled.pointers, t('prefill.fieldHelp', { name: pick(prefill.name) }))
        : uiSchema,
    [uiSchema, prefill, prefilled, t, pick],
  )
  // the box stands above the step holding the first field it fills
  const prefillKeys = prefill ? Object.keys(prefill.fields).map((p) => p.split('/')[1]!) : []
  const onFill = (fill: Record<string, string | number | boolean>) => {
    const result = applyFill(data.current, fill)
    touched.current = true
    draft.save(result.data, unit)
    setPrefilled((before) => ({
      data: result.data,
      pointers: [...new Set([...(before?.pointers ?? []), ...result.filled])],
    }))
    setErrors(undefined)
    setFormKey((k) => k + 1)
    return { filled: result.filled.length, kept: result.kept.length }
  }
  useEffect(() => setSnapshot({ ...data.current }), [draft.opened, formKey])

  const goTo = useCallback(
    (index: number, showErrors?: ErrorSchema) => {
      // a revalidation still pending for the step being left must not replace the errors shown on the next one
      window.clearTimeout(revalidate.current)
      pendingErrors.current = showErrors
      const params = new URLSearchParams(window.location.search)
      params.set('buoc', String(index + 1))
      if (unit) params.set('don-vi', unit.code)
      setSnapshot({ ...data.current })
      navigate(`${window.location.pathname}?${params}`)
    },
    [unit],
  )
  // Entering the review: one idempotency key for this attempt; editing again starts a new one.
  useEffect(() => {
    if (current === reviewIndex) {
      attemptKey.current ??= crypto.randomUUID()
      setApplicant((a) =>
        a.fullName
          ? a
          : (guessApplicant(schema, data.current, orderedKeys(schema, uiSchema)) ??
            (user ? { fullName: user.fullName.replace(/\s*\(tài khoản demo\)\s*$/, '') } : a)),
      )
    } else if (!submitting) attemptKey.current = undefined
    setErrors(pendingErrors.current)
    pendingErrors.current = undefined
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current])

  const onChange = useCallback(
    (formData: unknown, fieldId?: string) => {
      data.current = (formData ?? {}) as Data
      if (fieldId) touched.current = true
      if (touched.current) draft.save(data.current, unit)
      // Once errors are shown, they follow the corrections (debounced: a full validation per keystroke costs on long forms).
      if (errors && formStep) {
        window.clearTimeout(revalidate.current)
        revalidate.current = window.setTimeout(
          () => setErrors(validateForm(schema, data.current, locale, formStep.keys, validator)),
          300,
        )
      }
    },
    [draft, unit, errors, formStep, schema, locale, validator],
  )
  useEffect(() => {
    if (unit && touched.current) draft.save(data.current, unit)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [unit?.code])

  // what rules see here: this form is filed online, today (the server fixes the fees again at submission)
  const rules = useMemo<RuleContext>(() => ({ channel: 'online', today: vietnamDate(new Date()) }), [])
  const { applicable, required, fees } = useFilingRules(definition, snapshot, rules, delivery?.method)

  const next = () => {
    if (!unit) {
      setUnitMissing(true)
      document.querySelector<HTMLElement>('#form-unit select')?.focus()
      return
    }
    if (formStep) {
      const found = validateForm(schema, data.current, locale, formStep.keys, validator)
      if (hasErrors(found)) return setErrors(found)
      // Leaving the declaration: check it all (a condition may tie fields of different steps).
      if (current === steps.length - 1) {
        const all = validateForm(schema, data.current, locale, undefined, validator)
        const wrong = steps.findIndex((s) => hasErrors(validateForm(schema, data.current, locale, s.keys, validator)))
        if (hasErrors(all) && wrong >= 0 && wrong !== current)
          return goTo(wrong, validateForm(schema, data.current, locale, steps[wrong]!.keys, validator))
      }
      return goTo(current + 1)
    }
    if (current === attachmentsIndex) {
      const missing = applicable.filter((c) => required.has(c.key) && !files[c.key])
      if (missing.length) {
        setFileProblems((p) => ({ ...p, ...Object.fromEntries(missing.map((c) => [c.key, t('form.fileMissing')])) }))
        window.setTimeout(() => document.getElementById(`file-${missing[0]!.key}`)?.focus(), 0)
        return
      }
      return goTo(current + 1)
    }
  }

  const checkApplicant = (): boolean => {
    const found: ApplicantErrors = {}
    const clean = { ...applicant, fullName: applicant.fullName.trim() }
    if (!clean.fullName) found.fullName = t('form.required')
    if (clean.idNumber && !/^(\d{9}|\d{12})$/.test(clean.idNumber.trim())) found.idNumber = t('form.badId')
    if (clean.phone && !isVnPhone(clean.phone.trim())) found.phone = t('form.badPhone')
    if (clean.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(clean.email.trim())) found.email = t('form.badEmail')
    setApplicantErrors(found)
    const first = Object.keys(found)[0]
    if (first) window.setTimeout(() => document.getElementById(`applicant-${first}`)?.focus(), 0)
    return !first
  }

  const checkDelivery = (): boolean => {
    const found = deliveryProblems(delivery, { required: t('form.required'), badPhone: t('form.badPhone') })
    setDeliveryErrors(found)
    const first = Object.keys(found)[0]
    if (first)
      window.setTimeout(
        () => document.getElementById(first === 'unitCode' ? 'delivery-method' : `delivery-${first}`)?.focus(),
        0,
      )
    return !first
  }

  const submit = async () => {
    if (submitting || !unit) return
    if (!checkApplicant() || !checkDelivery()) return
    setSubmitError(undefined)
    const key = (attemptKey.current ??= crypto.randomUUID())
    const trimmed = Object.fromEntries(
      Object.entries(applicant)
        .map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v])
        .filter(([, v]) => v),
    ) as unknown as Applicant
    const sent = applicable.filter((c) => files[c.key]).map((c) => ({ componentKey: c.key, file: files[c.key]! }))
    setSubmitting({ loaded: 0, total: 1 })
    try {
      const dossier = await submitDossier(
        {
          procedureCode: procedure.code,
          unitCode: unit.code,
          applicant: trimmed,
          formData: data.current,
          ...(delivery ? { delivery: deliveryToSend(delivery) } : {}),
          files: sent,
        },
        key,
        (loaded, total) => setSubmitting({ loaded, total }),
      )
      saveReceipt({ ...dossier, procedureName: procedure.name, unitName: unit.name })
      draft.discard()
      attemptKey.current = undefined
      navigate(`/bien-nhan/${encodeURIComponent(dossier.receiptCode)}`, { replace: true })
    } catch (caught) {
      setSubmitting(undefined)
      const apiError =
        caught instanceof ApiError ? caught : new ApiError(0, 'ERROR', { vi: String(caught), en: String(caught) })
      setSubmitError(apiError)
      placeIssues(apiError)
    }
  }

  // Puts the API's issues beside their fields: the declaration's, the files', the applicant's.
  const placeIssues = (apiError: ApiError) => {
    const formErrors = issuesToErrorSchema(apiError.issues, '/formData', locale)
    const wrong = steps.findIndex((s) => s.keys.some((k) => k in (formErrors as object)))
    const componentProblems = issuesByName(apiError.issues, '/components', locale)
    if (Object.keys(componentProblems).length) setFileProblems(componentProblems)
    const applicantFound = issuesByName(apiError.issues, '/applicant', locale, 'fullName')
    if (Object.keys(applicantFound).length) setApplicantErrors(applicantFound)
    const deliveryFound = deliveryIssueErrors(apiError.issues, locale)
    if (Object.keys(deliveryFound).length) setDeliveryErrors(deliveryFound)
    if (wrong >= 0) goTo(wrong, formErrors)
    else if (Object.keys(componentProblems).length && hasAttachments) goTo(attachmentsIndex)
    else if (apiError.issues.some((i) => i.path === '/unitCode')) setUnitMissing(true)
    else window.setTimeout(() => document.getElementById('submit-error')?.focus(), 0)
  }

  if (!draft.opened) return <Loading />
  const progressByFile = submitting
    ? (() => {
        const sent = applicable.filter((c) => files[c.key])
        const sizes = sent.map((c) => files[c.key]!.size)
        const before = Math.max(0, submitting.total - sizes.reduce((a, b) => a + b, 0))
        const done = fileProgress(submitting.loaded, before, sizes)
        return Object.fromEntries(sent.map((c, i) => [c.key, done[i]!]))
      })()
    : undefined
  return (
    <div className="dossier-form">
      <p className="breadcrumb">
        <Link to={`/thu-tuc/${encodeURIComponent(procedure.code)}`}>
          <ProcedureName procedure={procedure} />
        </Link>
      </p>
      <h1>
        <ProcedureName procedure={procedure} />
      </h1>
      <VietnameseOnlyNote />
      <Progress titles={titles} current={current} onPick={goTo} />

      <section className="panel panel--compact" id="form-unit" aria-label={t('form.unit')}>
        {unit && !unitMissing ? (
          <p className="unit-line">
            <span>
              {t('form.unit')}: <strong>{unit.name}</strong>
            </span>{' '}
            <button type="button" className="link-button" onClick={() => setUnitMissing(true)}>
              {t('form.changeUnit')}
            </button>
          </p>
        ) : (
          <>
            <p className="mc-label">{t('form.unit')}</p>
            <UnitChooser
              procedure={procedure}
              value={unit}
              idPrefix="form-unit"
              invalid={unitMissing && !unit}
              onChange={(u) => {
                setUnit(u)
                if (u) setUnitMissing(false)
              }}
            />
            {!unit && unitMissing && <p className="field-error">{t('procedure.pickUnitFirst')}</p>}
          </>
        )}
      </section>

      {draft.opened.savedAt && !discarded && current === 0 && (
        <div className="notice" role="status">
          <p>{t('form.draftRestored', { at: showDateTime(draft.opened.savedAt) })}</p>
          {hasAttachments && <p className="hint">{t('form.draftNoFiles')}</p>}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              draft.discard()
              touched.current = false
              setPrefilled(undefined)
              setDiscarded(true)
              setErrors(undefined)
              setFormKey((k) => k + 1)
            }}
          >
            {t('form.draftDiscard')}
          </button>
        </div>
      )}

      {prefill && formStep?.keys.some((k) => prefillKeys.includes(k)) && (
        <PrefillBox procedureCode={procedure.code} source={prefill} unit={unit} onFill={onFill} />
      )}

      <h2 className="step-title">{titles[current]}</h2>
      <div hidden={!formStep}>
        <ProcedureForm
          key={formKey}
          schema={schema}
          uiSchema={shownUiSchema}
          contributions={contributions}
          validator={validator}
          initialFormData={initial}
          locale={locale}
          contentLang={contentLang}
          visibleKeys={formStep?.keys ?? NO_KEYS}
          errors={errors}
          onChange={onChange}
          onSubmit={next}
        />
      </div>
      {current === attachmentsIndex && (
        <AttachmentsStep
          components={applicable}
          formSchema={schema}
          required={required}
          files={files}
          problems={fileProblems}
          onFile={(key, file, problem) => {
            setFiles((f) => {
              const copy = { ...f }
              if (file) copy[key] = file
              else delete copy[key]
              return copy
            })
            setFileProblems((p) => {
              const copy = { ...p }
              if (problem) copy[key] = problem
              else delete copy[key]
              return copy
            })
          }}
        />
      )}
      {current === reviewIndex && (
        <ReviewStep
          schema={schema}
          uiSchema={uiSchema}
          formData={snapshot}
          steps={steps}
          onEdit={goTo}
          unitName={unit?.name ?? '—'}
          components={applicable}
          files={files}
          fileProgress={progressByFile}
          fees={fees}
          applicant={applicant}
          applicantErrors={applicantErrors}
          onApplicant={setApplicant}
          delivery={
            offered &&
            delivery && (
              <DeliveryChoice
                methods={offered}
                postalFee={definition.resultDelivery?.postalFee?.amount}
                value={delivery}
                onChange={(changed) => {
                  setDelivery(changed)
                  // a field the applicant changes loses its old error; the rest are checked again on submit
                  setDeliveryErrors((found) => {
                    const left = { ...found }
                    if (changed.commune !== delivery.commune) delete left.unitCode
                    for (const key of ['street', 'recipient', 'phone', 'method'] as const)
                      if (changed[key] !== delivery[key]) delete left[key]
                    return left
                  })
                }}
                errors={deliveryErrors}
                texts={deliveryTexts}
                locale={locale}
              />
            )
          }
        />
      )}

      {submitError && (
        <div className="notice notice--error" id="submit-error" tabIndex={-1} role="alert">
          <p>
            <strong>{t('form.submitFailed')}</strong> {pick(submitError.userMessage)}
          </p>
          {submitError.status === 0 && <p>{t('form.retryNote')}</p>}
        </div>
      )}
      {submitting && (
        <div className="upload-progress" role="status">
          <p>
            {t('form.submitting', { percent: Math.round((submitting.loaded / Math.max(submitting.total, 1)) * 100) })}
          </p>
          <progress max={submitting.total} value={submitting.loaded} />
        </div>
      )}

      {current === reviewIndex && <PrivacyLink />}
      <div className="form-actions">
        {current === reviewIndex ? (
          <button
            type="button"
            className="button button--wide"
            disabled={!!submitting}
            aria-disabled={!!submitting}
            onClick={() => void submit()}
          >
            {t('form.submit')}
          </button>
        ) : (
          <button type="button" className="button button--wide" onClick={next}>
            {t('form.next')}
          </button>
        )}
        {current > 0 && (
          <button
            type="button"
            className="button button--secondary"
            disabled={!!submitting}
            onClick={() => goTo(current - 1)}
          >
            {t('form.back')}
          </button>
        )}
      </div>
      <p className="draft-status" role="status">
        {draft.savedAt.server
          ? t('form.draftSavedServer', { at: showDateTime(draft.savedAt.server) })
          : draft.savedAt.local
            ? t('form.draftSaved', { at: showDateTime(draft.savedAt.local) })
            : ''}
      </p>
    </div>
  )
}

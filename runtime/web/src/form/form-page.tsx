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
import { accountName, useAccount } from '../lib/account'
import { showDateTime } from '../lib/format'
import { loadProcedure } from '../lib/procedures'
import type { Applicant, ProcedureDetail } from '../lib/types'
import { saveReceipt } from '../receipt/receipt-store'
import { accountFill, guessApplicant, withAccount } from './applicant'
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

  const draft = useDraft(procedure.code, procedure.name)
  const [unit, setUnit] = useUnit(draft.opened?.unitCode)
  const [formKey, setFormKey] = useState(0)
  const [discarded, setDiscarded] = useState(false)
  // the data after a pre-fill (the form opens again with it) and the fields it filled: from the procedure's register
  // (`pointers`) and from the signed-in citizen's account (`account`)
  const [prefilled, setPrefilled] = useState<{ data: Data; pointers: string[]; account?: string[] }>()
  const account = useAccount()
  const accountApplied = useRef(false)
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
  // the applicant's cam đoan (declaration) before submitting, and whether its missing tick is shown as an error
  const [declared, setDeclared] = useState(false)
  const [declarationMissing, setDeclarationMissing] = useState(false)
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
  // a step opened with "Sửa" from the review returns straight to it
  const editing = location.query.get('sua') === '1' && current !== reviewIndex
  const showingErrors =
    (!!errors && hasErrors(errors)) ||
    (unitMissing && !unit) ||
    (current === attachmentsIndex && Object.keys(fileProblems).length > 0) ||
    (current === reviewIndex &&
      (Object.keys(applicantErrors).length > 0 || Object.keys(deliveryErrors).length > 0 || declarationMissing))
  const stepTitle = `${t('form.stepOf', { n: current + 1, total: titles.length })}: ${titles[current]} – ${name}`
  usePageTitle(showingErrors ? `${t('form.titleError')}${stepTitle}` : stepTitle)

  // Open with the draft (once known); a discarded draft opens an empty form.
  const initial = useMemo(() => {
    const opened = prefilled?.data ?? (discarded ? undefined : draft.opened?.formData)
    data.current = (opened ?? {}) as Data
    return opened
  }, [draft.opened, discarded, prefilled])
  const prefill = procedure.prefill
  const shownUiSchema = useMemo(() => {
    const fromRegister = prefill && prefilled?.pointers.length ? prefilled.pointers : []
    const fromAccount = (prefilled?.account ?? []).filter((p) => !fromRegister.includes(p))
    let shown = uiSchema
    if (fromAccount.length)
      shown = markFilled(shown, fromAccount, t('prefill.fieldHelp', { name: t('prefill.account') }))
    if (prefill && fromRegister.length)
      shown = markFilled(shown, fromRegister, t('prefill.fieldHelp', { name: pick(prefill.name) }))
    return shown
  }, [uiSchema, prefill, prefilled, t, pick])
  // the box stands above the step holding the first field it fills
  const prefillKeys = prefill ? Object.keys(prefill.fields).map((p) => p.split('/')[1]!) : []
  const onFill = (fill: Record<string, string | number | boolean>) => {
    const result = applyFill(data.current, fill)
    touched.current = true
    draft.save(result.data, unit)
    setPrefilled((before) => ({
      ...before,
      data: result.data,
      pointers: [...new Set([...(before?.pointers ?? []), ...result.filled])],
    }))
    setErrors(undefined)
    setFormKey((k) => k + 1)
    return { filled: result.filled.length, kept: result.kept.length }
  }
  useEffect(() => setSnapshot({ ...data.current }), [draft.opened, formKey])
  // A signed-in citizen's own name, căn cước number, phone and e-mail go into the empty fields of the person filing,
  // once the draft is open (what it holds is never overwritten).
  useEffect(() => {
    if (!draft.opened || !account || accountApplied.current) return
    accountApplied.current = true
    const result = applyFill(data.current, accountFill(schema, account))
    if (!result.filled.length) return
    setPrefilled((before) => ({ pointers: [], ...before, data: result.data, account: result.filled }))
    setFormKey((k) => k + 1)
  }, [draft.opened, account, schema])

  const goTo = useCallback(
    (index: number, showErrors?: ErrorSchema, edit?: boolean) => {
      // a revalidation still pending for the step being left must not replace the errors shown on the next one
      window.clearTimeout(revalidate.current)
      pendingErrors.current = showErrors
      const params = new URLSearchParams(window.location.search)
      params.set('buoc', String(index + 1))
      if (unit) params.set('don-vi', unit.code)
      // "Sửa" from the review (or a step it leads to) keeps the way back to the review
      if (index !== reviewIndex && (edit ?? params.get('sua') === '1')) params.set('sua', '1')
      else params.delete('sua')
      setSnapshot({ ...data.current })
      navigate(`${window.location.pathname}?${params}`)
    },
    [unit, reviewIndex],
  )
  const editStep = useCallback((index: number) => goTo(index, undefined, true), [goTo])
  // On every step change: back to the top, the focus on the step's heading (read out by screen readers with the
  // step number); the error summary, when the step opens with errors, takes the focus after it.
  const heading = useRef<HTMLHeadingElement>(null)
  const shownStep = useRef(current)
  useEffect(() => {
    if (shownStep.current === current) return
    shownStep.current = current
    window.scrollTo(0, 0)
    heading.current?.focus({ preventScroll: true })
  }, [current])
  // Entering the review: one idempotency key for this attempt; editing again starts a new one.
  useEffect(() => {
    if (current === reviewIndex) {
      attemptKey.current ??= crypto.randomUUID()
      setApplicant((a) => {
        if (a.fullName) return a
        const guessed = guessApplicant(schema, data.current, orderedKeys(schema, uiSchema))
        if (account) return withAccount(guessed, account)
        return guessed ?? (user ? { fullName: accountName(user.fullName) } : a)
      })
    } else if (!submitting) attemptKey.current = undefined
    setErrors(pendingErrors.current)
    pendingErrors.current = undefined
    setDeclarationMissing(false) // asked again at the next "Nộp hồ sơ"
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
      if (editing) return backToReview()
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

  // After "Sửa": the whole declaration checked again (a change may tie fields of other steps), then the review.
  const backToReview = () => {
    const wrong = steps.findIndex((s) => hasErrors(validateForm(schema, data.current, locale, s.keys, validator)))
    if (wrong >= 0 && wrong !== current)
      return goTo(wrong, validateForm(schema, data.current, locale, steps[wrong]!.keys, validator), true)
    return goTo(reviewIndex)
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
    // a change made with "Sửa" may call for a paper the citizen has not attached yet
    const missing = applicable.filter((c) => required.has(c.key) && !files[c.key])
    if (missing.length && hasAttachments) {
      setFileProblems((p) => ({ ...p, ...Object.fromEntries(missing.map((c) => [c.key, t('form.fileMissing')])) }))
      return goTo(attachmentsIndex, undefined, true)
    }
    if (!declared) {
      setDeclarationMissing(true)
      window.setTimeout(() => document.getElementById('declaration')?.focus(), 0)
      return
    }
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
          declaration: true,
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
    if (wrong >= 0) goTo(wrong, formErrors, true)
    else if (Object.keys(componentProblems).length && hasAttachments) goTo(attachmentsIndex, undefined, true)
    else if (apiError.issues.some((i) => i.path === '/unitCode')) setUnitMissing(true)
    else if (apiError.issues.some((i) => i.path === '/declaration')) setDeclarationMissing(true)
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
      <Progress titles={titles} current={current} onPick={current === reviewIndex ? editStep : goTo} />

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
              accountApplied.current = false
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

      <h2 className="step-title" id="step-title" tabIndex={-1} ref={heading}>
        <span className="mc-sr-only">{t('form.stepOf', { n: current + 1, total: titles.length })}: </span>
        {titles[current]}
      </h2>
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
          onEdit={editStep}
          unitName={unit?.name ?? '—'}
          components={applicable}
          files={files}
          fileProgress={progressByFile}
          fees={fees}
          applicant={applicant}
          account={account}
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
          declared={declared}
          declarationMissing={declarationMissing}
          onDeclared={(on) => {
            setDeclared(on)
            if (on) setDeclarationMissing(false)
          }}
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
            {editing ? t('form.backToReview') : t('form.next')}
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

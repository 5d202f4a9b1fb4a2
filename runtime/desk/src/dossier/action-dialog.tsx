import {
  type ErrorSchema,
  formatVnd,
  formValidator,
  hasErrors,
  issuesToErrorSchema,
  ProcedureForm,
  type RJSFSchema,
  type UiSchema,
  validateForm,
} from '@motcua/forms'
import { ApiError, api } from '@motcua/web-kit'
import { type FormEvent, useId, useMemo, useState } from 'react'
import { ErrorBox, Modal } from '../components/status'
import { type MessageKey, useI18n } from '../i18n/i18n'
import { fromLocalInput, localInput, when } from './format'
import { slipUrl } from './slips'
import type { DossierAction, DossierView } from './types'

// one empty object for the form to open with: a new one at each render would make the form start over
const NO_DATA = {}

/** What an action asks of the officer: its own `requires`, and what its type always needs. */
export function needsOf(action: DossierAction): Set<string> {
  const needs = new Set(action.requires)
  if (['refuse', 'stop', 'withdraw'].includes(action.type)) needs.add('reason')
  if (action.type === 'requestSupplement') needs.add('missingItems')
  if (action.type === 'extend') needs.add('newDueAt').add('reason')
  if (action.type === 'return') needs.add('deliveryMethod')
  if (action.type === 'requestPayment') needs.add('amount')
  return needs
}

/**
 * The action's input schema as the officer reads it: a case to choose shows by its name, not its key.
 * @example withCaseNames({ properties: { case: { type: 'string', enum: ['can_xac_minh'] } } }, [{ key: 'can_xac_minh', name: 'Cần xác minh' }])
 */
export function withCaseNames(schema: Record<string, unknown>, cases: { key: string; name: string }[]): RJSFSchema {
  const properties = schema.properties as Record<string, { enum?: unknown[] }> | undefined
  const choice = properties?.case
  if (!choice?.enum) return schema as RJSFSchema
  const { enum: keys, ...rest } = choice
  const oneOf = keys.map((key) => ({ const: key, title: cases.find((c) => c.key === key)?.name ?? String(key) }))
  return { ...schema, properties: { ...properties, case: { ...rest, oneOf } } } as RJSFSchema
}

/** The answer the API gives a taken action. */
export interface ActionDone {
  version: number
  status: number
}

type Problems = Partial<Record<'reason' | 'note' | 'missingItems' | 'newDueAt' | 'deliveryMethod' | 'amount', string>>

/**
 * One action in a dialog: asks only what the action needs (a reason, the missing items, the new date, how the
 * result goes back, an amount, the officer's inputs), then posts it at the version the officer saw. A 409 goes to
 * `onStale`: the dossier changed meanwhile.
 */
export function ActionDialog({
  dossier,
  action,
  onClose,
  onDone,
  onStale,
}: {
  dossier: DossierView
  action: DossierAction
  onClose: () => void
  onDone: (action: DossierAction, done: ActionDone) => void
  onStale: (error: ApiError) => void
}) {
  const { t, locale, pick } = useI18n()
  const id = useId()
  const needs = needsOf(action)
  const [reason, setReason] = useState('')
  const [note, setNote] = useState('')
  const [ticked, setTicked] = useState<string[]>([])
  const [other, setOther] = useState('')
  const [newDueAt, setNewDueAt] = useState('')
  const [method, setMethod] = useState<string>(
    dossier.delivery?.method && dossier.definition.deliveryMethods.includes(dossier.delivery.method)
      ? dossier.delivery.method
      : (dossier.definition.deliveryMethods[0] ?? 'counter'),
  )
  const feeTotal = (dossier.fees ?? []).reduce((sum, f) => sum + f.amount, 0)
  const [amount, setAmount] = useState(feeTotal > 0 ? String(feeTotal) : '')
  const [input, setInput] = useState<unknown>({})
  const inputSchema = useMemo(
    () => (action.input ? withCaseNames(action.input, dossier.definition.cases) : undefined),
    [action.input, dossier.definition.cases],
  )
  const [inputErrors, setInputErrors] = useState<ErrorSchema>()
  const [apiProblems, setApiProblems] = useState<Problems>({})
  const [error, setError] = useState<unknown>()
  const [invalid, setInvalid] = useState(false)
  const [busy, setBusy] = useState(false)
  const toStep = action.to && dossier.definition.steps.find((s) => s.key === action.to)?.name

  const missingItems = [
    ...ticked,
    ...other
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  ]

  const check = (): Problems => {
    const found: Problems = {}
    if (needs.has('reason') && !reason.trim()) found.reason = t('dossier.required', { field: t('dossier.reason') })
    if (needs.has('note') && !note.trim()) found.note = t('dossier.required', { field: t('dossier.note') })
    if (needs.has('missingItems') && missingItems.length === 0) found.missingItems = t('dossier.missing.none')
    if (needs.has('newDueAt') && !newDueAt) found.newDueAt = t('dossier.newDueAtMissing')
    if (needs.has('amount') && !/^\d+$/.test(amount.trim())) found.amount = t('dossier.amountMissing')
    return found
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError(undefined)
    setInvalid(false)
    const found = check()
    const formErrors = inputSchema
      ? validateForm(inputSchema, input, locale, undefined, formValidator(locale))
      : undefined
    setApiProblems({})
    setInputErrors(formErrors && hasErrors(formErrors) ? formErrors : undefined)
    if (Object.keys(found).length > 0 || (formErrors && hasErrors(formErrors))) {
      setInvalid(true)
      return
    }
    const body = {
      expectedVersion: dossier.version,
      ...(needs.has('reason') && reason.trim() ? { reason: reason.trim() } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(needs.has('missingItems') ? { missingItems } : {}),
      ...(needs.has('newDueAt') && newDueAt ? { newDueAt: fromLocalInput(newDueAt) } : {}),
      ...(needs.has('deliveryMethod') ? { deliveryMethod: method } : {}),
      ...(needs.has('amount') ? { amount: Number(amount.trim()) } : {}),
      ...(action.input ? { input } : {}),
    }
    setBusy(true)
    try {
      const done = await api<ActionDone>(
        `/api/desk/dossiers/${encodeURIComponent(dossier.receiptCode)}/actions/${encodeURIComponent(action.key)}`,
        { method: 'POST', body },
      )
      onDone(action, done)
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 409) {
        onStale(caught)
        return
      }
      if (caught instanceof ApiError) {
        const byField: Problems = {}
        for (const issue of caught.issues) {
          const field = issue.path.split('/')[1] as keyof Problems
          if (field && field !== ('input' as string)) byField[field] = pick(issue.message)
        }
        setApiProblems(byField)
        const fromApi = issuesToErrorSchema(caught.issues, '/input', locale)
        if (hasErrors(fromApi)) setInputErrors(fromApi)
      }
      setError(caught)
    } finally {
      setBusy(false)
    }
  }

  const problems: Problems = { ...apiProblems, ...(invalid ? check() : {}) }
  const field = (name: keyof Problems) => ({
    id: `${id}-${name}`,
    'aria-invalid': problems[name] ? true : undefined,
    'aria-describedby': problems[name] ? `${id}-${name}-problem` : undefined,
  })
  const problem = (name: keyof Problems) =>
    problems[name] && (
      <p id={`${id}-${name}-problem`} className="problems">
        {problems[name]}
      </p>
    )

  return (
    <Modal open title={action.label} onClose={onClose} wide={!!action.input || needs.has('missingItems')}>
      <form className="stack" onSubmit={submit} noValidate data-testid="action-dialog">
        {toStep && <p className="muted">{t('dossier.confirmLead', { to: toStep })}</p>}
        {needs.has('missingItems') && (
          <fieldset className="dossier-fieldset" aria-describedby={`${id}-missing-hint`}>
            <legend className="label">{t('dossier.missing.title')}</legend>
            <p id={`${id}-missing-hint`} className="hint">
              {t('dossier.missing.hint')}
            </p>
            <div className="dossier-checklist">
              {dossier.definition.components.map((c) => (
                <label key={c.key} className="check">
                  <input
                    type="checkbox"
                    checked={ticked.includes(c.name)}
                    onChange={(e) =>
                      setTicked(e.target.checked ? [...ticked, c.name] : ticked.filter((n) => n !== c.name))
                    }
                  />
                  {c.name}
                </label>
              ))}
            </div>
            <div className="field">
              <label className="label" htmlFor={`${id}-missingItems`}>
                {t('dossier.missing.other')}
              </label>
              <textarea
                className="textarea"
                {...field('missingItems')}
                value={other}
                onChange={(e) => setOther(e.target.value)}
              />
              {problem('missingItems')}
            </div>
          </fieldset>
        )}
        {needs.has('newDueAt') && (
          <div className="field">
            <label className="label" htmlFor={`${id}-newDueAt`}>
              {t('dossier.newDueAt')}
            </label>
            <input
              type="datetime-local"
              className="input"
              {...field('newDueAt')}
              min={dossier.dueAt ? localInput(dossier.dueAt) : undefined}
              value={newDueAt}
              onChange={(e) => setNewDueAt(e.target.value)}
            />
            {dossier.dueAt && <span className="hint">{t('dossier.newDueAtHint', { date: when(dossier.dueAt) })}</span>}
            {problem('newDueAt')}
          </div>
        )}
        {needs.has('deliveryMethod') && (
          <fieldset className="dossier-fieldset">
            <legend className="label">{t('dossier.deliveryMethod')}</legend>
            {dossier.definition.deliveryMethods.map((m) => (
              <label key={m} className="check">
                <input type="radio" name={`${id}-method`} checked={method === m} onChange={() => setMethod(m)} />
                {t(`dossier.delivery.${m}` as MessageKey)}
                {dossier.delivery?.method === m && <span className="badge">{t('dossier.delivery.chosen')}</span>}
              </label>
            ))}
            {problem('deliveryMethod')}
            {method === 'counter' && (
              <div className="notice notice--warn" data-testid="counter-reminder">
                <p>{t('dossier.counterReminder')}</p>
                <a
                  className="button button--secondary button--small"
                  href={slipUrl(dossier.receiptCode, 'receipt')}
                  target="_blank"
                  rel="noopener"
                >
                  {t('dossier.printSlip', { slip: t('dossier.slip.receipt') })}
                </a>
              </div>
            )}
            {method === 'post' && dossier.delivery?.address && (
              <p className="notice">{t('dossier.postReminder', { address: dossier.delivery.address.text })}</p>
            )}
            {method === 'online' && <p className="notice">{t('dossier.onlineReminder')}</p>}
          </fieldset>
        )}
        {needs.has('amount') && (
          <div className="field">
            <label className="label" htmlFor={`${id}-amount`}>
              {t('dossier.amount')}
            </label>
            <input
              className="input dossier-amount"
              inputMode="numeric"
              {...field('amount')}
              value={amount}
              onChange={(e) => setAmount(e.target.value.replace(/\D/g, ''))}
            />
            {amount && <span className="hint">{formatVnd(Number(amount))}</span>}
            {problem('amount')}
          </div>
        )}
        {inputSchema && (
          <section aria-label={t('dossier.inputs')}>
            <h3>{t('dossier.inputs')}</h3>
            <ProcedureForm
              schema={inputSchema}
              uiSchema={action.inputUi as UiSchema | undefined}
              initialFormData={NO_DATA}
              onChange={(data) => {
                setInput(data)
                // once the officer was told what to fix, each fix clears its message
                if (inputErrors) {
                  const left = validateForm(inputSchema, data, locale, undefined, formValidator(locale))
                  setInputErrors(hasErrors(left) ? left : undefined)
                }
              }}
              locale={locale}
              validator={formValidator(locale)}
              {...(inputErrors ? { errors: inputErrors } : {})}
            />
          </section>
        )}
        {needs.has('reason') && (
          <div className="field">
            <label className="label" htmlFor={`${id}-reason`}>
              {t('dossier.reason')}
            </label>
            <textarea
              className="textarea"
              {...field('reason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-describedby={`${id}-reason-hint${problems.reason ? ` ${id}-reason-problem` : ''}`}
            />
            <span id={`${id}-reason-hint`} className="hint">
              {t('dossier.reasonHint')}
            </span>
            {problem('reason')}
          </div>
        )}
        <div className="field">
          <label className="label" htmlFor={`${id}-note`}>
            {needs.has('note') ? t('dossier.note') : t('dossier.noteOptional')}
          </label>
          <textarea
            className="textarea dossier-note"
            {...field('note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          {problem('note')}
        </div>
        {invalid && (Object.keys(problems).length > 0 || inputErrors) && (
          <p className="notice notice--error" role="alert">
            {t('dossier.fix')}
          </p>
        )}
        {error !== undefined && <ErrorBox error={error} />}
        <div className="row dialog__actions">
          <button
            type="submit"
            className={['refuse', 'stop', 'withdraw'].includes(action.type) ? 'button button--danger' : 'button'}
            disabled={busy}
          >
            {t('dossier.confirm')}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  )
}

import { type DeliveryMethod, deliveryMethodNames, isVnPhone } from '@motcua/core'
import type { AdministrativeUnit } from './address'
import type { ApiIssue } from './error-schema'
import { UnitPicker } from './unit-picker'
import type { FormLocale } from './validator'
import { formatVnd } from './vnd'

/** The applicant's choice as the form keeps it, before it is sent as `delivery`. */
export interface DeliveryDraft {
  method: DeliveryMethod
  district?: AdministrativeUnit | undefined
  commune?: AdministrativeUnit | undefined
  street: string
  recipient: string
  phone: string
}

export type DeliveryErrors = Partial<Record<'method' | 'unitCode' | 'street' | 'recipient' | 'phone', string>>

/** The app's words for the choice, in its language. */
export interface DeliveryTexts {
  title: string
  /** Beside the post method, e.g. "cước 25.000 đ". */
  postalFee: (amount: string) => string
  addressLead: string
  street: string
  recipient: string
  phone: string
  onlineLead: string
}

/**
 * What is wrong with a choice before it is sent: for post, the ward and the street are required and the phone must be
 * a Vietnamese one; nothing for the other methods.
 * @example deliveryProblems({ method: 'post', street: '', recipient: '', phone: '' }, { required: 'Bắt buộc', badPhone: 'Sai số' })
 */
export function deliveryProblems(
  draft: DeliveryDraft | undefined,
  messages: { required: string; badPhone: string },
): DeliveryErrors {
  if (draft?.method !== 'post') return {}
  const found: DeliveryErrors = {}
  if (!draft.commune) found.unitCode = messages.required
  if (!draft.street.trim()) found.street = messages.required
  if (draft.phone.trim() && !isVnPhone(draft.phone.trim())) found.phone = messages.badPhone
  return found
}

/** The `delivery` part of a submission: the address only for post. */
export function deliveryToSend(draft: DeliveryDraft) {
  if (draft.method !== 'post') return { method: draft.method }
  const optional = (value: string) => value.trim() || undefined
  return {
    method: draft.method,
    address: {
      unitCode: draft.commune?.code ?? '',
      street: draft.street.trim(),
      ...(optional(draft.recipient) ? { recipient: draft.recipient.trim() } : {}),
      ...(optional(draft.phone) ? { phone: draft.phone.trim() } : {}),
    },
  }
}

/**
 * The API's issues about `delivery`, beside the field each is about (the ward picker for the address's unit).
 * @example deliveryIssueErrors(error.issues, 'vi') // { street: 'Nhập số nhà, đường…' }
 */
export function deliveryIssueErrors(issues: ApiIssue[], locale: FormLocale): DeliveryErrors {
  const fields = ['street', 'recipient', 'phone', 'method']
  return Object.fromEntries(
    issues
      .filter((i) => i.path.startsWith('/delivery'))
      .map((i) => {
        const last = i.path.split('/').pop()!
        return [fields.includes(last) ? last : 'unitCode', i.message[locale]]
      }),
  )
}

/**
 * How the applicant wants the result: the procedure's methods, and for post the address over the real units.
 * @example <DeliveryChoice methods={['counter', 'post']} value={draft} onChange={setDraft} errors={{}} texts={texts} locale="vi" />
 */
export function DeliveryChoice({
  methods,
  postalFee,
  value,
  onChange,
  errors,
  texts,
  locale,
  unitsUrl,
}: {
  methods: DeliveryMethod[]
  postalFee?: number | undefined
  value: DeliveryDraft
  onChange: (value: DeliveryDraft) => void
  errors: DeliveryErrors
  texts: DeliveryTexts
  locale: FormLocale
  /** Where the ward picker reads units from (default `/api/units`). */
  unitsUrl?: string
}) {
  const field = (key: 'street' | 'recipient' | 'phone', label: string, autoComplete: string) => {
    const id = `delivery-${key}`
    const error = errors[key]
    return (
      <div className={`mc-field${error ? ' mc-field--invalid' : ''}`}>
        <label className="mc-label" htmlFor={id}>
          {label}
        </label>
        <input
          id={id}
          className="mc-input"
          autoComplete={autoComplete}
          value={value[key]}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => onChange({ ...value, [key]: e.target.value })}
        />
        {error && (
          <div className="mc-error" id={`${id}-error`}>
            <p>⚠ {error}</p>
          </div>
        )}
      </div>
    )
  }
  return (
    <section className="review-block mc-form" aria-labelledby="review-delivery">
      <h3 id="review-delivery">{texts.title}</h3>
      <fieldset className="mc-field mc-choices delivery-methods" id="delivery-method">
        <legend className="mc-sr-only">{texts.title}</legend>
        {methods.map((method) => (
          <label key={method} className="mc-choice">
            <input
              type="radio"
              name="delivery-method"
              value={method}
              checked={value.method === method}
              onChange={() => onChange({ ...value, method })}
            />
            <span>
              {deliveryMethodNames[method][locale === 'en' ? 'en' : 'vi']}
              {method === 'post' && !!postalFee && (
                <span className="hint"> ({texts.postalFee(formatVnd(postalFee))})</span>
              )}
            </span>
          </label>
        ))}
      </fieldset>
      {value.method === 'post' && (
        <>
          <p className="hint">{texts.addressLead}</p>
          <UnitPicker
            depth="commune"
            district={value.district}
            commune={value.commune}
            idPrefix="delivery"
            {...(unitsUrl ? { unitsUrl } : {})}
            invalid={!!errors.unitCode}
            describedBy={errors.unitCode ? 'delivery-unit-error' : undefined}
            {...(locale === 'en'
              ? {
                  labels: {
                    district: 'District, town or city',
                    commune: 'Commune, ward or township',
                    communeOnly: 'Commune, ward or special zone',
                  },
                }
              : {})}
            onChange={({ district, commune }) => onChange({ ...value, district, commune })}
          />
          {errors.unitCode && (
            <div className="mc-error" id="delivery-unit-error">
              <p>⚠ {errors.unitCode}</p>
            </div>
          )}
          {field('street', texts.street, 'street-address')}
          {field('recipient', texts.recipient, 'name')}
          {field('phone', texts.phone, 'tel')}
        </>
      )}
      {value.method === 'online' && <p className="hint">{texts.onlineLead}</p>}
    </section>
  )
}

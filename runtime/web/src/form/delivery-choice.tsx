import { type DeliveryMethod, deliveryMethodNames } from '@motcua/core'
import { type AdministrativeUnit, UnitPicker } from '@motcua/forms'
import { useI18n } from '../i18n/i18n'
import { showVnd } from '../lib/format'

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

/** How the applicant wants the result: the procedure's methods, and for post the address over the real units. */
export function DeliveryChoice({
  methods,
  postalFee,
  value,
  onChange,
  errors,
}: {
  methods: DeliveryMethod[]
  postalFee?: number | undefined
  value: DeliveryDraft
  onChange: (value: DeliveryDraft) => void
  errors: DeliveryErrors
}) {
  const { t, locale } = useI18n()
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
      <h3 id="review-delivery">{t('form.delivery')}</h3>
      <fieldset className="mc-field mc-choices delivery-methods" id="delivery-method">
        <legend className="mc-sr-only">{t('form.delivery')}</legend>
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
                <span className="hint"> ({t('form.postalFee', { amount: showVnd(postalFee) })})</span>
              )}
            </span>
          </label>
        ))}
      </fieldset>
      {value.method === 'post' && (
        <>
          <p className="hint">{t('form.deliveryAddressLead')}</p>
          <UnitPicker
            depth="commune"
            district={value.district}
            commune={value.commune}
            idPrefix="delivery"
            invalid={!!errors.unitCode}
            describedBy={errors.unitCode ? 'delivery-unit-error' : undefined}
            {...(locale === 'en'
              ? { labels: { district: 'District, town or city', commune: 'Commune, ward or township' } }
              : {})}
            onChange={({ district, commune }) => onChange({ ...value, district, commune })}
          />
          {errors.unitCode && (
            <div className="mc-error" id="delivery-unit-error">
              <p>⚠ {errors.unitCode}</p>
            </div>
          )}
          {field('street', t('form.deliveryStreet'), 'street-address')}
          {field('recipient', t('form.deliveryRecipient'), 'name')}
          {field('phone', t('form.deliveryPhone'), 'tel')}
        </>
      )}
      {value.method === 'online' && <p className="hint">{t('form.deliveryOnlineLead')}</p>}
    </section>
  )
}

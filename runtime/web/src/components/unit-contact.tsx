import { api, useAsync } from '@motcua/web-kit'
import { useI18n } from '../i18n/i18n'
import type { ReceptionContact } from '../lib/types'
import './unit-contact.css'

const PARTS = ['address', 'openingHours', 'phone', 'email'] as const
const LABELS = {
  address: 'contact.address',
  openingHours: 'contact.hours',
  phone: 'contact.phone',
  email: 'contact.email',
} as const

/** The reception's contact as served (`/api/units/:code/contact?procedure=` or `/api/track/:code/contact`). */
export function ContactCard({ reception, nested }: { reception: ReceptionContact; nested?: boolean | undefined }) {
  const { t } = useI18n()
  const { unit, contact } = reception
  const known = PARTS.filter((p) => contact[p])
  return (
    <section className="contact-card" aria-labelledby="contact-title" data-testid="unit-contact">
      {nested ? <h3 id="contact-title">{t('contact.title')}</h3> : <h2 id="contact-title">{t('contact.title')}</h2>}
      <p>{t('contact.lead', { unit: unit.name })}</p>
      {known.length > 0 && (
        <dl className="contact-card__list">
          {known.map((part) => (
            <div key={part}>
              <dt>{t(LABELS[part])}</dt>
              <dd>
                {part === 'phone' ? (
                  <a href={`tel:${contact.phone!.replace(/[^0-9+]/g, '')}`}>{contact.phone}</a>
                ) : part === 'email' ? (
                  <a href={`mailto:${contact.email}`}>{contact.email}</a>
                ) : (
                  contact[part]
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
      <p className="hint">
        {known.length === 0 ? t('contact.unknown', { unit: unit.name }) : t('contact.partial', { unit: unit.name })}
      </p>
    </section>
  )
}

/**
 * Help and contact of the unit that receives the dossier: on the procedure page once a unit is chosen (`unitCode`
 * with `procedureCode`), on the tracking page for the dossier (`receiptCode`). Says nothing while loading or failing:
 * the page around it still works.
 */
export function UnitContact(props: { unitCode: string; procedureCode: string } | { receiptCode: string }) {
  // on the procedure page it sits inside the "where to file" section
  const path =
    'receiptCode' in props
      ? `/api/track/${encodeURIComponent(props.receiptCode)}/contact`
      : `/api/units/${encodeURIComponent(props.unitCode)}/contact?procedure=${encodeURIComponent(props.procedureCode)}`
  const { value } = useAsync(() => api<ReceptionContact>(path), [path])
  return value ? <ContactCard reception={value} nested={!('receiptCode' in props)} /> : null
}

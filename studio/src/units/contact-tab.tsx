import { api, useAsync } from '@motcua/web-kit'
import { useState } from 'react'
import { ErrorBox, Loading } from '../components/status'
import { useI18n } from '../i18n/i18n'
import type { AdminUnit } from './admin-units'
import { FieldError } from './field-error'
import { issuesAt, placedIssues } from './field-issues'

interface Contact {
  address?: string
  openingHours?: string
  phone?: string
  email?: string
}
const PARTS = ['address', 'openingHours', 'phone', 'email'] as const
type Part = (typeof PARTS)[number]
const INPUT: Record<Part, { type: string; autoComplete: string; maxLength: number; rows?: number }> = {
  address: { type: 'text', autoComplete: 'street-address', maxLength: 300, rows: 2 },
  openingHours: { type: 'text', autoComplete: 'off', maxLength: 300, rows: 2 },
  phone: { type: 'tel', autoComplete: 'tel', maxLength: 40 },
  email: { type: 'email', autoComplete: 'email', maxLength: 120 },
}

/**
 * "Liên hệ": how citizens reach the unit's reception (Bộ phận Một cửa / Trung tâm Phục vụ hành chính công), shown on
 * the portal's procedure and tracking pages. A part left blank is not shown; the portal then sends citizens to the
 * unit's one-stop desk.
 */
export function ContactTab({ unit }: { unit: AdminUnit }) {
  const { t } = useI18n()
  const path = `/api/admin/units/${encodeURIComponent(unit.code)}/contact`
  const current = useAsync(() => api<{ contact: Contact }>(path), [path])
  const [draft, setDraft] = useState<Contact>()
  const [saving, setSaving] = useState(false)
  const [saved, setSaved] = useState(false)
  const [error, setError] = useState<unknown>()
  if (current.error) return <ErrorBox error={current.error} onRetry={current.reload} />
  if (!current.value) return <Loading />
  const values = draft ?? current.value.contact

  const save = async () => {
    setSaving(true)
    setError(undefined)
    setSaved(false)
    try {
      const body = Object.fromEntries(PARTS.map((p) => [p, values[p] ?? '']))
      const answer = await api<{ contact: Contact }>(path, { method: 'PUT', body })
      setDraft(answer.contact)
      setSaved(true)
    } catch (caught) {
      setError(caught)
    } finally {
      setSaving(false)
    }
  }

  return (
    <form
      className="stack"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <p>{t('units.contact.lead')}</p>
      {PARTS.map((part) => {
        const id = `contact-${part}`
        const issues = issuesAt(error, `/${part}`)
        const common = {
          id,
          className: 'input',
          maxLength: INPUT[part].maxLength,
          value: values[part] ?? '',
          'aria-invalid': issues.length > 0 || undefined,
          'aria-describedby': `${id}-hint${issues.length ? ` ${id}-error` : ''}`,
          onChange: (e: { target: { value: string } }) => {
            setDraft({ ...values, [part]: e.target.value })
            setSaved(false)
          },
        }
        return (
          <div key={part}>
            <label className="label" htmlFor={id}>
              {t(`units.contact.${part}`)}
            </label>
            <p className="hint muted" id={`${id}-hint`}>
              {t(`units.contact.${part}Hint`)}
            </p>
            {INPUT[part].rows ? (
              <textarea {...common} rows={INPUT[part].rows} />
            ) : (
              <input {...common} type={INPUT[part].type} autoComplete={INPUT[part].autoComplete} />
            )}
            <FieldError id={`${id}-error`} issues={issues} />
          </div>
        )
      })}
      {error !== undefined &&
        !placedIssues(
          error,
          PARTS.map((p) => `/${p}`),
        ) && <ErrorBox error={error} />}
      <div className="row">
        <button type="submit" className="button" disabled={saving}>
          {saving ? t('common.saving') : t('units.contact.save')}
        </button>
        {saved && (
          <span className="ok-text" role="status">
            {t('common.saved')}
          </span>
        )}
      </div>
    </form>
  )
}

import { type FormEvent, useState } from 'react'
import { ErrorBox } from '../components/status'
import { useI18n } from '../i18n/i18n'
import { type CalendarDay, type CalendarSummary, setDay } from './calendars'
import { FieldError } from './field-error'
import { issuesAt, placedIssues } from './field-issues'

/** Adds or changes one day off or make-up day of the calendar, with the notice or decision it follows. */
export function DayForm({
  calendar,
  year,
  onSaved,
}: {
  calendar: CalendarSummary
  year: number
  onSaved: (movedCount: number) => void
}) {
  const { t } = useI18n()
  const [date, setDate] = useState('')
  const [kind, setKind] = useState<CalendarDay['kind']>('holiday')
  const [name, setName] = useState('')
  const [source, setSource] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      const { change } = await setDay(calendar.code, date, { kind, name: name.trim(), source: source.trim() })
      setDate('')
      setName('')
      onSaved(change.movedCount)
    } catch (caught) {
      setError(caught)
    } finally {
      setBusy(false)
    }
  }
  const at = (path: string) => issuesAt(error, path)
  return (
    <form className="stack day-form" onSubmit={submit}>
      <h3>{t('units.calendar.add')}</h3>
      {error !== undefined && !placedIssues(error, ['/name', '/source']) && <ErrorBox error={error} />}
      <div className="day-form__fields">
        <div className="field">
          <label className="label" htmlFor="day-date">
            {t('units.calendar.date')}
          </label>
          <input
            id="day-date"
            type="date"
            className="input"
            required
            min={`${year}-01-01`}
            max={`${year}-12-31`}
            value={date}
            onChange={(e) => setDate(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="label" htmlFor="day-kind">
            {t('units.calendar.kind')}
          </label>
          <select
            id="day-kind"
            className="select"
            value={kind}
            onChange={(e) => setKind(e.target.value as CalendarDay['kind'])}
          >
            <option value="holiday">{t('units.calendar.holiday')}</option>
            <option value="makeUp">{t('units.calendar.makeUp')}</option>
          </select>
        </div>
        <div className="field">
          <label className="label" htmlFor="day-name">
            {t('units.calendar.name')}
          </label>
          <input
            id="day-name"
            className="input"
            required
            placeholder={t('units.calendar.namePlaceholder')}
            value={name}
            aria-describedby="day-name-error"
            onChange={(e) => setName(e.target.value)}
          />
          <FieldError id="day-name-error" issues={at('/name')} />
        </div>
        <div className="field">
          <label className="label" htmlFor="day-source">
            {t('units.calendar.source')}
          </label>
          <input
            id="day-source"
            className="input"
            required
            placeholder={t('units.calendar.sourcePlaceholder')}
            value={source}
            aria-describedby="day-source-error"
            onChange={(e) => setSource(e.target.value)}
          />
          <FieldError id="day-source-error" issues={at('/source')} />
        </div>
      </div>
      <div className="row">
        <button type="submit" className="button" disabled={busy || !date || !name.trim() || !source.trim()}>
          {t('units.calendar.addSubmit')}
        </button>
      </div>
    </form>
  )
}

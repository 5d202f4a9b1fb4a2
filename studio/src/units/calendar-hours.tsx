import { type FormEvent, useState } from 'react'
import { ErrorBox } from '../components/status'
import { useI18n } from '../i18n/i18n'
import { type CalendarSummary, changeHours, formatDay, parseDay, type WeekHours } from './calendars'

// Monday first, as Vietnamese offices list their week (the API's week starts on Sunday)
const ORDER = [1, 2, 3, 4, 5, 6, 0]
const DAY_KEYS = [
  'units.hours.sun',
  'units.hours.mon',
  'units.hours.tue',
  'units.hours.wed',
  'units.hours.thu',
  'units.hours.fri',
  'units.hours.sat',
] as const
type Kind = 'office' | 'counter'

/** The calendar's office hours (deadlines count them) and counter hours (dossiers are received then). */
export function CalendarHours({ calendar, onSaved }: { calendar: CalendarSummary; onSaved: () => void }) {
  const { t } = useI18n()
  const [editing, setEditing] = useState(false)
  const text = (hours: WeekHours) => hours.map(formatDay)
  const [draft, setDraft] = useState<Record<Kind, string[]>>({
    office: text(calendar.officeHours),
    counter: text(calendar.counterHours),
  })
  const [source, setSource] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()
  const [saved, setSaved] = useState(false)
  const parsed = (kind: Kind) => draft[kind].map(parseDay)
  const invalid = (kind: Kind, day: number) => parsed(kind)[day] === null

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const office = parsed('office')
    const counter = parsed('counter')
    if ([...office, ...counter].some((d) => d === null)) return
    // only what changed, so hours the calendar inherits stay inherited
    const changed = (kind: Kind) => draft[kind].join('|') !== text(calendar[`${kind}Hours`]).join('|')
    setBusy(true)
    setError(undefined)
    try {
      await changeHours(calendar.code, {
        ...(changed('office') ? { officeHours: office as WeekHours } : {}),
        ...(changed('counter') ? { counterHours: counter as WeekHours } : {}),
        source: source.trim(),
      })
      setSaved(true)
      setEditing(false)
      onSaved()
    } catch (caught) {
      setError(caught)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="stack" aria-labelledby="calendar-hours-title">
      <h2 id="calendar-hours-title">{t('units.hours.title')}</h2>
      <p className="hint">{t('units.hours.hint')}</p>
      {saved && (
        <p className="notice notice--ok" role="status">
          {t('common.saved')}
        </p>
      )}
      <form className="stack" onSubmit={submit}>
        <div className="table-scroll">
          <table className="table hours-table">
            <thead>
              <tr>
                <th scope="col">{t('units.hours.day')}</th>
                <th scope="col">{t('units.hours.office')}</th>
                <th scope="col">{t('units.hours.counter')}</th>
              </tr>
            </thead>
            <tbody>
              {ORDER.map((day) => (
                <tr key={day}>
                  <th scope="row">{t(DAY_KEYS[day]!)}</th>
                  {(['office', 'counter'] as const).map((kind) => (
                    <td key={kind}>
                      {editing ? (
                        <input
                          className="input"
                          aria-label={t(`units.hours.${kind}At`, { day: t(DAY_KEYS[day]!) })}
                          value={draft[kind][day]}
                          aria-invalid={invalid(kind, day) || undefined}
                          placeholder={t('units.hours.closed')}
                          onChange={(e) =>
                            setDraft((d) => ({ ...d, [kind]: d[kind].map((v, i) => (i === day ? e.target.value : v)) }))
                          }
                        />
                      ) : (
                        draft[kind][day] || <span className="muted">{t('units.hours.closed')}</span>
                      )}
                      {editing && invalid(kind, day) && <span className="field-error">{t('units.hours.invalid')}</span>}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {editing ? (
          <>
            <p className="hint">{t('units.hours.format')}</p>
            <div className="field">
              <label className="label" htmlFor="hours-source">
                {t('units.calendar.source')}
              </label>
              <input
                id="hours-source"
                className="input"
                required
                placeholder={t('units.hours.sourcePlaceholder')}
                value={source}
                onChange={(e) => setSource(e.target.value)}
              />
            </div>
            {error !== undefined && <ErrorBox error={error} />}
            <div className="row">
              <button type="submit" className="button" disabled={busy || !source.trim()}>
                {t('units.hours.save')}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setEditing(false)}>
                {t('common.cancel')}
              </button>
            </div>
          </>
        ) : (
          <div className="row">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setEditing(true)
                setSaved(false)
              }}
            >
              {t('units.hours.edit')}
            </button>
          </div>
        )}
      </form>
    </section>
  )
}

import { useAsync } from '@motcua/web-kit'
import { useState } from 'react'
import { ConfirmDialog } from '../components/dialog'
import { ErrorBox, Loading } from '../components/status'
import { useI18n } from '../i18n/i18n'
import { type CalendarDay, type CalendarSummary, loadYear, removeDay } from './calendars'
import { DayForm } from './day-form'

const WEEKDAYS = ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7']
/** "Thứ Hai, 01/09/2025": how Vietnamese write a day. */
const showDate = (date: string, weekdays: string[]) => {
  const [y, m, d] = date.split('-')
  return `${weekdays[new Date(`${date}T00:00:00Z`).getUTCDay()]}, ${d}/${m}/${y}`
}

/** A year of the calendar: every day off and make-up day with its name and source, provisional when so. */
export function CalendarDays({ calendar }: { calendar: CalendarSummary }) {
  const { t, locale } = useI18n()
  const thisYear = new Date().getFullYear()
  const years = [...new Set([...calendar.years.map((y) => y.year), thisYear, thisYear + 1])].sort()
  const [year, setYear] = useState(thisYear)
  const days = useAsync(() => loadYear(calendar.code, year), [calendar.code, year])
  const [removing, setRemoving] = useState<CalendarDay>()
  const [source, setSource] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()
  const [moved, setMoved] = useState<number>()
  const weekdays = locale === 'vi' ? WEEKDAYS : ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']

  const remove = async () => {
    if (!removing) return
    setBusy(true)
    setError(undefined)
    try {
      const { change } = await removeDay(calendar.code, removing.date, source.trim())
      setMoved(change.movedCount)
      setRemoving(undefined)
      setSource('')
      days.reload()
    } catch (caught) {
      setError(caught)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="stack" aria-labelledby="calendar-days-title">
      <div className="row">
        <h2 id="calendar-days-title">{t('units.calendar.days')}</h2>
        <label className="label" htmlFor="calendar-year">
          {t('units.calendar.year')}
        </label>
        <select
          id="calendar-year"
          className="select"
          value={year}
          onChange={(e) => {
            setYear(Number(e.target.value))
            setMoved(undefined)
          }}
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      {days.error ? (
        <ErrorBox error={days.error} onRetry={days.reload} />
      ) : !days.value ? (
        <Loading />
      ) : (
        <>
          {days.value.provisional ? (
            <p className="notice notice--warn" data-testid="year-status">
              <span className="badge">{t('units.calendar.provisional')}</span> {t('units.calendar.provisionalHint')}
            </p>
          ) : (
            <p className="notice" data-testid="year-status">
              {t('units.calendar.yearSource', { source: days.value.source ?? t('units.calendar.noSource') })}
            </p>
          )}
          {moved !== undefined && (
            <p className="notice notice--ok" role="status">
              {t('units.calendar.saved', { count: moved })}
            </p>
          )}
          {days.value.days.length === 0 ? (
            <p className="muted">{t('units.calendar.noDays')}</p>
          ) : (
            <div className="table-scroll">
              <table className="table calendar-days">
                <thead>
                  <tr>
                    <th scope="col">{t('units.calendar.date')}</th>
                    <th scope="col">{t('units.calendar.kind')}</th>
                    <th scope="col">{t('units.calendar.name')}</th>
                    <th scope="col">{t('units.calendar.source')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('units.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {days.value.days.map((day) => (
                    <tr key={day.date} data-testid={`day-${day.date}`}>
                      <td>{showDate(day.date, weekdays)}</td>
                      <td>
                        <span className={`badge ${day.kind === 'holiday' ? 'badge--off' : 'badge--on'}`}>
                          {t(day.kind === 'holiday' ? 'units.calendar.holiday' : 'units.calendar.makeUp')}
                        </span>
                      </td>
                      <td>{day.name}</td>
                      <td>
                        {day.source ?? <span className="muted">{t('units.calendar.noSource')}</span>}
                        {day.calendarCode !== calendar.code && (
                          <span className="hint"> · {t('units.calendar.inherited')}</span>
                        )}
                      </td>
                      <td>
                        {day.calendarCode === calendar.code && (
                          <button
                            type="button"
                            className="button button--secondary button--small"
                            aria-label={t('units.calendar.remove', { date: showDate(day.date, weekdays) })}
                            onClick={() => setRemoving(day)}
                          >
                            {t('common.delete')}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      <DayForm
        calendar={calendar}
        year={year}
        onSaved={(count) => {
          setMoved(count)
          days.reload()
        }}
      />
      {removing && (
        <ConfirmDialog
          open
          title={t('units.calendar.removeTitle')}
          confirmLabel={t('units.calendar.removeConfirm')}
          danger
          disabled={busy || !source.trim()}
          onClose={() => setRemoving(undefined)}
          onConfirm={() => remove()}
        >
          <p>{t('units.calendar.removeQuestion', { date: showDate(removing.date, weekdays), name: removing.name })}</p>
          <div className="field">
            <label className="label" htmlFor="remove-source">
              {t('units.calendar.removeSource')}
            </label>
            <input id="remove-source" className="input" value={source} onChange={(e) => setSource(e.target.value)} />
          </div>
          {error !== undefined && <ErrorBox error={error} />}
        </ConfirmDialog>
      )}
    </section>
  )
}

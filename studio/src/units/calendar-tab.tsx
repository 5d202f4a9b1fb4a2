import { useAsync } from '@motcua/web-kit'
import { useState } from 'react'
import { ErrorBox, Loading } from '../components/status'
import { useI18n } from '../i18n/i18n'
import type { AdminUnit } from './admin-units'
import { CalendarDays } from './calendar-days'
import { CalendarHours } from './calendar-hours'
import { calendarOf, loadCalendars, ownCalendar } from './calendars'

/** "Lịch làm việc": the calendar a unit's deadlines and counter follow, its days off by year and its hours. */
export function CalendarTab({ unit }: { unit: AdminUnit }) {
  const { t } = useI18n()
  const calendars = useAsync(loadCalendars, [])
  const [creating, setCreating] = useState(false)
  const [error, setError] = useState<unknown>()
  if (calendars.error) return <ErrorBox error={calendars.error} onRetry={calendars.reload} />
  if (!calendars.value) return <Loading />
  const calendar = calendarOf(calendars.value, unit.code)
  if (!calendar) return <p className="notice">{t('units.calendar.none')}</p>
  const owner = calendar.ownerUnit
  const ownedHere = owner?.code === unit.code
  const createOwn = async () => {
    setCreating(true)
    setError(undefined)
    try {
      await ownCalendar(unit, calendar.code, t('units.calendar.ownName', { unit: unit.name }))
      calendars.reload()
    } catch (caught) {
      setError(caught)
    } finally {
      setCreating(false)
    }
  }
  return (
    <div className="stack">
      <div className="notice">
        <p>
          {t('units.calendar.follows', { calendar: calendar.name })}{' '}
          {owner ? t('units.calendar.ownedBy', { unit: owner.name }) : t('units.calendar.province')}
        </p>
        {!ownedHere && <p className="hint">{t('units.calendar.editWho')}</p>}
        {!ownedHere && unit.level !== 'province' && (
          <div className="row">
            <button
              type="button"
              className="button button--secondary"
              disabled={creating}
              onClick={() => void createOwn()}
            >
              {t('units.calendar.createOwn')}
            </button>
            <span className="hint">{t('units.calendar.createOwnHint')}</span>
          </div>
        )}
        {error !== undefined && <ErrorBox error={error} />}
      </div>
      <CalendarDays calendar={calendar} />
      <CalendarHours calendar={calendar} onSaved={calendars.reload} />
    </div>
  )
}

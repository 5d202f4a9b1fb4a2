import type { Issue, ProcessingTime } from '@motcua/core'
import { useId } from 'react'
import { useI18n } from '../../i18n/i18n'
import { TextField } from '../kit/fields'
import { isRecord, numberFrom } from '../kit/keys'
import { Problems } from '../problems'

type Kind = ProcessingTime['kind']
const kinds: Kind[] = ['workingDays', 'workingHours', 'sameDay', 'calendarDays', 'none']

/** A new time of another kind, keeping the legal wording and, where it fits, the number. */
function switchKind(time: Record<string, unknown>, kind: Kind): ProcessingTime {
  const text = typeof time.text === 'string' ? { text: time.text } : {}
  const n = typeof time.days === 'number' ? time.days : typeof time.hours === 'number' ? time.hours : 1
  switch (kind) {
    case 'workingDays':
    case 'calendarDays':
      return { kind, days: Math.max(1, Math.round(n)), ...text }
    case 'workingHours':
      return { kind, hours: Math.max(1, Math.round(n)), ...text }
    case 'sameDay':
      return { kind, cutoff: '15:00', ...text }
    default:
      return { kind: 'none', ...text }
  }
}

/** Thời hạn giải quyết: the total processing time, its kind, and its legal wording. */
export function ProcessingTimeEditor({
  value,
  path,
  onChange,
  problems,
  readOnly,
}: {
  value: unknown
  path: string
  onChange: (time: ProcessingTime) => void
  problems: Issue[]
  readOnly: boolean
}) {
  const { t } = useI18n()
  const id = useId()
  const time = isRecord(value) ? value : { kind: 'workingDays', days: 1 }
  const kind = time.kind as Kind
  const amountKey = kind === 'workingHours' ? 'hours' : 'days'
  return (
    <div className="sx-time">
      <div className="sx-inline">
        <label className="sx-sr" htmlFor={`${id}-kind`}>
          {t('flow.total.kind')}
        </label>
        {(kind === 'workingDays' || kind === 'workingHours' || kind === 'calendarDays') && (
          <>
            <label className="sx-sr" htmlFor={`${id}-n`}>
              {t('flow.total.amount')}
            </label>
            <input
              id={`${id}-n`}
              className="input sx-number"
              type="number"
              min={1}
              step={1}
              value={typeof time[amountKey] === 'number' ? (time[amountKey] as number) : ''}
              readOnly={readOnly}
              onChange={(e) =>
                onChange({ ...time, [amountKey]: numberFrom(e.target.value) ?? 1 } as unknown as ProcessingTime)
              }
            />
          </>
        )}
        <select
          id={`${id}-kind`}
          className="select"
          value={kind}
          disabled={readOnly}
          onChange={(e) => onChange(switchKind(time, e.target.value as Kind))}
        >
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(`flow.total.${k}`)}
            </option>
          ))}
        </select>
        {kind === 'sameDay' && (
          <>
            <label htmlFor={`${id}-cutoff`}>{t('flow.total.cutoff')}</label>
            <input
              id={`${id}-cutoff`}
              className="input"
              type="time"
              value={typeof time.cutoff === 'string' ? time.cutoff : ''}
              readOnly={readOnly}
              onChange={(e) => onChange({ ...time, cutoff: e.target.value } as unknown as ProcessingTime)}
            />
          </>
        )}
      </div>
      <Problems problems={problems} path={path} />
      <TextField
        label={t('flow.total.text')}
        hint={t('flow.total.textHint')}
        value={time.text}
        readOnly={readOnly}
        onChange={(text) => {
          const { text: _, ...rest } = time
          onChange((text ? { ...rest, text } : rest) as unknown as ProcessingTime)
        }}
      />
    </div>
  )
}

import { type DeskUnitStatistics, type HoldTime, monthOf, type OfficerTime, type StepTime } from '@motcua/core'
import { api, useAsync } from '@motcua/web-kit'
import { type ReactNode, useState } from 'react'
import { ErrorBox, Loading } from '../components/status'
import { type MessageKey, useI18n } from '../i18n/i18n'
import { type PeriodChoice, periodFor } from './stat-period'
import { StatTable } from './stat-table'
import './statistics.css'

const CHOICES: PeriodChoice[] = ['month', 'quarter', 'year', 'custom']

/** The leader's statistics of a unit: a period, the unit's rates, and the times per step, unit and officer. */
export function StatisticsView({ unitCode }: { unitCode: string }) {
  const { t } = useI18n()
  const [choice, setChoice] = useState<PeriodChoice>('month')
  const [custom, setCustom] = useState(() => periodFor('month', new Date()))
  const period = periodFor(choice, new Date(), custom)
  const query = new URLSearchParams({ from: period.from, to: period.to }).toString()
  const statistics = useAsync(
    () =>
      api<DeskUnitStatistics>(`/api/desk/units/${encodeURIComponent(unitCode)}/statistics?${query}`, {
        cache: 'no-store',
      }),
    [unitCode, query],
  )
  const data = statistics.value
  const month = (key: 'from' | 'to') => (
    <div className="stat-field">
      <label className="label" htmlFor={`stat-${key}`}>
        {t(`leader.stats.${key}`)}
      </label>
      <input
        id={`stat-${key}`}
        className="input"
        type="month"
        value={custom[key]}
        max={monthOf(new Date())}
        onChange={(e) => {
          // a month input is empty while its value is half typed: keep the last whole month
          if (/^\d{4}-\d{2}$/.test(e.target.value)) setCustom({ ...custom, [key]: e.target.value })
        }}
      />
    </div>
  )
  return (
    <div className="stat">
      <div className="stat-period">
        <div className="stat-field">
          <label className="label" htmlFor="stat-period">
            {t('leader.stats.period')}
          </label>
          <select
            id="stat-period"
            className="select"
            value={choice}
            onChange={(e) => setChoice(e.target.value as PeriodChoice)}
          >
            {CHOICES.map((c) => (
              <option key={c} value={c}>
                {t(`leader.stats.period.${c}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        {choice === 'custom' && (
          <>
            {month('from')}
            {month('to')}
          </>
        )}
      </div>
      {statistics.error !== undefined && <ErrorBox error={statistics.error} />}
      {statistics.pending && <Loading />}
      {data && !statistics.error && <Rates data={data} />}
    </div>
  )
}

const monthText = (month: string) => `${month.slice(5)}/${month.slice(0, 4)}`

function Rates({ data }: { data: DeskUnitStatistics }) {
  const { t, locale } = useI18n()
  const tag = locale === 'vi' ? 'vi-VN' : 'en-GB'
  const number = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 })
  const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 })
  const none = t('leader.stats.none')
  const share = (n: number | null) => (n === null ? none : percent.format(n))
  const hours = (n: number | null) => (n === null ? none : number.format(n))
  const f = data.figures
  const now = data.period.to === monthOf(new Date(data.asOf))
  const overdue = f.inProgress.overdue
  return (
    <>
      <p className="muted" aria-live="polite">
        {t('leader.stats.showing', { from: monthText(data.period.from), to: monthText(data.period.to) })}
      </p>
      <h3 id="stat-rates" className="stat-heading">
        {t('leader.stats.rates')}
      </h3>
      <ul className="leader-counts stat-rates" aria-labelledby="stat-rates">
        <Rate label={t('leader.stats.onTimeShare')} value={share(f.onTimeShare)}>
          {t('leader.stats.onTimeShareOf', { n: f.resolved.total })}
        </Rate>
        <Rate label={t('leader.stats.onlineShare')} value={share(f.onlineShare)}>
          {t('leader.stats.onlineShareOf', { n: f.received.total })}
        </Rate>
        <Rate
          label={t(now ? 'leader.stats.overdueNow' : 'leader.stats.overdueAtEnd')}
          value={String(overdue)}
          alert={overdue > 0}
        >
          {now && <a href="#leader-overdue">{t('leader.stats.overdueLink')}</a>}
        </Rate>
        <Rate label={t('leader.stats.carriedOver')} value={String(f.carriedOver)} />
        <Rate label={t('leader.stats.received')} value={String(f.received.total)}>
          {t('leader.stats.receivedBy', f.received)}
        </Rate>
        <Rate label={t('leader.stats.resolved')} value={String(f.resolved.total)}>
          {t('leader.stats.resolvedBy', f.resolved)}
        </Rate>
        <Rate
          label={t('leader.stats.averageDays')}
          value={f.time.averageDays === null ? none : t('leader.stats.days', { n: number.format(f.time.averageDays) })}
        >
          {f.time.legalAverageDays === null
            ? t('leader.stats.noLegal')
            : t('leader.stats.legalDays', { n: number.format(f.time.legalAverageDays) })}
        </Rate>
      </ul>
      <p className="hint">{t('leader.stats.hoursNote')}</p>
      <Steps steps={data.steps} hours={hours} />
      <Units units={data.units} hours={hours} />
      <Officers officers={data.officers} hours={hours} />
    </>
  )
}

function Rate({
  label,
  value,
  alert = false,
  children,
}: {
  label: string
  value: string
  alert?: boolean
  children?: ReactNode
}) {
  return (
    <li className={`leader-count${alert ? ' leader-count--alert' : ''}`}>
      <span className="leader-count__n">{value}</span>
      <span className="leader-count__label">{label}</span>
      {children && <small className="stat-detail">{children}</small>}
    </li>
  )
}

type Hours = (n: number | null) => string

function Steps({ steps, hours }: { steps: StepTime[]; hours: Hours }) {
  const { t } = useI18n()
  return (
    <section aria-labelledby="stat-steps">
      <h3 id="stat-steps" className="stat-heading">
        {t('leader.stats.steps')}
      </h3>
      {steps.length === 0 ? (
        <p className="muted">{t('leader.stats.noSteps')}</p>
      ) : (
        <StatTable
          labelledBy="stat-steps"
          rows={steps}
          rowKey={(s) => `${s.procedureCode}|${s.stepKey}`}
          columns={[
            {
              key: 'step',
              label: t('leader.stats.col.step'),
              value: (s) => s.stepName,
              cell: (s) => (
                <>
                  <span className="stat-name">{s.stepName}</span>
                  <small className="muted stat-sub" title={s.procedureName}>
                    {s.procedureName}
                  </small>
                </>
              ),
            },
            { key: 'left', label: t('leader.stats.col.left'), value: (s) => s.left },
            {
              key: 'average',
              label: t('leader.stats.col.average'),
              value: (s) => s.averageHours,
              cell: (s) => hours(s.averageHours),
            },
            {
              key: 'median',
              label: t('leader.stats.col.median'),
              value: (s) => s.medianHours,
              cell: (s) => hours(s.medianHours),
            },
            {
              key: 'late',
              label: t('leader.stats.col.lateSteps'),
              value: (s) => s.late,
              cell: (s) => <Late n={s.late} />,
            },
          ]}
        />
      )}
    </section>
  )
}

function Units({ units, hours }: { units: HoldTime[]; hours: Hours }) {
  const { t } = useI18n()
  return (
    <section aria-labelledby="stat-units">
      <h3 id="stat-units" className="stat-heading">
        {t('leader.stats.units')}
      </h3>
      <p className="hint">{t('leader.stats.unitsHint')}</p>
      {units.length === 0 ? (
        <p className="muted">{t('leader.stats.noUnits')}</p>
      ) : (
        <StatTable
          labelledBy="stat-units"
          rows={units}
          rowKey={(u) => u.unit.code}
          columns={[
            { key: 'unit', label: t('leader.stats.col.unit'), value: (u) => u.unit.name },
            { key: 'dossiers', label: t('leader.stats.col.dossiers'), value: (u) => u.dossiers },
            { key: 'holds', label: t('leader.stats.col.holds'), value: (u) => u.holds },
            {
              key: 'average',
              label: t('leader.stats.col.average'),
              value: (u) => u.averageHours,
              cell: (u) => hours(u.averageHours),
            },
            {
              key: 'median',
              label: t('leader.stats.col.median'),
              value: (u) => u.medianHours,
              cell: (u) => hours(u.medianHours),
            },
          ]}
        />
      )}
    </section>
  )
}

function Officers({ officers, hours }: { officers: OfficerTime[]; hours: Hours }) {
  const { t } = useI18n()
  return (
    <section aria-labelledby="stat-officers">
      <h3 id="stat-officers" className="stat-heading">
        {t('leader.stats.officers')}
      </h3>
      {officers.length === 0 ? (
        <p className="muted">{t('leader.stats.noOfficers')}</p>
      ) : (
        <StatTable
          labelledBy="stat-officers"
          rows={officers}
          rowKey={(o) => o.username}
          columns={[
            {
              key: 'officer',
              label: t('leader.stats.col.officer'),
              value: (o) => o.fullName,
              cell: (o) => (
                <>
                  <span className="stat-name">{o.fullName}</span>
                  <small className="muted stat-sub">{o.username}</small>
                </>
              ),
            },
            { key: 'actions', label: t('leader.stats.col.actions'), value: (o) => o.actions },
            { key: 'moved', label: t('leader.stats.col.moved'), value: (o) => o.dossiers },
            {
              key: 'since',
              label: t('leader.stats.col.sinceStep'),
              value: (o) => o.averageHours,
              cell: (o) => hours(o.averageHours),
            },
            {
              key: 'late',
              label: t('leader.stats.col.lateActions'),
              value: (o) => o.late,
              cell: (o) => <Late n={o.late} />,
            },
          ]}
        />
      )}
    </section>
  )
}

/** A count past a deadline, marked by weight and a sign as well as colour. */
const Late = ({ n }: { n: number }) =>
  n > 0 ? (
    <strong className="leader-overdue-text">
      <span aria-hidden="true">⚠ </span>
      {n}
    </strong>
  ) : (
    <>0</>
  )

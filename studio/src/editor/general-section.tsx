import type { LegalDocument, ProcessingTime } from '@motcua/core'
import { type AdministrativeUnit, loadUnits } from '@motcua/forms'
import { useAsync } from '@motcua/web-kit'
import { useI18n } from '../i18n/i18n'
import { TextInput, toNumber } from './inputs'
import { Problems } from './problems'
import type { DraftDefinition, SectionProps } from './section'
import { UnitsChecklist } from './units-checklist'

const TIME_KINDS = ['workingDays', 'workingHours', 'calendarDays', 'sameDay', 'none'] as const
type TimeKind = (typeof TIME_KINDS)[number]

const str = (value: unknown) => (typeof value === 'string' ? value : '')

/** A processing time of another kind, keeping its legal wording. */
function timeOfKind(kind: TimeKind, before: Partial<ProcessingTime> | undefined): ProcessingTime {
  const text = before?.text ? { text: before.text } : {}
  const days = before && 'days' in before && typeof before.days === 'number' ? before.days : 1
  switch (kind) {
    case 'workingDays':
    case 'calendarDays':
      return { kind, days, ...text }
    case 'workingHours':
      return {
        kind,
        hours: before && 'hours' in before && typeof before.hours === 'number' ? before.hours : 8,
        ...text,
      }
    case 'sameDay':
      return { kind, cutoff: '15:00', ...text }
    default:
      return { kind: 'none', ...text }
  }
}

/** Thông tin chung: name, code, level, field, the units offering it, legal basis, dates, online mode, time. */
export function GeneralSection({ definition, change, problems, readOnly }: SectionProps) {
  const { t } = useI18n()
  const units = useAsync(() => loadUnits({}), [])
  const set = (recipe: (d: DraftDefinition) => void) => change(recipe, t('editor.changeLabel.general'))
  const levels = [...new Set((units.value ?? []).map((u: AdministrativeUnit) => u.level))]
  const level = str(definition.level)
  if (level && !levels.includes(level)) levels.push(level)
  const levelName = (code: string) =>
    code === 'province' || code === 'district' || code === 'commune' ? t(`level.${code}`) : code
  const legal: LegalDocument[] = Array.isArray(definition.legalBasis) ? definition.legalBasis : []
  const time = (definition.processingTime ?? {}) as Partial<ProcessingTime> & { kind?: TimeKind }
  const online = definition.onlineMode ?? { mode: 'none' as const }
  const common = { problems, readOnly }

  return (
    <div className="stack editor-general">
      <TextInput
        {...common}
        label={t('editor.general.name')}
        help={t('editor.general.nameHelp')}
        path="/name"
        value={str(definition.name)}
        onChange={(v) =>
          set((d) => {
            d.name = v
          })
        }
      />
      <TextInput
        {...common}
        label={t('editor.general.nameEn')}
        path="/nameEn"
        value={str(definition.nameEn)}
        onChange={(v) =>
          set((d) => {
            if (v) d.nameEn = v
            else delete d.nameEn
          })
        }
      />
      <div className="editor-grid">
        <TextInput
          {...common}
          readOnly
          label={t('editor.general.code')}
          help={t('editor.general.codeHelp')}
          path="/code"
          value={str(definition.code)}
          onChange={() => {}}
        />
        <div className="field" data-path="/level">
          <label className="label" htmlFor="general-level">
            {t('editor.general.level')}
          </label>
          <select
            id="general-level"
            className="select"
            value={level}
            disabled={readOnly}
            onChange={(e) =>
              set((d) => {
                d.level = e.target.value
              })
            }
          >
            {levels.map((code) => (
              <option key={code} value={code}>
                {levelName(code)}
              </option>
            ))}
          </select>
          <Problems problems={problems} path="/level" />
        </div>
        <TextInput
          {...common}
          label={t('editor.general.field')}
          help={t('editor.general.fieldHelp')}
          path="/field"
          value={str(definition.field)}
          onChange={(v) =>
            set((d) => {
              d.field = v
            })
          }
        />
      </div>
      <TextInput
        {...common}
        label={t('editor.general.agency')}
        path="/agency"
        value={str(definition.agency)}
        onChange={(v) =>
          set((d) => {
            d.agency = v
          })
        }
      />

      <UnitsChecklist
        units={(units.value ?? []).filter((u) => u.level === level)}
        levelName={levelName(level).toLowerCase()}
        chosen={definition.units}
        readOnly={readOnly}
        problems={problems}
        onChange={(next) =>
          set((d) => {
            if (next === undefined) delete d.units
            else d.units = next
          })
        }
      />

      <fieldset className="editor-fieldset" data-path="/legalBasis">
        <legend>{t('editor.general.legalBasis')}</legend>
        {legal.map((doc, i) => (
          <div key={i} className="editor-legal" data-path={`/legalBasis/${i}`}>
            <TextInput
              {...common}
              label={`${i + 1}. ${t('editor.general.legalTitle')}`}
              path={`/legalBasis/${i}/title`}
              value={str(doc.title)}
              onChange={(v) =>
                set((d) => {
                  d.legalBasis![i]!.title = v
                })
              }
            />
            <TextInput
              {...common}
              type="url"
              label={t('editor.general.legalUrl')}
              path={`/legalBasis/${i}/url`}
              value={str(doc.url)}
              onChange={(v) =>
                set((d) => {
                  if (v) d.legalBasis![i]!.url = v
                  else delete d.legalBasis![i]!.url
                })
              }
            />
            {!readOnly && (
              <div className="row">
                <button
                  type="button"
                  className="button button--secondary button--small"
                  disabled={i === 0}
                  onClick={() =>
                    set((d) => {
                      const list = d.legalBasis!
                      ;[list[i - 1], list[i]] = [list[i]!, list[i - 1]!]
                    })
                  }
                >
                  ↑ {t('editor.general.moveUp')}
                </button>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  disabled={i === legal.length - 1}
                  onClick={() =>
                    set((d) => {
                      const list = d.legalBasis!
                      ;[list[i], list[i + 1]] = [list[i + 1]!, list[i]!]
                    })
                  }
                >
                  ↓ {t('editor.general.moveDown')}
                </button>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() =>
                    set((d) => {
                      d.legalBasis!.splice(i, 1)
                    })
                  }
                >
                  {t('editor.general.legalRemove', { n: i + 1 })}
                </button>
              </div>
            )}
          </div>
        ))}
        {!readOnly && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              set((d) => {
                d.legalBasis = [...(Array.isArray(d.legalBasis) ? d.legalBasis : []), { title: '' }]
              })
            }
          >
            + {t('editor.general.legalAdd')}
          </button>
        )}
        <Problems problems={problems} path="/legalBasis" exact />
      </fieldset>

      <fieldset className="editor-fieldset" data-path="/effective">
        <legend>{t('editor.general.effective')}</legend>
        <div className="editor-grid">
          <TextInput
            {...common}
            type="date"
            label={t('editor.general.effectiveFrom')}
            path="/effective/from"
            value={str(definition.effective?.from)}
            onChange={(v) =>
              set((d) => {
                d.effective = { ...d.effective, from: v }
              })
            }
          />
          <TextInput
            {...common}
            type="date"
            label={t('editor.general.effectiveTo')}
            path="/effective/to"
            value={str(definition.effective?.to)}
            onChange={(v) =>
              set((d) => {
                d.effective = { from: str(d.effective?.from), to: v || null }
              })
            }
          />
        </div>
        <Problems problems={problems} path="/effective" exact />
      </fieldset>

      <fieldset className="editor-fieldset" data-path="/onlineMode">
        <legend>{t('editor.general.online')}</legend>
        <div className="row">
          {(['full', 'partial', 'none'] as const).map((mode) => (
            <label key={mode} className="check">
              <input
                type="radio"
                name="online-mode"
                checked={online.mode === mode}
                disabled={readOnly}
                onChange={() =>
                  set((d) => {
                    d.onlineMode = { ...d.onlineMode, mode }
                  })
                }
              />
              {t(`editor.general.online.${mode}`)}
            </label>
          ))}
        </div>
        <Problems problems={problems} path="/onlineMode" />
      </fieldset>

      <fieldset className="editor-fieldset" data-path="/processingTime">
        <legend>{t('editor.general.time')}</legend>
        <div className="editor-grid">
          <div className="field">
            <label className="label" htmlFor="general-time-kind">
              {t('editor.general.timeKind')}
            </label>
            <select
              id="general-time-kind"
              className="select"
              value={time.kind ?? ''}
              disabled={readOnly}
              onChange={(e) => {
                const kind = e.target.value as TimeKind
                if (kind !== time.kind)
                  set((d) => {
                    d.processingTime = timeOfKind(kind, d.processingTime)
                  })
              }}
            >
              {TIME_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`editor.general.time.${kind}`)}
                </option>
              ))}
            </select>
          </div>
          {(time.kind === 'workingDays' || time.kind === 'calendarDays') && (
            <TextInput
              {...common}
              type="number"
              label={t('editor.general.timeDays')}
              path="/processingTime/days"
              value={String('days' in time ? (time.days ?? '') : '')}
              onChange={(v) =>
                set((d) => {
                  ;(d.processingTime as { days?: number }).days = toNumber(v)
                })
              }
            />
          )}
          {time.kind === 'workingHours' && (
            <TextInput
              {...common}
              type="number"
              label={t('editor.general.timeHours')}
              path="/processingTime/hours"
              value={String('hours' in time ? (time.hours ?? '') : '')}
              onChange={(v) =>
                set((d) => {
                  ;(d.processingTime as { hours?: number }).hours = toNumber(v)
                })
              }
            />
          )}
          {time.kind === 'sameDay' && (
            <TextInput
              {...common}
              type="time"
              label={t('editor.general.timeCutoff')}
              path="/processingTime/cutoff"
              value={str('cutoff' in time ? time.cutoff : '')}
              onChange={(v) =>
                set((d) => {
                  ;(d.processingTime as { cutoff?: string }).cutoff = v
                })
              }
            />
          )}
        </div>
        <TextInput
          {...common}
          multiline
          label={t('editor.general.timeText')}
          path="/processingTime/text"
          value={str(time.text)}
          onChange={(v) =>
            set((d) => {
              const pt = d.processingTime as { text?: string }
              if (v) pt.text = v
              else delete pt.text
            })
          }
        />
        <Problems problems={problems} path="/processingTime" exact />
      </fieldset>
    </div>
  )
}

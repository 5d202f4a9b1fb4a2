import { formatVnd } from '@motcua/forms'
import { useI18n } from '../../i18n/i18n'
import { NumberField, setOrDelete, TextField } from '../kit/fields'
import { isRecord, newKey, ownStep } from '../kit/keys'
import { Problems } from '../problems'
import type { DraftDefinition, SectionProps } from '../section'

/** Mức thu do tỉnh quy định: the named amounts fee rules read, which administrators may change without a new version. */
export function ConstantsEditor({
  definition,
  change,
  problems,
  readOnly,
}: Pick<SectionProps, 'definition' | 'change' | 'problems' | 'readOnly'>) {
  const { t } = useI18n()
  const constants = Object.entries(isRecord(definition.constants) ? definition.constants : {})
  const edit = (
    recipe: (constants: Record<string, Record<string, unknown>>) => void,
    label: string,
    merge = ownStep(),
  ) =>
    change(
      (d: DraftDefinition) => {
        if (!isRecord(d.constants)) d.constants = {}
        recipe(d.constants as unknown as Record<string, Record<string, unknown>>)
        if (Object.keys(d.constants as object).length === 0) delete d.constants
      },
      label,
      merge,
    )
  return (
    <section className="sx-subsection" aria-labelledby="sx-constants-title">
      <h3 id="sx-constants-title">{t('fees.constants')}</h3>
      <p className="hint">{t('fees.constantsLead')}</p>
      <Problems problems={problems} path="/constants" exact />
      {constants.map(([key, raw]) => {
        const c: Record<string, unknown> = isRecord(raw) ? raw : {}
        const path = `/constants/${key}`
        const name = typeof c.name === 'string' && c.name ? c.name : key
        return (
          <div className="sx-card" key={key}>
            <div className="sx-grid">
              <TextField
                className="sx-wide"
                label={t('fees.constantName')}
                value={c.name}
                readOnly={readOnly}
                problems={problems}
                path={`${path}/name`}
                onChange={(v) =>
                  edit((all) => setOrDelete(all[key]!, 'name', v), t('fees.constantLabel'), `${path}/name`)
                }
              />
              <NumberField
                label={t('fees.constantValue')}
                hint={typeof c.value === 'number' ? formatVnd(c.value) : undefined}
                value={c.value}
                step={1000}
                suffix={t('fees.vnd')}
                readOnly={readOnly}
                problems={problems}
                path={`${path}/value`}
                onChange={(v) =>
                  edit((all) => setOrDelete(all[key]!, 'value', v), t('fees.constantLabel'), `${path}/value`)
                }
              />
            </div>
            <TextField
              label={t('fees.constantNote')}
              hint={t('fees.constantNoteHint')}
              value={c.note}
              readOnly={readOnly}
              problems={problems}
              path={`${path}/note`}
              onChange={(v) =>
                edit((all) => setOrDelete(all[key]!, 'note', v), t('fees.constantLabel'), `${path}/note`)
              }
            />
            <Problems problems={problems} path={path} exact />
            {!readOnly && (
              <button
                type="button"
                className="button button--danger button--small"
                aria-label={t('comp.remove', { name })}
                onClick={() =>
                  window.confirm(t('fees.constantRemoveConfirm', { name })) &&
                  edit((all) => delete all[key], t('fees.constantRemoveLabel'))
                }
              >
                {t('common.delete')}
              </button>
            )}
          </div>
        )
      })}
      {!readOnly && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            edit((all) => {
              const name = t('fees.constantNew')
              all[newKey(name, Object.keys(all), 'muc_thu')] = { name, value: 0 }
            }, t('fees.constantAddLabel'))
          }
        >
          {t('fees.constantAdd')}
        </button>
      )}
    </section>
  )
}

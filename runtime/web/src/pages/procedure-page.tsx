import { Link, navigate, useAsync } from '@motcua/web-kit'
import { useState } from 'react'
import { ErrorBox, Loading } from '../components/loading'
import { usePageTitle } from '../components/page-title'
import { levelKey, onlineKey } from '../components/procedure-card'
import { type ChosenUnit, UnitChooser } from '../components/unit-chooser'
import { UnitContact } from '../components/unit-contact'
import { useI18n } from '../i18n/i18n'
import { readDraft } from '../lib/drafts'
import { showDateTime, showProcessingTime, showVnd } from '../lib/format'
import { loadProcedure } from '../lib/procedures'
import type { ProcedureDetail } from '../lib/types'

const typeName = (mime: string) => mime.split('/')[1]!.replace('jpeg', 'jpg').toUpperCase()

function Components({ procedure }: { procedure: ProcedureDetail }) {
  const { t } = useI18n()
  return (
    <ol className="components">
      {procedure.components.map((c) => {
        const need = c.required ? (c.when ? 'conditional' : 'required') : 'optional'
        return (
          <li key={c.key} className="component">
            <p className="component__name">{c.name}</p>
            <p className="component__meta">
              <span className={`tag tag--${need}`}>{t(`procedure.${need}`)}</span>
              {!!c.originals && <span>{t('procedure.originals', { n: c.originals })}</span>}
              {!!c.copies && <span>{t('procedure.copies', { n: c.copies })}</span>}
            </p>
            {c.note && <p className="hint">{c.note}</p>}
            {c.template && (
              <p className="hint">
                {t('procedure.template')}:{' '}
                {c.template.url ? (
                  <a href={c.template.url} target="_blank" rel="noopener noreferrer">
                    {c.template.name}
                    {c.template.code ? ` (${c.template.code})` : ''}
                  </a>
                ) : (
                  <>
                    {c.template.name}
                    {c.template.code ? ` (${c.template.code})` : ''}
                  </>
                )}
              </p>
            )}
            <p className="hint">
              {t('procedure.accept', {
                types: (c.accept ?? ['application/pdf', 'image/jpeg', 'image/png']).map(typeName).join(', '),
                size: c.maxSizeMB ?? 10,
              })}
            </p>
          </li>
        )
      })}
    </ol>
  )
}

export function ProcedurePage({ code }: { code: string }) {
  const { t, locale } = useI18n()
  const { value: procedure, error, pending, reload } = useAsync(() => loadProcedure(code), [code])
  const draft = readDraft(code)
  const [unit, setUnit] = useState<ChosenUnit | undefined>(
    draft?.unitCode ? { code: draft.unitCode, name: draft.unitName ?? draft.unitCode } : undefined,
  )
  const [needUnit, setNeedUnit] = useState(false)
  usePageTitle(procedure ? (locale === 'en' && procedure.nameEn ? procedure.nameEn : procedure.name) : undefined)
  if (pending && !procedure) return <Loading />
  if (error !== undefined || !procedure) return <ErrorBox error={error ?? t('procedure.notFound')} onRetry={reload} />
  const level = levelKey(procedure.level)
  const online = procedure.onlineMode.mode !== 'none'
  const start = () => {
    if (!unit) {
      setNeedUnit(true)
      document.getElementById('where')?.scrollIntoView({ block: 'start' })
      document.querySelector<HTMLElement>('#where select')?.focus()
      return
    }
    navigate(`/thu-tuc/${encodeURIComponent(code)}/nop-ho-so?don-vi=${encodeURIComponent(unit.code)}`, {
      state: { unitName: unit.name },
    })
  }
  return (
    <article className="procedure">
      <p className="breadcrumb">
        <Link to="/">{t('nav.home')}</Link> › {procedure.field}
      </p>
      <h1>{locale === 'en' && procedure.nameEn ? procedure.nameEn : procedure.name}</h1>
      {locale === 'en' && procedure.nameEn && (
        <p className="lead" lang="vi">
          {procedure.name}
        </p>
      )}
      {procedure.description && <p className="lead">{procedure.description}</p>}
      <dl className="facts">
        <div>
          <dt>{t('procedure.code')}</dt>
          <dd>{procedure.code}</dd>
        </div>
        <div>
          <dt>{t('procedure.level')}</dt>
          <dd>{level ? t(level) : procedure.level}</dd>
        </div>
        <div>
          <dt>{t('procedure.field')}</dt>
          <dd>{procedure.field}</dd>
        </div>
        {procedure.agency && (
          <div>
            <dt>{t('procedure.agency')}</dt>
            <dd>{procedure.agency}</dd>
          </div>
        )}
        <div>
          <dt>{t('procedure.time')}</dt>
          <dd>
            {showProcessingTime(procedure.processingTime, locale)}
            {procedure.processingTime.text && <span className="hint block">{procedure.processingTime.text}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('procedure.online')}</dt>
          <dd>
            <span className={`tag tag--${procedure.onlineMode.mode}`}>{t(onlineKey(procedure.onlineMode.mode))}</span>
          </dd>
        </div>
        {procedure.result && (
          <div>
            <dt>{t('procedure.result')}</dt>
            <dd>{procedure.result}</dd>
          </div>
        )}
      </dl>

      <section className="panel panel--action" id="where" aria-labelledby="where-title">
        <h2 id="where-title">{t('procedure.where')}</h2>
        {online ? (
          <>
            <p className="hint">{t('procedure.whereLead')}</p>
            <UnitChooser
              procedure={procedure}
              value={unit}
              idPrefix="where"
              invalid={needUnit && !unit}
              onChange={(u) => {
                setUnit(u)
                if (u) setNeedUnit(false)
              }}
            />
            {needUnit && !unit && (
              <p className="field-error" role="alert">
                {t('procedure.pickUnitFirst')}
              </p>
            )}
            {unit && <UnitContact unitCode={unit.code} procedureCode={procedure.code} />}
            {draft && <p className="notice">{t('procedure.hasDraft', { at: showDateTime(draft.savedAt) })}</p>}
            <button type="button" className="button button--wide" onClick={start}>
              {t('procedure.start')}
            </button>
          </>
        ) : (
          <p className="notice">{t('procedure.notOnline')}</p>
        )}
      </section>

      <section aria-labelledby="components-title">
        <h2 id="components-title">{t('procedure.components')}</h2>
        <p>{t('procedure.componentsLead')}</p>
        <Components procedure={procedure} />
      </section>

      <section aria-labelledby="fees-title">
        <h2 id="fees-title">{t('procedure.fees')}</h2>
        {procedure.fees.length === 0 ? (
          <p>{t('procedure.free')}</p>
        ) : (
          <ul className="plain-list">
            {procedure.fees.map((fee) => (
              <li key={fee.key}>
                <strong>{fee.name}</strong>:{' '}
                {fee.amount !== undefined
                  ? fee.amount === 0
                    ? t('procedure.free')
                    : showVnd(fee.amount)
                  : t('procedure.feeByForm')}
                {fee.note && <span className="hint block">{fee.note}</span>}
              </li>
            ))}
            {Object.entries(procedure.constants ?? {}).map(([key, constant]) =>
              constant ? (
                <li key={`const-${key}`}>
                  {constant.name}: {showVnd(constant.value)}
                  {constant.note && <span className="hint block">{constant.note}</span>}
                </li>
              ) : null,
            )}
          </ul>
        )}
      </section>

      {!!procedure.conditions?.length && (
        <section aria-labelledby="conditions-title">
          <h2 id="conditions-title">{t('procedure.conditions')}</h2>
          <ul className="plain-list">
            {procedure.conditions.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </section>
      )}

      {!!procedure.legalBasis?.length && (
        <section aria-labelledby="legal-title">
          <h2 id="legal-title">{t('procedure.legal')}</h2>
          <ul className="plain-list">
            {procedure.legalBasis.map((doc, i) => (
              <li key={i}>
                {doc.url ? (
                  <a href={doc.url} target="_blank" rel="noopener noreferrer">
                    {doc.title}
                  </a>
                ) : (
                  doc.title
                )}
                {doc.note && <span className="hint block">{doc.note}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  )
}

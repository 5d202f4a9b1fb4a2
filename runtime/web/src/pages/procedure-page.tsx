import { Link, navigate, useAsync } from '@motcua/web-kit'
import { useState } from 'react'
import { RequiredWhen, useContentLang, VietnameseOnlyNote } from '../components/content-language'
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
  const lang = useContentLang()
  return (
    <ol className="components">
      {procedure.components.map((c) => {
        const need = c.required ? (c.when ? 'conditional' : 'required') : 'optional'
        return (
          <li key={c.key} className="component">
            <p className="component__name" lang={lang}>
              {c.name}
            </p>
            <p className="component__meta">
              <span className={`tag tag--${need}`}>{t(`procedure.${need}`)}</span>
              {!!c.originals && <span>{t('procedure.originals', { n: c.originals })}</span>}
              {!!c.copies && <span>{t('procedure.copies', { n: c.copies })}</span>}
            </p>
            <RequiredWhen component={c} formSchema={procedure.form.schema} />
            {c.note && (
              <p className="hint" lang={lang}>
                {c.note}
              </p>
            )}
            {c.template && (
              <p className="hint">
                {t('procedure.template')}:{' '}
                {c.template.url ? (
                  <a href={c.template.url} target="_blank" rel="noopener noreferrer" lang={lang}>
                    {c.template.name}
                    {c.template.code ? ` (${c.template.code})` : ''}
                  </a>
                ) : (
                  <span lang={lang}>
                    {c.template.name}
                    {c.template.code ? ` (${c.template.code})` : ''}
                  </span>
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
  const lang = useContentLang()
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
        <Link to="/">{t('nav.home')}</Link> › <span lang={lang}>{procedure.field}</span>
      </p>
      <h1 lang={locale === 'en' && procedure.nameEn ? undefined : lang}>
        {locale === 'en' && procedure.nameEn ? procedure.nameEn : procedure.name}
      </h1>
      {locale === 'en' && procedure.nameEn && (
        <p className="lead" lang="vi">
          {procedure.name}
        </p>
      )}
      <VietnameseOnlyNote />
      {procedure.description && (
        <p className="lead" lang={lang}>
          {procedure.description}
        </p>
      )}
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
          <dd lang={lang}>{procedure.field}</dd>
        </div>
        {procedure.agency && (
          <div>
            <dt>{t('procedure.agency')}</dt>
            <dd lang={lang}>{procedure.agency}</dd>
          </div>
        )}
        <div>
          <dt>{t('procedure.time')}</dt>
          <dd>
            {showProcessingTime(procedure.processingTime, locale)}
            {procedure.processingTime.text && (
              <span className="hint block" lang={lang}>
                {procedure.processingTime.text}
              </span>
            )}
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
            <dd lang={lang}>{procedure.result}</dd>
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
        <p className="blank-form">
          <a
            className="button button--secondary"
            href={`/api/procedures/${encodeURIComponent(procedure.code)}/blank-form.pdf`}
            download
            aria-describedby="blank-form-hint"
          >
            {t('procedure.blankForm')}
          </a>
          <span className="hint block" id="blank-form-hint">
            {t('procedure.blankFormHint')}
          </span>
        </p>
      </section>

      <section aria-labelledby="fees-title">
        <h2 id="fees-title">{t('procedure.fees')}</h2>
        {procedure.fees.length === 0 ? (
          <p>{t('procedure.free')}</p>
        ) : (
          <ul className="plain-list">
            {procedure.fees.map((fee) => (
              <li key={fee.key}>
                <strong lang={lang}>{fee.name}</strong>:{' '}
                {fee.amount !== undefined
                  ? fee.amount === 0
                    ? t('procedure.free')
                    : showVnd(fee.amount)
                  : t('procedure.feeByForm')}
                {fee.note && (
                  <span className="hint block" lang={lang}>
                    {fee.note}
                  </span>
                )}
              </li>
            ))}
            {Object.entries(procedure.constants ?? {}).map(([key, constant]) =>
              constant ? (
                <li key={`const-${key}`}>
                  <span lang={lang}>{constant.name}</span>: {showVnd(constant.value)}
                  {constant.note && (
                    <span className="hint block" lang={lang}>
                      {constant.note}
                    </span>
                  )}
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
              <li key={i} lang={lang}>
                {c}
              </li>
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
                  <a href={doc.url} target="_blank" rel="noopener noreferrer" lang={lang}>
                    {doc.title}
                  </a>
                ) : (
                  <span lang={lang}>{doc.title}</span>
                )}
                {doc.note && (
                  <span className="hint block" lang={lang}>
                    {doc.note}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  )
}

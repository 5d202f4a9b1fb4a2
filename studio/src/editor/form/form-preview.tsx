import { type FormLocale, formSteps, formValidator, ProcedureForm, type RJSFSchema, type UiSchema } from '@motcua/forms'
import { Component, type ReactNode, useDeferredValue, useLayoutEffect, useMemo, useState } from 'react'
import { useI18n } from '../../i18n/i18n'

/** Keeps the editor alive when a half-made schema makes the form throw; tries again when the schema changes. */
class PreviewBoundary extends Component<
  { schema: unknown; fallback: (error: unknown) => ReactNode; children: ReactNode },
  { error: unknown; schema: unknown }
> {
  override state = { error: null as unknown, schema: null as unknown }
  static getDerivedStateFromError(error: unknown) {
    return { error }
  }
  static getDerivedStateFromProps(
    props: { schema: unknown },
    state: { error: unknown; schema: unknown },
  ): Partial<{ error: unknown; schema: unknown }> | null {
    return props.schema !== state.schema ? { schema: props.schema, error: null } : null
  }
  override render() {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children
  }
}

const NO_DATA = {}

/**
 * The form as the portal renders it (@motcua/forms' ProcedureForm, page by page as `formSteps` splits it), at a
 * phone's or a desktop's width, in Vietnamese or English. Each render is measured as `editor:preview`.
 */
export function FormPreview({ schema, uiSchema }: { schema: RJSFSchema; uiSchema: UiSchema }) {
  const { t } = useI18n()
  const [width, setWidth] = useState<'phone' | 'desktop'>('phone')
  const [locale, setLocale] = useState<FormLocale>('vi')
  const [page, setPage] = useState(0)
  // typing stays quick on long forms: the preview follows a moment later when rendering takes time
  const shown = { schema: useDeferredValue(schema), uiSchema: useDeferredValue(uiSchema) }
  const steps = useMemo(
    () => formSteps(shown.schema, shown.uiSchema, locale === 'en' ? { otherTitle: 'Other details' } : {}),
    [shown.schema, shown.uiSchema, locale],
  )
  const current = Math.min(page, steps.length - 1)
  const step = steps[current]!
  performance.mark('editor:preview:start')
  useLayoutEffect(() => {
    performance.measure('editor:preview', 'editor:preview:start')
  })
  return (
    <section className="editor-preview" aria-labelledby="preview-title">
      <h2 id="preview-title">{t('editor.form.preview')}</h2>
      <p className="hint">{t('editor.form.previewLead')}</p>
      <div className="row editor-preview__controls">
        <fieldset className="editor-toggle">
          <legend className="mc-sr-only">{t('editor.form.previewWidth')}</legend>
          {(['phone', 'desktop'] as const).map((w) => (
            <button
              key={w}
              type="button"
              className="button button--secondary button--small"
              aria-pressed={width === w}
              onClick={() => setWidth(w)}
            >
              {t(w === 'phone' ? 'editor.form.previewPhone' : 'editor.form.previewDesktop')}
            </button>
          ))}
        </fieldset>
        <fieldset className="editor-toggle">
          <legend className="mc-sr-only">{t('editor.form.previewLocale')}</legend>
          {(['vi', 'en'] as const).map((l) => (
            <button
              key={l}
              type="button"
              className="button button--secondary button--small"
              aria-pressed={locale === l}
              onClick={() => setLocale(l)}
            >
              {l === 'vi' ? 'Tiếng Việt' : 'English'}
            </button>
          ))}
        </fieldset>
        {steps.length > 1 && (
          <div className="row">
            <label htmlFor="preview-page">{t('editor.form.previewPage')}</label>
            <select
              id="preview-page"
              className="select editor-preview__pages"
              value={current}
              onChange={(e) => setPage(Number(e.target.value))}
            >
              {steps.map((s, i) => (
                <option key={s.id} value={i}>
                  {t('editor.form.previewPageOf', { n: i + 1, total: steps.length, title: s.title })}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <div className={`editor-preview__frame editor-preview__frame--${width}`} data-testid="form-preview">
        {steps.length > 1 && <h3 className="step-title">{step.title}</h3>}
        <PreviewBoundary
          schema={shown.schema}
          fallback={(error) => (
            <p className="notice notice--error">
              {t('editor.form.previewBroken', { message: error instanceof Error ? error.message : String(error) })}
            </p>
          )}
        >
          <ProcedureForm
            schema={shown.schema}
            uiSchema={shown.uiSchema}
            initialFormData={NO_DATA}
            locale={locale}
            validator={formValidator(locale)}
            visibleKeys={step.keys}
          />
        </PreviewBoundary>
      </div>
    </section>
  )
}

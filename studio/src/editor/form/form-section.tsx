import type { RJSFSchema, UiSchema } from '@motcua/forms'
import { useState } from 'react'
import { useI18n } from '../../i18n/i18n'
import { Problems } from '../problems'
import type { SectionProps } from '../section'
import { type BuilderContext, FieldList } from './field-list'
import type { FieldPath } from './form-model'
import { FormPreview } from './form-preview'

const EMPTY_SCHEMA: RJSFSchema = { type: 'object', properties: {} }
const EMPTY_UI: UiSchema = {}

/** Biểu mẫu: the form builder beside a live preview of the form as citizens see it. */
export function FormSection({
  definition,
  change,
  problems,
  readOnly,
  selected,
  onSelect,
}: SectionProps & { selected: FieldPath | null; onSelect: (path: FieldPath | null) => void }) {
  const { t } = useI18n()
  const [fresh, setFresh] = useState<Set<string>>(() => new Set())
  const form = definition.form
  const schema = (form?.schema as RJSFSchema | undefined) ?? EMPTY_SCHEMA
  const uiSchema = (form?.uiSchema as UiSchema | undefined) ?? EMPTY_UI
  const ctx: BuilderContext = {
    definition,
    apply: change,
    problems,
    readOnly,
    selected,
    onSelect,
    fresh,
    setFresh,
  }
  return (
    <div className="editor-form">
      <section className="editor-form__builder" aria-labelledby="builder-title">
        <h2 id="builder-title">{t('editor.form.builder')}</h2>
        <p className="hint">{t('editor.form.pagesHelp')}</p>
        <Problems problems={problems} path="/form" exact />
        <Problems problems={problems} path="/form/schema" exact />
        <FieldList container={[]} ctx={ctx} />
      </section>
      <FormPreview schema={schema} uiSchema={uiSchema} />
    </div>
  )
}

import type { RJSFSchema, UiSchema } from '@motcua/forms'
import { useState } from 'react'
import { useI18n } from '../../i18n/i18n'
import { Problems } from '../problems'
import { problemsUnder, type SectionProps } from '../section'
import { type BuilderContext, FieldList } from './field-list'
import { type FieldPath, fieldOfPointer, findField } from './form-model'
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
  // the form's problems that are about no one field (the card of a field shows its own)
  const elsewhere = problemsUnder(problems, '/form').filter((p) => {
    const path = fieldOfPointer(p.path)
    return path.length === 0 || !findField(definition, path)
  })
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
        <Problems problems={elsewhere} path="/form" />
        <FieldList container={[]} ctx={ctx} />
      </section>
      <FormPreview schema={schema} uiSchema={uiSchema} />
    </div>
  )
}

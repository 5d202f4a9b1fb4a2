import type { DossierComponent } from '@motcua/core'
import { acceptOf, checkFile } from '@motcua/forms'
import { useRef } from 'react'
import { RequiredWhen, useContentLang } from '../components/content-language'
import { useI18n } from '../i18n/i18n'
import { showSize } from '../lib/format'

const typeName = (mime: string) => mime.split('/')[1]!.replace('jpeg', 'jpg').toUpperCase()

interface Props {
  components: DossierComponent[]
  /** The form's schema, whose titles say when a component is required. */
  formSchema?: unknown
  required: Set<string>
  files: Record<string, File>
  problems: Record<string, string>
  onFile: (key: string, file: File | null, problem?: string) => void
}

function ComponentFile({
  component,
  required,
  file,
  problem,
  onFile,
  formSchema,
}: {
  component: DossierComponent
  formSchema?: unknown
  required: boolean
  file?: File | undefined
  problem?: string | undefined
  onFile: Props['onFile']
}) {
  const { t, locale } = useI18n()
  const lang = useContentLang()
  const input = useRef<HTMLInputElement>(null)
  const id = `file-${component.key}`
  const choose = async (chosen: File | undefined) => {
    if (!chosen) return
    const found = await checkFile(chosen, component)
    if (!found) return onFile(component.key, chosen)
    const message =
      found.kind === 'tooLarge'
        ? t('form.fileTooLarge', { name: chosen.name, size: showSize(chosen.size, locale), max: found.maxMb })
        : t('form.fileWrongType', { name: chosen.name, types: found.accepted.map(typeName).join(', ') })
    onFile(component.key, null, message)
    if (input.current) input.current.value = ''
  }
  return (
    <li className={`attachment${problem ? ' attachment--invalid' : ''}`} id={`attachment-${component.key}`}>
      <p className="attachment__name" id={`${id}-label`}>
        <span lang={lang}>{component.name}</span>
        {required && (
          <>
            <span className="mc-required" aria-hidden="true">
              {' '}
              *
            </span>
            <span className="mc-sr-only"> ({t('procedure.required')})</span>
          </>
        )}
      </p>
      {required && <RequiredWhen component={component} formSchema={formSchema} />}
      {component.note && (
        <p className="hint" lang={lang}>
          {component.note}
        </p>
      )}
      <p className="hint" id={`${id}-hint`}>
        {t('procedure.accept', {
          types: acceptOf(component).map(typeName).join(', '),
          size: component.maxSizeMB ?? 10,
        })}
      </p>
      {problem && (
        <p className="field-error" id={`${id}-error`}>
          ⚠ {problem}
        </p>
      )}
      {file && (
        <p className="attachment__file">
          <span className="attachment__filename">{file.name}</span>{' '}
          <span className="hint">({showSize(file.size, locale)})</span>
        </p>
      )}
      <div className="attachment__actions">
        <label className="button button--secondary file-button" htmlFor={id}>
          {file ? t('form.replaceFile') : t('form.chooseFile')}
          <span className="mc-sr-only">
            : <span lang={lang}>{component.name}</span>
          </span>
        </label>
        <input
          ref={input}
          id={id}
          className="file-input"
          type="file"
          accept={acceptOf(component).join(',')}
          aria-describedby={`${id}-hint${problem ? ` ${id}-error` : ''}`}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => void choose(e.target.files?.[0])}
        />
        {file && (
          <button
            type="button"
            className="button button--ghost"
            onClick={() => {
              onFile(component.key, null)
              if (input.current) input.current.value = ''
            }}
          >
            {t('form.removeFile')}
          </button>
        )}
      </div>
    </li>
  )
}

/** One file per dossier component that applies to what was declared: the required ones first. */
export function AttachmentsStep({ components, formSchema, required, files, problems, onFile }: Props) {
  const { t } = useI18n()
  if (components.length === 0) return <p className="notice">{t('form.noAttachments')}</p>
  const mandatory = components.filter((c) => required.has(c.key))
  const optional = components.filter((c) => !required.has(c.key))
  return (
    <>
      <p>{t('form.attachLead')}</p>
      <ul className="attachments">
        {mandatory.map((c) => (
          <ComponentFile
            key={c.key}
            component={c}
            formSchema={formSchema}
            required
            file={files[c.key]}
            problem={problems[c.key]}
            onFile={onFile}
          />
        ))}
      </ul>
      {optional.length > 0 && (
        <>
          <h3>{t('form.optionalAttachments')}</h3>
          <ul className="attachments">
            {optional.map((c) => (
              <ComponentFile
                key={c.key}
                component={c}
                required={false}
                file={files[c.key]}
                problem={problems[c.key]}
                onFile={onFile}
              />
            ))}
          </ul>
        </>
      )}
    </>
  )
}

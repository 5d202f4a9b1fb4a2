import type { DossierComponent } from '@motcua/core'
import { acceptOf, checkFile, showSize } from '@motcua/forms'
import { useState } from 'react'
import { useI18n } from '../i18n/i18n'

/** What the counter has of one component: paper received (bản chính / bản sao), a scan, and what is wrong. */
export interface ComponentEntry {
  paper?: 'original' | 'copy' | undefined
  file?: File | undefined
  problem?: string | undefined
}

const typeName = (mime: string) => mime.split('/')[1]!.replace('jpeg', 'jpg').toUpperCase()

function ComponentRow({
  component,
  required,
  entry,
  onChange,
}: {
  component: DossierComponent
  required: boolean
  entry: ComponentEntry
  onChange: (entry: ComponentEntry) => void
}) {
  const { t, locale } = useI18n()
  const [over, setOver] = useState(false)
  const id = `component-${component.key}`
  const accept = acceptOf(component)
  const choose = async (file: File | undefined) => {
    if (!file) return
    const found = await checkFile(file, component)
    if (!found) return onChange({ ...entry, file, problem: undefined })
    const problem =
      found.kind === 'tooLarge'
        ? t('intake.fileTooLarge', { name: file.name, size: showSize(file.size, locale), max: found.maxMb })
        : t('intake.fileWrongType', { name: file.name, types: found.accepted.map(typeName).join(', ') })
    onChange({ ...entry, file: undefined, problem })
  }
  const originals = component.originals ?? 0
  const copies = component.copies ?? 0
  return (
    <li
      className={`intake-component${entry.problem ? ' intake-component--invalid' : ''}${over ? ' is-over' : ''}`}
      id={id}
      data-testid={`component-${component.key}`}
      onDragOver={(e) => {
        e.preventDefault()
        setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault()
        setOver(false)
        void choose(e.dataTransfer.files[0])
      }}
    >
      <div className="intake-component__head">
        <p className="intake-component__name" id={`${id}-name`}>
          {component.name}
          {required && <span className="badge intake-required">{t('intake.required')}</span>}
        </p>
        <p className="hint">
          {(originals > 0 || copies > 0) && t('intake.copies', { originals, copies })}
          {' · '}
          {accept.map(typeName).join(', ')}, ≤ {component.maxSizeMB ?? 10} MB
        </p>
      </div>
      <fieldset className="intake-component__paper" aria-labelledby={`${id}-name`}>
        <legend className="mc-sr-only">{t('intake.paper')}</legend>
        {(['original', 'copy', undefined] as const).map((paper) => (
          <label key={paper ?? 'none'} className="check">
            <input
              type="radio"
              name={`${id}-paper`}
              checked={entry.paper === paper}
              onChange={() => onChange({ ...entry, paper, problem: paper ? undefined : entry.problem })}
            />
            {paper === 'original'
              ? t('intake.paperOriginal')
              : paper === 'copy'
                ? t('intake.paperCopy')
                : t('intake.paperNone')}
          </label>
        ))}
      </fieldset>
      <div className="intake-component__scan">
        {entry.file ? (
          <span className="intake-component__file">
            {entry.file.name} <span className="hint">({showSize(entry.file.size, locale)})</span>
          </span>
        ) : (
          <span className="hint intake-component__drop">{t('intake.dropHere')}</span>
        )}
        <label className="button button--secondary button--small" htmlFor={`${id}-file`}>
          {entry.file ? t('intake.replaceScan') : t('intake.scan')}
        </label>
        <input
          id={`${id}-file`}
          className="intake-file-input"
          type="file"
          accept={accept.join(',')}
          aria-label={`${t('intake.scan')}: ${component.name}`}
          onChange={(e) => {
            void choose(e.target.files?.[0])
            e.target.value = ''
          }}
        />
        {accept.some((type) => type.startsWith('image/')) && (
          <>
            <label className="button button--secondary button--small intake-camera" htmlFor={`${id}-camera`}>
              {t('intake.camera')}
            </label>
            <input
              id={`${id}-camera`}
              className="intake-file-input"
              type="file"
              accept="image/*"
              capture="environment"
              aria-label={`${t('intake.camera')}: ${component.name}`}
              onChange={(e) => {
                void choose(e.target.files?.[0])
                e.target.value = ''
              }}
            />
          </>
        )}
        {entry.file && (
          <button type="button" className="link-button" onClick={() => onChange({ ...entry, file: undefined })}>
            {t('intake.removeScan')}
          </button>
        )}
      </div>
      {entry.problem && (
        <p className="intake-component__problem" role="alert">
          ⚠ {entry.problem}
        </p>
      )}
    </li>
  )
}

/** The definition's components that apply to this form, each received on paper, scanned, or missing. */
export function ComponentsChecklist({
  components,
  required,
  entries,
  onChange,
}: {
  components: DossierComponent[]
  required: Set<string>
  entries: Record<string, ComponentEntry>
  onChange: (key: string, entry: ComponentEntry) => void
}) {
  const ordered = [...components.filter((c) => required.has(c.key)), ...components.filter((c) => !required.has(c.key))]
  return (
    <ul className="intake-components">
      {ordered.map((c) => (
        <ComponentRow
          key={c.key}
          component={c}
          required={required.has(c.key)}
          entry={entries[c.key] ?? {}}
          onChange={(entry) => onChange(c.key, entry)}
        />
      ))}
    </ul>
  )
}

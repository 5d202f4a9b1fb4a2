import { ApiError } from '@motcua/web-kit'
import { type FormEvent, useState } from 'react'
import { ErrorBox } from '../components/status'
import { useI18n } from '../i18n/i18n'
import { createDraft, type DraftView } from './api'
import type { CreateWayProps } from './create-dialog'
import { CodeField, OwnerUnitField, useOwner } from './create-fields'
import { Field } from './field'
import { type ReadDefinition, readDefinition } from './read-definition'
import { useSubmit } from './use-submit'

/** A new procedure from a procedure.json file: read here, checked it parses, then a draft with its problems listed. */
export function CreateImport({ units, onCreated }: CreateWayProps) {
  const { t, pick } = useI18n()
  const [read, setRead] = useState<ReadDefinition>()
  const [code, setCode] = useState('')
  const [owner, setOwner] = useOwner(units)
  const [created, setCreated] = useState<DraftView>()
  const { busy, error, run } = useSubmit()
  const choose = async (file: File | undefined) => {
    setCreated(undefined)
    if (!file) return setRead(undefined)
    const result = readDefinition(await file.text())
    setRead(result)
    if (result.ok) setCode(result.code)
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!read?.ok) return
    void run(async () => {
      const draft = await createDraft({ ...read.definition, code }, owner || null)
      if (draft.validation.ok) onCreated(draft)
      else setCreated(draft)
    })
  }
  if (created)
    return (
      <div className="stack">
        <div className="notice notice--warn" role="alert">
          <p>{t('procedures.new.importedWithProblems', { n: created.validation.issues.length })}</p>
          <ul className="problems">
            {created.validation.issues.slice(0, 20).map((issue, i) => (
              <li key={`${issue.path}-${i}`}>{pick(issue.message)}</li>
            ))}
          </ul>
        </div>
        <div>
          <button type="button" className="button" onClick={() => onCreated(created)}>
            {t('procedures.new.openToFix')}
          </button>
        </div>
      </div>
    )
  return (
    <form className="stack" onSubmit={submit}>
      <Field label={t('procedures.new.importFile')} hint={t('procedures.new.importHint')}>
        {(control) => (
          <input
            {...control}
            className="input"
            type="file"
            accept=".json,application/json"
            onChange={(e) => void choose(e.target.files?.[0])}
          />
        )}
      </Field>
      {read && !read.ok && (
        <div className="notice notice--error" role="alert">
          <p>{t(`procedures.new.import.${read.problem}`)}</p>
          {read.detail && <p className="muted">{read.detail}</p>}
        </div>
      )}
      {read?.ok && (
        <>
          <p className="notice notice--ok">{t('procedures.new.importRead', { name: read.name || read.code })}</p>
          <CodeField value={code} onChange={setCode} error={error} />
          <OwnerUnitField units={units} value={owner} onChange={setOwner} />
        </>
      )}
      {error !== undefined && <ErrorBox error={error} />}
      {error instanceof ApiError && error.issues.length > 0 && (
        <ul className="problems">
          {error.issues.slice(0, 20).map((issue, i) => (
            <li key={`${issue.path}-${i}`}>{pick(issue.message)}</li>
          ))}
        </ul>
      )}
      <div>
        <button type="submit" className="button" disabled={busy || !read?.ok || !code}>
          {t('procedures.new.createImport')}
        </button>
      </div>
    </form>
  )
}

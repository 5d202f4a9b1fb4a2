import { api, useAsync } from '@motcua/web-kit'
import { type FormEvent, useState } from 'react'
import { ErrorBox } from '../components/status'
import { useI18n } from '../i18n/i18n'
import type { CatalogueEntry, DraftView } from './api'
import type { CreateWayProps } from './create-dialog'
import { CodeField, OwnerUnitField, useOwner } from './create-fields'
import { Field } from './field'
import { useSubmit } from './use-submit'

/** A new procedure copied from another unit's published one (found in the public catalogue), under a new code. */
export function CreateCopy({ units, onCreated }: CreateWayProps) {
  const { t } = useI18n()
  const [q, setQ] = useState('')
  const found = useAsync(
    () =>
      q.trim().length < 2 ? Promise.resolve([]) : api<CatalogueEntry[]>(`/api/procedures?q=${encodeURIComponent(q)}`),
    [q],
  )
  const [source, setSource] = useState<CatalogueEntry>()
  const [code, setCode] = useState('')
  const [name, setName] = useState('')
  const [owner, setOwner] = useOwner(units)
  const { busy, error, run } = useSubmit()
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!source) return
    void run(async () => {
      const body = {
        code,
        ...(name && name !== source.name ? { name } : {}),
        ...(owner ? { ownerUnitCode: owner } : {}),
      }
      onCreated(
        await api<DraftView>(`/api/admin/procedures/${encodeURIComponent(source.code)}/copy`, { method: 'POST', body }),
      )
    })
  }
  return (
    <form className="stack" onSubmit={submit}>
      <Field label={t('procedures.new.copySearch')} hint={t('procedures.new.copySearchHint')}>
        {(control) => (
          <input {...control} className="input" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        )}
      </Field>
      {found.error !== undefined && <ErrorBox error={found.error} />}
      {q.trim().length >= 2 && found.value && (
        <fieldset className="pick-list">
          <legend className="visually-hidden">{t('procedures.new.copyPick')}</legend>
          {found.value.length === 0 && <p className="muted">{t('procedures.new.nothingFound')}</p>}
          {found.value.slice(0, 30).map((entry) => (
            <label key={entry.code} className="pick">
              <input
                type="radio"
                name="source"
                checked={source?.code === entry.code}
                onChange={() => {
                  setSource(entry)
                  setName(entry.name)
                }}
              />
              <span>
                {entry.name}
                <span className="hint">
                  {entry.code} · {entry.agency ?? entry.field}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {source && (
        <>
          <CodeField value={code} onChange={setCode} error={error} hint={t('procedures.new.copyCodeHint')} />
          <label className="field">
            <span className="label">{t('procedures.new.name')}</span>
            <input className="input" value={name} required onChange={(e) => setName(e.target.value)} />
          </label>
          <OwnerUnitField units={units} value={owner} onChange={setOwner} />
        </>
      )}
      {error !== undefined && <ErrorBox error={error} />}
      <div>
        <button type="submit" className="button" disabled={busy || !source || !code}>
          {t('procedures.new.createCopy')}
        </button>
      </div>
    </form>
  )
}

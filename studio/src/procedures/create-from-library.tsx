import { matchesQuery } from '@motcua/core'
import { api, useAsync } from '@motcua/web-kit'
import { type FormEvent, useState } from 'react'
import { ErrorBox, Loading } from '../components/status'
import { useI18n } from '../i18n/i18n'
import type { DraftView, LibraryEntry } from './api'
import type { CreateWayProps } from './create-dialog'
import { CodeField, OwnerUnitField, useOwner } from './create-fields'
import { useSubmit } from './use-submit'

/** A new procedure from the library of model procedures; a new code when the library's is taken already. */
export function CreateFromLibrary({ units, onCreated }: CreateWayProps) {
  const { t } = useI18n()
  const library = useAsync(() => api<LibraryEntry[]>('/api/admin/library'), [])
  const [q, setQ] = useState('')
  const [chosen, setChosen] = useState<LibraryEntry>()
  const [code, setCode] = useState('')
  const [owner, setOwner] = useOwner(units)
  const { busy, error, run } = useSubmit()
  if (library.error !== undefined) return <ErrorBox error={library.error} onRetry={library.reload} />
  if (!library.value) return <Loading />
  const shown = library.value.filter((e) => matchesQuery(`${e.name} ${e.code} ${e.field}`, q))
  const choose = (entry: LibraryEntry) => {
    setChosen(entry)
    setCode(entry.taken ? '' : entry.code)
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!chosen) return
    void run(async () => {
      const body = { folder: chosen.folder, ...(code ? { code } : {}), ...(owner ? { ownerUnitCode: owner } : {}) }
      onCreated(await api<DraftView>('/api/admin/drafts/from-library', { method: 'POST', body }))
    })
  }
  return (
    <form className="stack" onSubmit={submit}>
      <label className="field">
        <span className="label">{t('procedures.new.librarySearch')}</span>
        <input className="input" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </label>
      <fieldset className="pick-list">
        <legend className="visually-hidden">{t('procedures.new.libraryPick')}</legend>
        {shown.length === 0 && <p className="muted">{t('procedures.new.nothingFound')}</p>}
        {shown.map((entry) => (
          <label key={entry.folder} className="pick">
            <input
              type="radio"
              name="library"
              checked={chosen?.folder === entry.folder}
              onChange={() => choose(entry)}
            />
            <span>
              {entry.name}
              <span className="hint">
                {entry.code} · {entry.field}
                {entry.taken && ` · ${t('procedures.new.taken')}`}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      {chosen && (
        <>
          <CodeField
            value={code}
            onChange={setCode}
            error={error}
            hint={chosen.taken ? t('procedures.new.takenHint', { code: chosen.code }) : undefined}
          />
          <OwnerUnitField units={units} value={owner} onChange={setOwner} />
        </>
      )}
      {error !== undefined && <ErrorBox error={error} />}
      <div>
        <button type="submit" className="button" disabled={busy || !chosen || !code}>
          {t('procedures.new.createFromLibrary')}
        </button>
      </div>
    </form>
  )
}

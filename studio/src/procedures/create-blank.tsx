import { api, useAsync } from '@motcua/web-kit'
import { type FormEvent, useState } from 'react'
import { ErrorBox } from '../components/status'
import { useI18n } from '../i18n/i18n'
import { createDraft } from './api'
import { blankDefinition } from './blank-definition'
import type { CreateWayProps } from './create-dialog'
import { CodeField, OwnerUnitField, useOwner } from './create-fields'
import { vietnamToday } from './format'
import { LEVELS } from './levels'
import { useSubmit } from './use-submit'

/** A new procedure from scratch: its code, name, level, owner and field; the usual steps to complete in the editor. */
export function CreateBlank({ units, onCreated }: CreateWayProps) {
  const { t } = useI18n()
  const [owner, setOwner] = useOwner(units)
  const ownerUnit = units.find((u) => u.code === owner)
  const [code, setCode] = useState('')
  const [name, setName] = useState('')
  const [chosenLevel, setLevel] = useState<string>()
  const level = chosenLevel ?? ownerUnit?.level ?? 'province'
  const [field, setField] = useState('')
  const { busy, error, run } = useSubmit()
  const levels = [...new Set(['province', ...units.map((u) => u.level)])]
  const submit = (event: FormEvent) => {
    event.preventDefault()
    void run(async () => {
      const levelName = LEVELS[level] ? t(LEVELS[level]!) : level
      const agency = ownerUnit?.name ?? t('procedures.new.agencyOf', { level: levelName.toLowerCase() })
      const definition = blankDefinition({ code, name, level, field, agency, from: vietnamToday() })
      onCreated(await createDraft({ ...definition }, owner || null))
    })
  }
  const fields = useFields()
  return (
    <form className="stack" onSubmit={submit}>
      <p className="hint">{t('procedures.new.blankLead')}</p>
      <CodeField value={code} onChange={setCode} error={error} />
      <label className="field">
        <span className="label">{t('procedures.new.name')}</span>
        <input className="input" value={name} required onChange={(e) => setName(e.target.value)} />
      </label>
      <OwnerUnitField
        units={units}
        value={owner}
        onChange={(next) => {
          setOwner(next)
          setLevel(units.find((u) => u.code === next)?.level ?? 'province')
        }}
      />
      <label className="field">
        <span className="label">{t('procedures.new.level')}</span>
        <select className="select" value={level} onChange={(e) => setLevel(e.target.value)}>
          {levels.map((l) => (
            <option key={l} value={l}>
              {LEVELS[l] ? t(LEVELS[l]!) : l}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="label">{t('procedures.new.field')}</span>
        <input
          className="input"
          list="known-fields"
          value={field}
          required
          placeholder={t('procedures.new.fieldHint')}
          onChange={(e) => setField(e.target.value)}
        />
        <datalist id="known-fields">
          {fields.map((f) => (
            <option key={f} value={f} />
          ))}
        </datalist>
      </label>
      {error !== undefined && <ErrorBox error={error} />}
      <div>
        <button type="submit" className="button" disabled={busy}>
          {t('procedures.new.createBlank')}
        </button>
      </div>
    </form>
  )
}

/** The fields (lĩnh vực) of the published procedures, to pick one people already use. */
function useFields(): string[] {
  const { value } = useAsync(() => api<{ field: string }[]>('/api/procedures').catch(() => []), [])
  return [...new Set((value ?? []).map((p) => p.field))].sort((a, b) => a.localeCompare(b, 'vi'))
}

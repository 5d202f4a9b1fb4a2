import { type AdministrativeUnit, loadUnits, UnitPicker } from '@motcua/forms'
import { useEffect, useState } from 'react'
import { useI18n } from '../i18n/i18n'
import type { ProcedureDetail } from '../lib/types'

/** The unit a dossier goes to. */
export interface ChosenUnit {
  code: string
  name: string
}

/** The units that may receive this procedure: its own list, else every unit of its level. */
function candidates(procedure: ProcedureDetail, all: AdministrativeUnit[]): AdministrativeUnit[] {
  return procedure.units?.length
    ? all.filter((u) => procedure.units!.includes(u.code))
    : all.filter((u) => u.level === procedure.level)
}

/**
 * Where the dossier is handled: a commune-level procedure asks for the district, then the commune; a district-level
 * one for the district; a department's procedure shows its department.
 */
export function UnitChooser({
  procedure,
  value,
  onChange,
  idPrefix,
  invalid,
}: {
  procedure: ProcedureDetail
  value?: ChosenUnit | undefined
  onChange: (unit: ChosenUnit | undefined) => void
  idPrefix: string
  invalid?: boolean
}) {
  const { t, locale } = useI18n()
  const [all, setAll] = useState<AdministrativeUnit[]>()
  // The district picked on the way to a commune (not a unit of the dossier by itself).
  const [pickedDistrict, setPickedDistrict] = useState<AdministrativeUnit>()
  useEffect(() => {
    loadUnits({}).then(setAll, () => setAll([]))
  }, [])
  const list = all ? candidates(procedure, all) : []
  useEffect(() => {
    // A single possible unit is chosen for the citizen.
    if (all && list.length === 1 && value?.code !== list[0]!.code)
      onChange({ code: list[0]!.code, name: list[0]!.name })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [all, procedure.code])
  if (!all) return <p className="hint">{t('app.loading')}</p>
  const labels =
    locale === 'en'
      ? {
          district: 'District, town or city',
          commune: 'Commune, ward or township',
          communeOnly: 'Commune, ward or special zone',
          choose: '— Choose —',
          loading: 'Loading…',
          failed: 'Could not load the units. Please try again.',
        }
      : {}
  const byLevel = !procedure.units?.length && (procedure.level === 'commune' || procedure.level === 'district')
  if (byLevel) {
    const chosen = all.find((u) => u.code === value?.code)
    const district =
      procedure.level === 'commune' ? (all.find((u) => u.code === chosen?.parentCode) ?? pickedDistrict) : chosen
    return (
      <UnitPicker
        depth={procedure.level as 'district' | 'commune'}
        district={district}
        commune={procedure.level === 'commune' ? chosen : undefined}
        idPrefix={idPrefix}
        labels={labels}
        invalid={invalid}
        onChange={({ district: d, commune: c }) => {
          setPickedDistrict(d)
          const unit = procedure.level === 'commune' ? c : d
          onChange(unit ? { code: unit.code, name: unit.name } : undefined)
        }}
      />
    )
  }
  if (list.length === 1) return <p className="chosen-unit">{list[0]!.name}</p>
  return (
    <>
      <label htmlFor={`${idPrefix}-unit`} className="label">
        {t('procedure.where')}
      </label>
      <select
        id={`${idPrefix}-unit`}
        className="input"
        value={value?.code ?? ''}
        aria-invalid={invalid || undefined}
        onChange={(e) => {
          const unit = list.find((u) => u.code === e.target.value)
          onChange(unit ? { code: unit.code, name: unit.name } : undefined)
        }}
      >
        <option value="">{labels.choose ?? '— Chọn —'}</option>
        {list.map((u) => (
          <option key={u.code} value={u.code}>
            {u.name}
          </option>
        ))}
      </select>
    </>
  )
}

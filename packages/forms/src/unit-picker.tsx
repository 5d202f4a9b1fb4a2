import { useEffect, useId, useState } from 'react'
import type { AdministrativeUnit } from './address'
import { loadUnits } from './units'

/** What the picker shows, in the page's language. */
export interface UnitPickerLabels {
  district: string
  commune: string
  /** The one list of a province without districts (two tiers); default: `commune`'s label when given. */
  communeOnly?: string
  choose: string
  loading: string
  failed: string
}

const vi: UnitPickerLabels = {
  district: 'Huyện, thị xã, thành phố',
  commune: 'Xã, phường, thị trấn',
  communeOnly: 'Xã, phường, đặc khu',
  choose: '— Chọn —',
  loading: 'Đang tải danh sách…',
  failed: 'Không tải được danh sách đơn vị. Vui lòng thử lại.',
}

export interface UnitPickerProps {
  /** `district`: pick a district only; `commune`: a district, then one of its communes. */
  depth: 'district' | 'commune'
  district?: AdministrativeUnit | undefined
  commune?: AdministrativeUnit | undefined
  onChange: (picked: { district?: AdministrativeUnit; commune?: AdministrativeUnit }) => void
  labels?: Partial<UnitPickerLabels>
  idPrefix?: string
  unitsUrl?: string
  invalid?: boolean
  describedBy?: string
}

/**
 * District, then commune, from the real list of units in force (`GET /api/units`). Where the province has no
 * districts any more (two tiers, from 1/7/2025), a commune is picked from one list and no district is given.
 * @example <UnitPicker depth="commune" onChange={({ commune }) => setUnit(commune)} />
 */
export function UnitPicker({
  depth,
  district,
  commune,
  onChange,
  labels,
  idPrefix,
  unitsUrl,
  invalid,
  describedBy,
}: UnitPickerProps) {
  const text = { ...vi, ...labels }
  const autoId = useId()
  const prefix = idPrefix ?? autoId
  const [districts, setDistricts] = useState<AdministrativeUnit[]>()
  const [communes, setCommunes] = useState<AdministrativeUnit[]>()
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    loadUnits({ level: 'district' }, unitsUrl).then(setDistricts, () => setFailed(true))
  }, [unitsUrl])
  const twoTier = districts?.length === 0
  useEffect(() => {
    setCommunes(undefined)
    if (depth !== 'commune') return
    if (twoTier) loadUnits({ level: 'commune' }, unitsUrl).then(setCommunes, () => setFailed(true))
    else if (district) loadUnits({ parent: district.code }, unitsUrl).then(setCommunes, () => setFailed(true))
  }, [depth, district?.code, twoTier, unitsUrl])
  const communeOnly = labels?.communeOnly ?? labels?.commune ?? vi.communeOnly!
  const open = twoTier || !!district
  return (
    <div className="mc-unit-picker">
      {failed && (
        <p className="mc-error" role="alert">
          {text.failed}
        </p>
      )}
      {!twoTier && (
        <>
          <label className="mc-label" htmlFor={`${prefix}-district`}>
            {text.district}
          </label>
          <select
            id={`${prefix}-district`}
            className="mc-input mc-select"
            value={district?.code ?? ''}
            aria-invalid={invalid && !district ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => {
              const picked = districts?.find((d) => d.code === e.target.value)
              onChange(picked ? { district: picked } : {})
            }}
          >
            <option value="">{districts ? text.choose : text.loading}</option>
            {districts?.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </>
      )}
      {depth === 'commune' && (
        <>
          <label className="mc-label" htmlFor={`${prefix}-commune`}>
            {twoTier ? communeOnly : text.commune}
          </label>
          <select
            id={`${prefix}-commune`}
            className="mc-input mc-select"
            value={commune?.code ?? ''}
            disabled={!open}
            aria-invalid={invalid && open && !commune ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => {
              const picked = communes?.find((c) => c.code === e.target.value)
              if (twoTier) onChange(picked ? { commune: picked } : {})
              else onChange(district ? { district, ...(picked ? { commune: picked } : {}) } : {})
            }}
          >
            <option value="">{!open ? text.choose : communes ? text.choose : text.loading}</option>
            {communes?.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </>
      )}
    </div>
  )
}

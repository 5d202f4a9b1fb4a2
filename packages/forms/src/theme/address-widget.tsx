import type { WidgetProps } from '@rjsf/utils'
import { useEffect, useState } from 'react'
import { type AdministrativeUnit, composeAddress, parseAddress } from '../address'
import { UnitPicker } from '../unit-picker'
import { loadUnits } from '../units'
import { errorDescription } from './control-state'

/**
 * `ui:widget: "address"`: a street address over the real units, kept as one line of text:
 * "Số 12, tổ 5, Phường Hà Khánh, Thành phố Hạ Long, Tỉnh Quảng Ninh".
 */
export function AddressWidget(props: WidgetProps) {
  const { id, value, onChange, onBlur, disabled, readonly, rawErrors, registry } = props
  const unitsUrl = registry.formContext?.unitsUrl as string | undefined
  const en = registry.formContext?.locale === 'en'
  const [district, setDistrict] = useState<AdministrativeUnit>()
  const [commune, setCommune] = useState<AdministrativeUnit>()
  const [detail, setDetail] = useState('')
  const [ready, setReady] = useState(false)

  // Read a saved address back into the pickers once the unit lists are known.
  useEffect(() => {
    let live = true
    const text = typeof value === 'string' ? value : ''
    loadUnits({ level: 'district' }, unitsUrl)
      .then(async (districts) => {
        const first = parseAddress(text, districts)
        const d = districts.find((x) => x.name === first.district)
        // a two-tier province has no districts: its communes are one list
        const communes =
          districts.length === 0
            ? await loadUnits({ level: 'commune' }, unitsUrl)
            : d
              ? await loadUnits({ parent: d.code }, unitsUrl)
              : []
        const full = parseAddress(text, districts, () => communes)
        if (!live) return
        setDistrict(d)
        setCommune(communes.find((c) => c.name === full.commune))
        setDetail(full.detail)
      })
      .catch(() => live && setDetail(text))
      .finally(() => live && setReady(true))
    return () => {
      live = false
    }
    // Only on mount: afterwards the widget is the source of its value.
  }, [])

  const emit = (d?: AdministrativeUnit, c?: AdministrativeUnit, text = detail) => {
    const line = composeAddress(text, c?.name, d?.name)
    onChange(line === '' ? undefined : line)
  }
  return (
    <div className="mc-address" id={id}>
      <UnitPicker
        depth="commune"
        district={district}
        commune={commune}
        idPrefix={`${id}-unit`}
        unitsUrl={unitsUrl}
        invalid={!!rawErrors?.length}
        labels={
          en
            ? {
                district: 'District',
                commune: 'Commune or ward',
                communeOnly: 'Commune, ward or special zone',
                choose: '— Choose —',
                loading: 'Loading…',
                failed: 'Could not load the units. Please try again.',
              }
            : {}
        }
        onChange={({ district: d, commune: c }) => {
          setDistrict(d)
          setCommune(c)
          emit(d, c)
        }}
      />
      <label className="mc-label" htmlFor={`${id}-detail`}>
        {en ? 'House number, street, hamlet' : 'Số nhà, đường phố, thôn, tổ'}
      </label>
      <input
        id={`${id}-detail`}
        className="mc-input"
        type="text"
        autoComplete="street-address"
        value={detail}
        disabled={disabled || !ready}
        readOnly={readonly}
        {...errorDescription(props)}
        onChange={(e) => {
          setDetail(e.target.value)
          emit(district, commune, e.target.value)
        }}
        onBlur={() => onBlur(id, value)}
      />
    </div>
  )
}

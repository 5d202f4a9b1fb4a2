import { api, useAsync } from '@motcua/web-kit'
import type { AdminUnit } from './admin-units'

/**
 * A unit's name by its code: from the administrator's units, else (a unit above them, such as the province a
 * setting is inherited from) from the public list of the province's and districts' units.
 */
export function useUnitName(code: string | null | undefined, units: AdminUnit[]): string | undefined {
  const known = code ? units.find((u) => u.code === code)?.name : undefined
  const { value } = useAsync(async () => {
    if (!code || known) return undefined
    const above = [
      ...(await api<{ code: string; name: string }[]>('/api/units?level=province')),
      ...(await api<{ code: string; name: string }[]>('/api/units?level=district')),
    ]
    return above.find((u) => u.code === code)?.name
  }, [code, known])
  return known ?? value ?? code ?? undefined
}

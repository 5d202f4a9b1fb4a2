import type { AdministrativeUnit } from './address'

const cache = new Map<string, Promise<AdministrativeUnit[]>>()

/**
 * Administrative units from the runtime (`GET /api/units?…`), fetched once per query and page.
 * @example await loadUnits({ level: 'district' }) // the 14 districts of Quảng Ninh
 */
export function loadUnits(
  query: { level?: string; parent?: string },
  baseUrl = '/api/units',
): Promise<AdministrativeUnit[]> {
  const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => !!entry[1]))
  const url = `${baseUrl}?${params}`
  let pending = cache.get(url)
  if (!pending) {
    pending = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`GET ${url}: ${response.status}`)
      return response.json() as Promise<AdministrativeUnit[]>
    })
    pending.catch(() => cache.delete(url))
    cache.set(url, pending)
  }
  return pending
}

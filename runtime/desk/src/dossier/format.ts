const vietnam = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

const partsOf = (iso: string) =>
  Object.fromEntries(vietnam.formatToParts(new Date(iso)).map((p) => [p.type, p.value])) as Record<
    'year' | 'month' | 'day' | 'hour' | 'minute',
    string
  >

/**
 * A time in Vietnam time as an officer reads it: "HH:mm dd/mm/yyyy"; a dash for none.
 * @example when('2026-12-01T01:30:00Z') // '08:30 01/12/2026'
 */
export function when(iso: string | null | undefined): string {
  if (!iso) return '—'
  const p = partsOf(iso)
  return `${p.hour}:${p.minute} ${p.day}/${p.month}/${p.year}`
}

/**
 * The value of a `datetime-local` field for a time, in Vietnam time.
 * @example localInput('2026-12-01T01:30:00Z') // '2026-12-01T08:30'
 */
export function localInput(iso: string): string {
  const p = partsOf(iso)
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`
}

/**
 * A `datetime-local` value read as Vietnam time, as ISO text for the API.
 * @example fromLocalInput('2026-12-01T08:30') // '2026-12-01T08:30:00+07:00'
 */
export const fromLocalInput = (value: string): string => `${value}:00+07:00`

/** An amount in đồng grouped with dots: "135.000 đ". */
export const vnd = (amount: number): string => `${String(Math.trunc(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`

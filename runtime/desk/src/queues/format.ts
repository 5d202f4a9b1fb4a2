const formats = new Map<string, Intl.DateTimeFormat>()

/**
 * A date and time as an officer in Vietnam reads it, whatever the computer's zone: "05/05/2025 08:20".
 * @example dateTime('2025-05-05T01:20:00Z', 'vi') // '05/05/2025 08:20'
 */
export function dateTime(iso: string, locale: 'vi' | 'en'): string {
  let format = formats.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    })
    formats.set(locale, format)
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(iso)).map((p) => [p.type, p.value]))
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`
}

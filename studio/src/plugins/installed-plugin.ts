/** A bilingual text, Vietnamese first. */
export interface Text {
  vi: string
  en: string
}

/** A loaded plugin and everything it contributes, as `GET /api/admin/plugins` lists it. */
export interface InstalledPlugin {
  slug: string
  name: Text
  description: Text | null
  configSchema: Record<string, unknown>
  /** Its configuration's secret (`writeOnly`) fields. */
  secrets: string[]
  hooks: string[]
  deliver: boolean
  /** The top-level form fields it reads, per procedure code. */
  reads: Record<string, string[]>
  lookups: Record<string, { name: Text; consent: Text; returns: Record<string, Text> }>
  formats: Record<string, { pattern: string; message: Text; example?: string }>
  widgets: Record<
    string,
    { name: Text; inputMode?: string; autoComplete?: string; placeholder?: Text; maxLength?: number }
  >
  actions: Record<string, { name: Text; description?: Text }>
  routes: { method: string; path: string }[]
  retry: { attempts: number; backoffMs: number }
  /** The channel on which it sends applicants their receipt code and PIN (it is given PINs), if any. */
  sendsReceipt: 'sms' | 'email' | null
}

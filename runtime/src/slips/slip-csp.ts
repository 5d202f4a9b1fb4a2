/**
 * A slip or register is a static page: no script, no fetch, no frame may hold it; its one `<style>` and the column
 * widths' `style` attributes are inline (the QR code is inline SVG), so only inline styles are allowed.
 */
export const SLIP_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

/** The headers every printable page is served with. */
export const printableHeaders = { 'Content-Security-Policy': SLIP_CSP, 'X-Frame-Options': 'DENY' } as const

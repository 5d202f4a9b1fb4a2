// Web Crypto (global in Node 20 and browsers), so the plugin needs no import of node:crypto.
const encoder = new TextEncoder()

async function hmacSha256(secret: string, message: string): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ])
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(message)))
}

/**
 * hex(HMAC-SHA256(secret, body)): what the sender puts in `X-Signature`.
 * @example await signBody('a-secret-of-16+chars', '{"receiptCode":"…"}')
 */
export async function signBody(secret: string, body: string): Promise<string> {
  return [...(await hmacSha256(secret, body))].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/** Whether `signature` (64 hex digits, any case) is the body's HMAC; compares in constant time. */
export async function verifySignature(secret: string, body: string, signature: string | undefined): Promise<boolean> {
  const hex = signature?.trim() ?? ''
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) return false
  const expected = await hmacSha256(secret, body)
  let difference = 0
  for (let i = 0; i < expected.length; i++)
    difference |= expected[i]! ^ Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16)
  return difference === 0
}

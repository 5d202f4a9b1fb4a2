import type { RegisterPerson } from './register-client'
/**
 * Clearly fake people (their names say so) for trying the portal: the first two are the căn cước numbers of the
 * demo accounts `congdan` and `congdan2`, so signing in as them and pre-filling a form works out of the box.
 */
export declare const DEMO_PEOPLE: RegisterPerson[]
export interface DevRegisterOptions {
  /** The key callers must send in X-API-Key. */
  apiKey: string
  people?: RegisterPerson[]
  /** 0 (default) picks a free port. */
  port?: number
  host?: string
}
export interface DevRegister {
  /** `http://host:port`: the plugin's `baseUrl`. */
  url: string
  /** How many requests reached it (tests check a refused call never did). */
  requests: number
  /** Answer every request only after this many ms (0: at once; `Infinity`: never, to test time limits). */
  delayMs: number
  /** Answer every request with this HTTP status and no person (e.g. 500), until set back to undefined. */
  failWith: number | undefined
  close(): Promise<void>
}
/**
 * A local register that follows the contract in the README (`GET /citizens/{idNumber}` with `X-API-Key`), for the
 * plugin's tests and for a developer trying the portal. Never a stand-in for the real register in production.
 * @example const register = await startDevRegister({ apiKey: 'khoa-thu-nghiem' }) // register.url is the baseUrl
 */
export declare function startDevRegister(options: DevRegisterOptions): Promise<DevRegister>

import type { LookupContext, LookupValue } from '@motcua/plugin-sdk'
import type { Config } from './config'
/** One person as the register answers `GET {baseUrl}/citizens/{idNumber}` (the contract in the README). */
export interface RegisterPerson {
  soDinhDanh: string
  hoVaTen: string
  /** YYYY-MM-DD. */
  ngaySinh: string
  /** 1 nam, 2 nữ, 0 không rõ. */
  gioiTinh: 0 | 1 | 2
  danToc?: string | null
  quocTich?: string | null
  queQuan?: string | null
  noiThuongTru?: string | null
  noiOHienTai?: string | null
}
/** A failure of the register: the runtime records `message` (never a name or a căn cước number) and answers 503. */
export declare class RegisterError extends Error {
  readonly status?: number | undefined
  constructor(message: string, status?: number | undefined)
}
/** Checks the register's answer against the contract; throws naming the field that does not fit (not its value). */
export declare function checkPerson(body: unknown, idNumber: string): RegisterPerson
/** The register's person as the fields the lookup returns (what procedures map onto their forms). */
export declare const toFields: (p: RegisterPerson) => Record<string, LookupValue>
/**
 * Asks the register for one person: undefined on 404, the checked person on 200, a `RegisterError` otherwise
 * (wrong key, the register failing or too slow, an answer outside the contract).
 */
export declare function fetchPerson(
  idNumber: string,
  { config, signal, fetch }: LookupContext<Config>,
): Promise<RegisterPerson | undefined>

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
export class RegisterError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message)
    this.name = 'RegisterError'
  }
}

const DEFAULT_TIMEOUT_MS = 4000
const DATE = /^\d{4}-\d{2}-\d{2}$/
const SEX = { 1: 'nam', 2: 'nu' } as const

const optionalText = (value: unknown, field: string): string | null => {
  if (value === undefined || value === null || value === '') return null
  if (typeof value !== 'string' || value.length > 500) throw new RegisterError(`answered ${field} that is not a text`)
  return value
}

/** Checks the register's answer against the contract; throws naming the field that does not fit (not its value). */
export function checkPerson(body: unknown, idNumber: string): RegisterPerson {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new RegisterError('answered something other than a JSON object')
  const p = body as Record<string, unknown>
  if (p.soDinhDanh !== idNumber) throw new RegisterError('answered another person than the one asked for')
  if (typeof p.hoVaTen !== 'string' || !p.hoVaTen.trim() || p.hoVaTen.length > 100)
    throw new RegisterError('answered without hoVaTen')
  if (typeof p.ngaySinh !== 'string' || !DATE.test(p.ngaySinh))
    throw new RegisterError('answered ngaySinh not as YYYY-MM-DD')
  if (p.gioiTinh !== 0 && p.gioiTinh !== 1 && p.gioiTinh !== 2)
    throw new RegisterError('answered gioiTinh not 0, 1 or 2')
  return {
    soDinhDanh: idNumber,
    hoVaTen: p.hoVaTen.trim(),
    ngaySinh: p.ngaySinh,
    gioiTinh: p.gioiTinh,
    danToc: optionalText(p.danToc, 'danToc'),
    quocTich: optionalText(p.quocTich, 'quocTich'),
    queQuan: optionalText(p.queQuan, 'queQuan'),
    noiThuongTru: optionalText(p.noiThuongTru, 'noiThuongTru'),
    noiOHienTai: optionalText(p.noiOHienTai, 'noiOHienTai'),
  }
}

/** The register's person as the fields the lookup returns (what procedures map onto their forms). */
export const toFields = (p: RegisterPerson): Record<string, LookupValue> => ({
  so_dinh_danh: p.soDinhDanh,
  ho_ten: p.hoVaTen,
  ngay_sinh: p.ngaySinh,
  gioi_tinh: p.gioiTinh === 0 ? null : SEX[p.gioiTinh],
  dan_toc: p.danToc ?? null,
  quoc_tich: p.quocTich ?? null,
  que_quan: p.queQuan ?? null,
  noi_thuong_tru: p.noiThuongTru ?? null,
  noi_o_hien_tai: p.noiOHienTai ?? null,
})

/**
 * Asks the register for one person: undefined on 404, the checked person on 200, a `RegisterError` otherwise
 * (wrong key, the register failing or too slow, an answer outside the contract).
 */
export async function fetchPerson(
  idNumber: string,
  { config, signal, fetch }: LookupContext<Config>,
): Promise<RegisterPerson | undefined> {
  const url = `${config.baseUrl.replace(/\/+$/, '')}/citizens/${encodeURIComponent(idNumber)}`
  const limit = AbortSignal.timeout(config.timeoutMs ?? DEFAULT_TIMEOUT_MS)
  let response: Response
  try {
    response = await fetch(url, {
      headers: { accept: 'application/json', 'x-api-key': config.apiKey },
      signal: AbortSignal.any([signal, limit]),
      redirect: 'error',
    })
  } catch (error) {
    if (limit.aborted || signal.aborted) throw new RegisterError('did not answer in time')
    throw new RegisterError(`could not be reached (${(error as Error).message})`)
  }
  if (response.status === 404) {
    await response.body?.cancel()
    return undefined
  }
  if (response.status === 401 || response.status === 403) {
    await response.body?.cancel()
    throw new RegisterError(`refused the API key (HTTP ${response.status}): check apiKey`, response.status)
  }
  if (response.status !== 200) {
    await response.body?.cancel()
    throw new RegisterError(`answered HTTP ${response.status}`, response.status)
  }
  let body: unknown
  try {
    body = await response.json()
  } catch {
    throw new RegisterError(limit.aborted || signal.aborted ? 'did not answer in time' : 'answered 200 without JSON')
  }
  return checkPerson(body, idNumber)
}

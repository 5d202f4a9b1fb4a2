import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { RegisterPerson } from './register-client'

/**
 * Clearly fake people (their names say so) for trying the portal: the first two are the căn cước numbers of the
 * demo accounts `congdan` and `congdan2`, so signing in as them and pre-filling a form works out of the box.
 */
export const DEMO_PEOPLE: RegisterPerson[] = [
  {
    soDinhDanh: '022090001234',
    hoVaTen: 'Nguyễn Văn An (dữ liệu thử)',
    ngaySinh: '1990-05-12',
    gioiTinh: 1,
    danToc: 'Kinh',
    quocTich: 'Việt Nam',
    queQuan: 'Xã Thử Nghiệm, huyện Mẫu, tỉnh Quảng Ninh',
    noiThuongTru: 'Số 1 đường Thử Nghiệm, phường Hồng Gai, thành phố Hạ Long, tỉnh Quảng Ninh',
    noiOHienTai: 'Số 1 đường Thử Nghiệm, phường Hồng Gai, thành phố Hạ Long, tỉnh Quảng Ninh',
  },
  {
    soDinhDanh: '022195004321',
    hoVaTen: 'Trần Thị Bình (dữ liệu thử)',
    ngaySinh: '1995-11-03',
    gioiTinh: 2,
    danToc: 'Tày',
    quocTich: 'Việt Nam',
    queQuan: null,
    noiThuongTru: 'Thôn Mẫu, xã Thử Nghiệm, huyện Tiên Yên, tỉnh Quảng Ninh',
    noiOHienTai: null,
  },
]

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

const json = (res: ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body))

/**
 * A local register that follows the contract in the README (`GET /citizens/{idNumber}` with `X-API-Key`), for the
 * plugin's tests and for a developer trying the portal. Never a stand-in for the real register in production.
 * @example const register = await startDevRegister({ apiKey: 'khoa-thu-nghiem' }) // register.url is the baseUrl
 */
export async function startDevRegister(options: DevRegisterOptions): Promise<DevRegister> {
  const people = new Map((options.people ?? DEMO_PEOPLE).map((p) => [p.soDinhDanh, p]))
  const state = { requests: 0, delayMs: 0, failWith: undefined as number | undefined }
  const answer = (req: IncomingMessage, res: ServerResponse) => {
    const match = /^\/citizens\/([^/?]*)$/.exec((req.url ?? '').split('?')[0]!)
    if (req.method !== 'GET' || !match) return json(res, 404, { error: 'not_found', message: 'No such resource' })
    if (req.headers['x-api-key'] !== options.apiKey)
      return json(res, 401, { error: 'unauthorized', message: 'Missing or wrong X-API-Key' })
    if (state.failWith) return json(res, state.failWith, { error: 'unavailable', message: 'Register failing (test)' })
    const idNumber = decodeURIComponent(match[1]!)
    if (!/^\d{12}$/.test(idNumber))
      return json(res, 400, { error: 'bad_id_number', message: 'idNumber must be 12 digits' })
    const person = people.get(idNumber)
    if (!person) return json(res, 404, { error: 'not_found', message: 'No citizen with this idNumber' })
    json(res, 200, person)
  }
  const server = createServer((req, res) => {
    state.requests++
    req.resume()
    if (state.delayMs === Number.POSITIVE_INFINITY) return
    if (state.delayMs > 0) setTimeout(() => answer(req, res), state.delayMs)
    else answer(req, res)
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve))
  const { address, port } = server.address() as AddressInfo
  return Object.assign(state, {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  })
}

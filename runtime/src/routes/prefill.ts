import { createHmac } from 'node:crypto'
import { DomainError, isCccd, type Message, type PluginUse } from '@motcua/core'
import { type Db, pluginLookups, users } from '@motcua/db'
import type { LookupValue } from '@motcua/plugin-sdk'
import { eq } from 'drizzle-orm'
import { Hono } from 'hono'
import type { AppEnv } from '../app'
import { requirePrincipal, requireRole } from '../auth/middleware'
import { jsonBody } from '../http/body'
import type { Operation } from '../http/openapi'
import { countAttempt, limitKey, tooManyAttempts } from '../http/shared-rate-limit'
import type { PluginHost } from '../plugins/plugin-host'
import { notInForce } from '../procedures/errors'
import type { PublishedVersion } from '../procedures/registry'

/**
 * Lookups per account: filling a form takes one, a mistyped number a second; ten in a quarter of an hour leaves room
 * for several forms while stopping a script from walking the register.
 */
export const PREFILL_LIMIT = { limit: 10, windowMs: 15 * 60_000 }

interface PrefillBody {
  unitCode: string
  idNumber: string
  consent: boolean
}

const prefillBody = jsonBody<PrefillBody>({
  type: 'object',
  properties: {
    unitCode: { type: 'string', pattern: '^[0-9A-Za-z._-]{1,30}$', description: 'the unit the dossier goes to' },
    idNumber: { type: 'string', maxLength: 20, description: 'the citizen’s own căn cước number, 12 digits' },
    consent: { type: 'boolean', description: 'true: the citizen ticked the lookup’s consent text' },
  },
  required: ['unitCode', 'idNumber', 'consent'],
  additionalProperties: false,
})

const invalid = (path: string, vi: string, en: string) =>
  new DomainError('INVALID_DATA', { vi, en }, [{ code: `prefill.${path.slice(1)}`, path, message: { vi, en } }])

/** A procedure's pre-fill as the public sees it, when it has one and its plugin and lookup are installed. */
export function prefillOf(version: PublishedVersion, host: PluginHost) {
  const use = version.definition.plugins?.find((u) => u.prefill)
  const lookup = use?.prefill && host.plugins.get(use.slug)?.manifest.lookups[use.prefill.lookup]
  if (!use?.prefill || !lookup) return undefined
  return {
    use: use as PluginUse & { prefill: NonNullable<PluginUse['prefill']> },
    public: {
      plugin: use.slug,
      lookup: use.prefill.lookup,
      name: lookup.name,
      consent: lookup.consent,
      /** The form fields filled (JSON pointers), each with the label of what fills it. */
      fields: Object.fromEntries(
        Object.entries(use.prefill.fields).map(([pointer, field]) => [pointer, lookup.returns[field!]!]),
      ) as Record<string, Message>,
    },
  }
}

/** A keyed hash of a căn cước number: the audit trail can be searched by number, never read back as one. */
export const idNumberHash = (secret: string, idNumber: string) =>
  createHmac('sha256', secret).update(`prefill.idNumber:${idNumber}`).digest('hex')

async function ownIdNumber(db: Db, userId: string) {
  const [row] = await db.select({ idNumber: users.idNumber }).from(users).where(eq(users.id, userId))
  return row?.idNumber ?? null
}

/**
 * `POST /api/me/prefill/:procedureCode`: a signed-in citizen's own details from the register a procedure pre-fills
 * from, mapped onto its form. Only the account's own căn cước number: the consent is the data subject's, and the
 * register is not a directory of other people.
 */
export const prefillRoutes = (secret: string) =>
  new Hono<AppEnv>().post('/api/me/prefill/:procedureCode', requireRole('citizen'), async (c) => {
    const principal = requirePrincipal(c)
    const body = await prefillBody.read(c)
    if (body.consent !== true)
      throw invalid(
        '/consent',
        'Bạn cần đánh dấu đồng ý tra cứu trước khi điền sẵn. Nếu không đồng ý, bạn vẫn có thể tự điền tờ khai.',
        'Tick the consent before pre-filling. Without it you can still fill in the form yourself.',
      )
    const idNumber = body.idNumber.trim()
    if (!isCccd(idNumber))
      throw invalid(
        '/idNumber',
        'Số căn cước gồm 12 chữ số, in trên thẻ căn cước hoặc trong ứng dụng VNeID. Vui lòng kiểm tra lại.',
        'A căn cước number is 12 digits, as on the card or in VNeID.',
      )
    const { db } = c.var.database
    const now = c.var.clock()
    const code = c.req.param('procedureCode')
    const version = await c.var.registry.current(code, now)
    if (!version) throw await notInForce(c.var.registry, code, now, 'lookup')
    const prefill = prefillOf(version, c.var.plugins)
    if (!prefill)
      throw new DomainError('NOT_FOUND', {
        vi: `Thủ tục "${version.definition.name}" không có chức năng điền sẵn thông tin.`,
        en: 'This procedure has no pre-fill.',
      })
    const unit = await c.var.units.byCode(body.unitCode)
    if (!unit) throw invalid('/unitCode', `Không có đơn vị mã ${body.unitCode}.`, `No unit ${body.unitCode}.`)
    const { slug } = prefill.use
    const config = await c.var.plugins.configFor(db, slug, unit.id, version.code, version.definition.plugins)
    if (!config)
      throw new DomainError(
        'CONFLICT',
        {
          vi: `${unit.name} chưa dùng "${prefill.public.name.vi}": vui lòng tự điền tờ khai.`,
          en: `${unit.name} does not use "${prefill.public.name.en}": please fill in the form yourself.`,
        },
        [
          {
            code: 'prefill.notEnabled',
            path: '/unitCode',
            message: { vi: 'Đơn vị chưa hỗ trợ điền sẵn.', en: 'Not available here.' },
          },
        ],
      )
    const own = await ownIdNumber(db, principal.userId)
    if (own === null)
      throw new DomainError('FORBIDDEN', {
        vi: 'Tài khoản của bạn chưa gắn số căn cước nên chưa thể tra cứu để điền sẵn. Vui lòng tự điền tờ khai.',
        en: 'Your account holds no căn cước number, so it cannot look one up. Please fill in the form yourself.',
      })
    if (own !== idNumber)
      throw new DomainError(
        'FORBIDDEN',
        {
          vi: 'Chỉ tra cứu được thông tin của chính bạn: hãy nhập đúng số căn cước của tài khoản đang đăng nhập.',
          en: 'You can look up only yourself: type the căn cước number of the account you are signed in with.',
        },
        [
          {
            code: 'prefill.notOwn',
            path: '/idNumber',
            message: { vi: 'Không phải số căn cước của tài khoản này.', en: 'Not this account’s number.' },
          },
        ],
      )
    const wait = await countAttempt(db, [{ key: limitKey('prefill.account', principal.userId), ...PREFILL_LIMIT }], now)
    if (wait !== undefined)
      throw tooManyAttempts(c, wait, { vi: 'Bạn đã tra cứu quá nhiều lần.', en: 'Too many lookups.' })

    const audit = (outcome: 'found' | 'notFound' | 'failed') =>
      db.insert(pluginLookups).values({
        at: now,
        userId: principal.userId,
        pluginSlug: slug,
        lookupKey: prefill.use.prefill.lookup,
        unitId: unit.id,
        procedureCode: version.code,
        idNumberHash: idNumberHash(secret, idNumber),
        outcome,
      })
    let found: Record<string, LookupValue> | undefined
    try {
      found = await c.var.plugins.lookup(db, {
        slug,
        key: prefill.use.prefill.lookup,
        idNumber,
        config,
        unitId: unit.id,
      })
    } catch (error) {
      await audit('failed')
      throw error
    }
    await audit(found ? 'found' : 'notFound')
    if (!found)
      throw new DomainError('NOT_FOUND', {
        vi: `Không tìm thấy thông tin công dân có số căn cước này trong "${prefill.public.name.vi}". Vui lòng kiểm tra lại số, hoặc tự điền tờ khai.`,
        en: `No citizen with this căn cước number in "${prefill.public.name.en}". Check the number, or fill in the form yourself.`,
      })
    const fill: Record<string, LookupValue> = {}
    for (const [pointer, field] of Object.entries(prefill.use.prefill.fields)) {
      const value = found[field!]
      if (value !== undefined && value !== null) fill[pointer] = value
    }
    return c.json({ fill, source: { plugin: slug, lookup: prefill.use.prefill.lookup, name: prefill.public.name } })
  })

export const prefillDocs: Operation[] = [
  {
    method: 'post',
    path: '/api/me/prefill/:procedureCode',
    tag: 'citizen',
    summary:
      'Pre-fill my form from the register the procedure names (its plugin’s lookup), by my own căn cước number, with my consent',
    access: ['citizen'],
    body: prefillBody,
    responses: {
      200: '`{ fill: { <form JSON pointer>: value }, source: { plugin, lookup, name } }`: only the fields the register knows',
      400: 'consent not given (`/consent`), not a căn cước number (`/idNumber`), a bad unit code',
      401: 'not signed in',
      403: 'not a citizen account; the account holds no căn cước number, or another one than typed',
      404: 'no such procedure in force, no pre-fill for it, or no such person in the register',
      409: 'the plugin is not enabled for that unit (`/unitCode`)',
      429: `more than ${PREFILL_LIMIT.limit} lookups by this account in ${PREFILL_LIMIT.windowMs / 60_000} minutes (Retry-After)`,
      503: 'the register failed, answered outside its declared fields or took longer than the lookup’s time limit (recorded at /api/admin/outbox, topic lookup.failed)',
    },
  },
]

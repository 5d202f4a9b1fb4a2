import { describe, expectTypeOf, it } from 'vitest'
import { type DossierSnapshot, definePlugin, type LookupValue, type OutboxMessage, type Plugin } from './index'

// These are checked by the compiler (vitest's typecheck in `npm test`, and `tsc -b`): each `@ts-expect-error` must
// stand on a real error, or the check fails.

const name = { vi: 'Thử', en: 'Test' }
const configSchema = { type: 'object' }

interface Config {
  url: string
  timeoutMs?: number
}
interface GiayPhepXayDung {
  cong_trinh: { dien_tich: number }
  dia_diem: string
}
interface KhaiSinh {
  ho_ten_tre: string
  ngay_sinh: string
}
type Forms = { 'QN-GPXD-01': GiayPhepXayDung; '1.001193': KhaiSinh }

describe('the plugin contract', () => {
  it('refuses hooks that return the wrong shape', () => {
    definePlugin({
      slug: 'thu',
      name,
      configSchema,
      hooks: {
        // @ts-expect-error a message needs a payload
        onSubmit: () => [{ topic: 'status' }],
        // @ts-expect-error afterAction returns an array of messages, not one
        afterAction: () => ({ topic: 'status', payload: {} }),
        // @ts-expect-error onComplete is synchronous too
        onComplete: async () => [],
        // @ts-expect-error a fee's amount is a number of đồng
        fees: (_ctx, { fees }) => [...fees, { key: 'dia-phuong', name: 'Lệ phí', amount: '50000' }],
        // @ts-expect-error a refusal says why, in Vietnamese and English
        beforeAction: () => ({ refuse: { vi: 'Chưa nộp phí' } }),
      },
    })
  })

  it('types the configuration everywhere it is handed to the plugin', () => {
    definePlugin<Config>({
      slug: 'thu',
      name,
      configSchema,
      hooks: {
        onSubmit: ({ config }, dossier) => {
          expectTypeOf(config).toEqualTypeOf<Config>()
          // @ts-expect-error url is a string
          const port: number = config.url
          return [{ topic: 'status', payload: { port, code: dossier.receiptCode } }]
        },
      },
      async deliver(_message, { config, signal, fetch, requestId }) {
        // @ts-expect-error timeoutMs may be absent
        const ms: number = config.timeoutMs
        // @ts-expect-error a message queued outside a request has no request id
        const correlation: string = requestId
        await fetch(config.url, { signal, body: String(ms), headers: { 'x-request-id': correlation } })
      },
      lookups: {
        'dan-cu': {
          name,
          consent: name,
          returns: { hoTen: name },
          async run(_query, { config, requestId }) {
            expectTypeOf(requestId).toEqualTypeOf<string | undefined>()
            // @ts-expect-error no such setting
            return { hoTen: config.token }
          },
        },
      },
    })
  })

  it('refuses, with typed forms, a procedure or a field the forms do not have', () => {
    definePlugin<Config, Forms>({
      slug: 'thu',
      name,
      configSchema,
      reads: {
        'QN-GPXD-01': ['cong_trinh', 'dia_diem'],
        // @ts-expect-error no such field in the birth registration form
        '1.001193': ['ho_ten_tre', 'so_nha'],
      },
    })
    definePlugin<Config, Forms>({
      slug: 'thu',
      name,
      configSchema,
      // @ts-expect-error no such procedure among the typed forms
      reads: { 'QN-GPLX-02': ['so_giay_phep'] },
    })
  })

  it('narrows the form a hook sees by its procedure', () => {
    definePlugin<Config, Forms>({
      slug: 'thu',
      name,
      configSchema,
      reads: { 'QN-GPXD-01': ['cong_trinh'] },
      hooks: {
        afterAction: (_ctx, dossier) => {
          expectTypeOf(dossier).toEqualTypeOf<DossierSnapshot<Forms>>()
          const form = dossier.form
          // @ts-expect-error not narrowed yet: the birth registration form has no such field
          form?.data.cong_trinh
          if (form?.procedure === 'QN-GPXD-01') {
            expectTypeOf(form.data).toEqualTypeOf<Partial<GiayPhepXayDung>>()
            // @ts-expect-error a field of the other procedure's form
            form.data.ho_ten_tre
            return [{ topic: 'area', payload: form.data.cong_trinh?.dien_tich ?? null }]
          }
          if (form) expectTypeOf(form.data).toEqualTypeOf<Partial<KhaiSinh>>()
          // @ts-expect-error the form is absent for a procedure the plugin reads nothing of
          form.data.ho_ten_tre
        },
      },
    })
  })

  it('takes only plain values from a lookup', () => {
    expectTypeOf<LookupValue>().toEqualTypeOf<string | number | boolean | null>()
    definePlugin({
      slug: 'thu',
      name,
      configSchema,
      lookups: {
        'dan-cu': {
          name,
          consent: name,
          returns: { ngaySinh: name, diaChi: name },
          // @ts-expect-error a date is sent as a string
          run: async () => ({ ngaySinh: new Date() }),
        },
        'dan-cu-2': {
          name,
          consent: name,
          returns: { diaChi: name },
          // @ts-expect-error one value per field, not an object
          run: async () => ({ diaChi: { tinh: 'Quảng Ninh' } }),
        },
        'dan-cu-3': {
          name,
          consent: name,
          returns: { diaChi: name },
          // @ts-expect-error a lookup is asynchronous (it does I/O)
          run: () => ({ diaChi: 'Hạ Long' }),
        },
      },
    })
  })

  it('refuses a format without its message, or a widget with an unknown input mode', () => {
    definePlugin({
      slug: 'thu',
      name,
      configSchema,
      formats: {
        // @ts-expect-error the message shown when a value does not match
        'so-cccd': { pattern: '^[0-9]{12}$' },
        // @ts-expect-error the message is bilingual
        'ma-so-thue': { pattern: '^[0-9]{10}$', message: 'Mã số thuế gồm 10 chữ số' },
      },
      widgets: {
        // @ts-expect-error not an HTML input mode
        'so-dien-thoai': { name, inputMode: 'phone' },
      },
    })
  })

  it('keeps definePlugin an identity that carries the types', () => {
    const plugin = definePlugin<Config, Forms>({ slug: 'thu', name, configSchema })
    expectTypeOf(plugin).toEqualTypeOf<Plugin<Config, Forms>>()
    expectTypeOf<ReturnType<NonNullable<NonNullable<typeof plugin.hooks>['onSubmit']>>>().toEqualTypeOf<
      OutboxMessage[] | void
    >()
  })
})

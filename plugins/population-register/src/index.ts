import { definePlugin } from '@motcua/plugin-sdk'
import type { Config } from './config'
import configSchema from './config.schema.json' with { type: 'json' }
import { fetchPerson, toFields } from './register-client'

export type { Config } from './config'
export { checkPerson, fetchPerson, RegisterError, type RegisterPerson, toFields } from './register-client'

/**
 * Pre-fills the applicant's part of a form from the population register by căn cước number, through the HTTP
 * contract in this package's README (the register itself, or a provincial gateway that speaks it).
 */
export default definePlugin<Config>({
  slug: 'population-register',
  name: { vi: 'Tra cứu Cơ sở dữ liệu quốc gia về dân cư', en: 'National population database lookup' },
  description: {
    vi: 'Điền sẵn thông tin của người nộp hồ sơ (họ tên, ngày sinh, giới tính, nơi thường trú…) theo số căn cước, khi người đó đồng ý.',
    en: "Pre-fills the applicant's details (name, date of birth, sex, permanent address…) by căn cước number, with their consent.",
  },
  configSchema,
  lookupTimeoutMs: 5000,
  lookups: {
    'cong-dan': {
      name: {
        vi: 'Cơ sở dữ liệu quốc gia về dân cư',
        en: 'the national population database',
      },
      consent: {
        vi: 'Tôi đồng ý để hệ thống tra cứu Cơ sở dữ liệu quốc gia về dân cư theo số căn cước của tôi và điền sẵn họ tên, ngày sinh, giới tính, dân tộc, quốc tịch, quê quán, nơi thường trú và nơi ở hiện tại vào tờ khai. Tôi sẽ kiểm tra lại trước khi nộp.',
        en: 'I agree that the system looks up my căn cước number in the national population database and fills in my name, date of birth, sex, ethnicity, nationality, place of origin, permanent and current address. I will check them before submitting.',
      },
      returns: {
        so_dinh_danh: { vi: 'Số định danh cá nhân (số căn cước)', en: 'Personal identification number (căn cước)' },
        ho_ten: { vi: 'Họ, chữ đệm và tên', en: 'Full name' },
        ngay_sinh: { vi: 'Ngày, tháng, năm sinh (YYYY-MM-DD)', en: 'Date of birth (YYYY-MM-DD)' },
        gioi_tinh: { vi: 'Giới tính (nam, nu)', en: 'Sex (nam, nu)' },
        dan_toc: { vi: 'Dân tộc', en: 'Ethnicity' },
        quoc_tich: { vi: 'Quốc tịch', en: 'Nationality' },
        que_quan: { vi: 'Quê quán', en: 'Place of origin' },
        noi_thuong_tru: { vi: 'Nơi thường trú', en: 'Permanent address' },
        noi_o_hien_tai: { vi: 'Nơi ở hiện tại', en: 'Current address' },
      },
      async run({ idNumber }, ctx) {
        const person = await fetchPerson(idNumber, ctx)
        return person && toFields(person)
      },
    },
  },
})

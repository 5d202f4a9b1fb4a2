import { type Db, unitLevels, units } from '@motcua/db'
import { eq } from 'drizzle-orm'
import departmentsFile from './quang-ninh/departments.json' with { type: 'json' }
import unitsFile from './quang-ninh/units-2019.json' with { type: 'json' }

const PROVINCE_ID = 'H49'
const EFFECTIVE_FROM = '2019-12-01'
const pad = (n: number) => String(n).padStart(2, '0')

/** Levels of government as data; a two-tier province simply stops using `district`. */
export const levels = [
  { code: 'province', nameVi: 'Cấp tỉnh', nameEn: 'Province', tier: 1 },
  { code: 'department', nameVi: 'Sở, ban, ngành', nameEn: 'Provincial department', tier: 1 },
  { code: 'district', nameVi: 'Cấp huyện', nameEn: 'District', tier: 2 },
  { code: 'commune', nameVi: 'Cấp xã', nameEn: 'Commune', tier: 3 },
]

/** Inserts the unit levels and Quảng Ninh's province, departments, districts and communes. */
export async function seedQuangNinhUnits(db: Db): Promise<void> {
  await db.insert(unitLevels).values(levels)
  const { province, districts } = unitsFile
  const base = { effectiveFrom: EFFECTIVE_FROM }
  const [root] = await db
    .insert(units)
    .values({
      ...base,
      code: province.code,
      name: province.name,
      type: province.type,
      level: 'province',
      electronicId: `000.00.00.${PROVINCE_ID}`,
    })
    .returning({ id: units.id })
  const parentId = root!.id
  await db.insert(units).values(
    departmentsFile.departments.map((d, i) => ({
      ...base,
      ...d,
      level: 'department',
      parentId,
      electronicId: `000.00.${pad(i + 1)}.${PROVINCE_ID}`,
    })),
  )
  for (const [i, district] of districts.entries()) {
    const districtNo = pad(21 + i)
    const [row] = await db
      .insert(units)
      .values({
        ...base,
        code: district.code,
        name: district.name,
        type: district.type,
        level: 'district',
        parentId,
        electronicId: `000.00.${districtNo}.${PROVINCE_ID}`,
      })
      .returning({ id: units.id })
    await db.insert(units).values(
      district.communes.map((c, j) => ({
        ...base,
        ...c,
        level: 'commune',
        parentId: row!.id,
        electronicId: `000.${pad(j + 1)}.${districtNo}.${PROVINCE_ID}`,
      })),
    )
  }
}

/**
 * The provincial tax office, which liên thông steps hand dossiers to (land and registration procedures send the
 * financial-obligation data to it). A central agency, not a department of the province: it sits at the province
 * tier under the province for the unit directory only. Its electronic id is motcua's own, after the districts'.
 */
export const taxOffice = {
  code: 'CTHUE',
  name: 'Cục Thuế tỉnh Quảng Ninh',
  type: 'Cục',
  electronicId: `000.00.40.${PROVINCE_ID}`,
}

/** Adds the provincial tax office (see `taxOffice`) under the province. */
export async function seedTaxOffice(db: Db): Promise<void> {
  const [province] = await db.select({ id: units.id }).from(units).where(eq(units.level, 'province')).limit(1)
  if (!province) return
  await db
    .insert(units)
    .values({ ...taxOffice, level: 'department', parentId: province.id, effectiveFrom: EFFECTIVE_FROM })
}

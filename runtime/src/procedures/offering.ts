import { type Message, vietnamDate } from '@motcua/core'
import type { Db } from '@motcua/db'
import type { PluginHost } from '../plugins/plugin-host'
import type { UnitDirectory, UnitRow } from '../units/unit-directory'
import { appliesOn, type ProcedureRegistry, type PublishedVersion, type UnitOffering } from './registry'

/** What decides whether a unit takes new dossiers of a procedure. */
export interface OfferingServices {
  registry: ProcedureRegistry
  units: UnitDirectory
  /** The plugins a procedure may require; without a host, a procedure that requires one is offered nowhere. */
  plugins?: PluginHost
  db: Db
}

/** Whether a unit takes new dossiers of a version, and if not, why (for the submitter and the administrator). */
export type OfferingVerdict =
  | { offered: true; by: 'definition' | 'setting'; setting?: UnitOffering }
  | {
      offered: false
      code: string
      /** For the submitter. */
      message: Message
      /** For administrators, when it says more than `message` (which plugin to enable). */
      why?: Message
      setting?: UnitOffering
    }

/**
 * Whether `unit` takes new dossiers of `version` on `at`'s day (Vietnam time): the administrators' setting for that
 * unit when one applies that day, else the definition (`units`, or without a list every unit of its `level`);
 * a unit's own procedure only within that owner unit; and every plugin the procedure requires enabled for the unit
 * and that procedure, with a configuration that satisfies the plugin's schema.
 */
export async function offeringAt(
  version: PublishedVersion,
  unit: UnitRow,
  services: OfferingServices,
  at: Date,
): Promise<OfferingVerdict> {
  const { definition: d, ownerUnitId } = version
  const no = (code: string, vi: string, en: string, setting?: UnitOffering): OfferingVerdict & { offered: false } => ({
    offered: false,
    code,
    message: { vi, en },
    ...(setting ? { setting } : {}),
  })
  if (ownerUnitId !== null && !(await services.units.lineage(unit.id)).includes(ownerUnitId))
    return no(
      'unit.notOffering',
      `${unit.name} không thuộc đơn vị quản lý thủ tục "${d.name}".`,
      `${unit.name} is outside the unit that owns this procedure.`,
    )
  const setting = (await services.registry.offerings(version.procedureId)).get(unit.id)
  const day = vietnamDate(at)
  const applies = setting && appliesOn(setting, day)
  if (applies && !setting.offered)
    return no(
      'unit.offeringOff',
      `${unit.name} tạm ngừng tiếp nhận thủ tục "${d.name}"${setting.to ? ` đến hết ngày ${setting.to}` : ''}. Vui lòng chọn đơn vị khác.`,
      `${unit.name} does not take this procedure${setting.to ? ` until ${setting.to} included` : ''}.`,
      setting,
    )
  if (!applies && !(d.units ? d.units.includes(unit.code) : d.level === unit.level))
    return no(
      'unit.notOffering',
      `${unit.name} không giải quyết thủ tục "${d.name}". Vui lòng chọn đơn vị khác.`,
      `${unit.name} does not handle this procedure.`,
      setting,
    )
  for (const use of d.plugins ?? []) {
    if (!use.required) continue
    const loaded = services.plugins?.plugins.get(use.slug)?.manifest
    if (!loaded || !(await services.plugins!.configFor(services.db, use.slug, unit.id, d.code, d.plugins)))
      return {
        ...no(
          'unit.pluginNotEnabled',
          `${unit.name} hiện chưa tiếp nhận thủ tục "${d.name}". Vui lòng chọn đơn vị khác.`,
          `${unit.name} does not take this procedure at present.`,
          setting,
        ),
        why: {
          vi: `Thủ tục cần tiện ích "${loaded?.name.vi ?? use.slug}" (${use.slug}) mà ${unit.name} chưa bật (hoặc cấu hình chưa hợp lệ): bật tiện ích cho đơn vị (hoặc đơn vị cấp trên), cho mọi thủ tục hoặc riêng thủ tục này, để đơn vị nhận thủ tục.`,
          en: `The procedure requires the plugin "${loaded?.name.en ?? use.slug}" (${use.slug}), not enabled at ${unit.name} (or its configuration is not valid): enable it for the unit (or a unit above), for every procedure or this one, to offer the procedure.`,
        },
      }
  }
  return applies ? { offered: true, by: 'setting', setting } : { offered: true, by: 'definition' }
}

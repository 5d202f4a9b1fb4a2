import type { Issue } from '../errors'
import { issue } from './issue'
import type { UnitRef } from './model'
import type { ProcedureDefinition } from './procedure-definition.generated'
import { stepLists } from './step-lists'

/** Roles that work a step at a unit: officers. Citizens and administrators never do. */
const officerRoles = ['receiving_officer', 'specialist', 'leader']

const upLevel = (ref: UnitRef | undefined): string | undefined =>
  typeof ref === 'object' && 'up' in ref ? ref.up : undefined

/**
 * The units a definition names: where it is received (`reception`) and which unit handles each step (`unit`).
 * Unit codes and levels are data: the runtime's draft check looks them up in the unit directory.
 */
export function checkUnits(def: ProcedureDefinition): Issue[] {
  const issues: Issue[] = []
  const sameLevel = (ref: UnitRef | undefined, path: string) => {
    if (upLevel(ref) !== def.level) return
    issues.push(
      issue(
        'unitRef.upSameLevel',
        `${path}/up`,
        `{"up": "${def.level}"} chỉ đến đơn vị cấp "${def.level}" ở trên đơn vị giải quyết, nhưng thủ tục này do chính cấp "${def.level}" giải quyết nên không có đơn vị đó. Hãy ghi cấp ở trên (ví dụ "district" cho thủ tục cấp xã) hoặc bỏ "unit" nếu bước do đơn vị giải quyết thực hiện`,
        `{"up": "${def.level}"} names the nearest "${def.level}" unit above the resolving unit, but this procedure is resolved at level "${def.level}" itself. Name a level above it (e.g. "district" for a commune procedure), or drop "unit" if the resolving unit handles the step`,
        { level: def.level },
      ),
    )
  }
  const reception = def.reception
  if (reception) {
    if (reception.unit === 'receiving') issues.push(selfReference('/reception/unit'))
    sameLevel(reception.unit, '/reception/unit')
    const any = reception.anyUnit
    if (any) {
      any.units?.forEach((ref, k) => {
        if (ref === 'receiving') issues.push(selfReference(`/reception/anyUnit/units/${k}`))
        sameLevel(ref, `/reception/anyUnit/units/${k}`)
      })
      if (!any.levels?.length && !any.units?.length) {
        issues.push(
          issue(
            'reception.anyUnitEmpty',
            '/reception/anyUnit',
            'Tiếp nhận không phụ thuộc địa giới hành chính cần nêu cấp đơn vị được tiếp nhận ("levels", ví dụ ["commune"]) hoặc đơn vị cụ thể ("units", ví dụ [{"code": "TTPVHCC"}])',
            'Reception regardless of boundary needs the levels that receive ("levels", e.g. ["commune"]) or the units ("units", e.g. [{"code": "TTPVHCC"}])',
          ),
        )
      }
    }
  }
  for (const { path, steps } of stepLists(def)) {
    steps.forEach((step, i) => {
      const at = `${path}/${i}`
      if (step.unit === 'receiving' && !reception) {
        issues.push(
          issue(
            'step.receivingWithoutReception',
            `${at}/unit`,
            `Bước "${step.key}" do đơn vị tiếp nhận thực hiện ("receiving"), nhưng thủ tục không khai báo nơi tiếp nhận ("reception"), nên đơn vị tiếp nhận chính là đơn vị giải quyết. Hãy thêm "reception" (ví dụ {"unit": {"code": "TTPVHCC"}}) hoặc bỏ "unit" ở bước này`,
            `Step "${step.key}" is handled by the receiving unit ("receiving"), but the procedure declares no "reception", so the receiving unit is the resolving unit. Add "reception" (e.g. {"unit": {"code": "TTPVHCC"}}) or drop "unit" from this step`,
          ),
        )
      }
      sameLevel(step.unit, `${at}/unit`)
      if (step.unit !== undefined && !officerRoles.includes(step.role)) {
        issues.push(
          issue(
            'step.roleNotAtUnit',
            `${at}/role`,
            `Bước "${step.key}" do một đơn vị khác thực hiện nên vai trò phải là cán bộ của đơn vị đó (${officerRoles.join(', ')}), không phải "${step.role}"`,
            `Step "${step.key}" is handled by another unit, so its role must be one of that unit's officers (${officerRoles.join(', ')}), not "${step.role}"`,
            { role: step.role, allowed: officerRoles },
          ),
        )
      } else if (step.unit === 'receiving' && step.role !== 'receiving_officer') {
        issues.push(
          issue(
            'step.roleNotAtUnit',
            `${at}/role`,
            `Bước "${step.key}" do đơn vị tiếp nhận (Bộ phận một cửa) thực hiện: nơi đó chỉ tiếp nhận và trả kết quả, nên vai trò phải là "receiving_officer". Việc xử lý, ký duyệt đặt ở các bước của đơn vị giải quyết (bỏ "unit")`,
            `Step "${step.key}" is handled by the receiving unit (the one-stop counter), which only receives and returns: its role must be "receiving_officer". Put processing and approval in steps of the resolving unit (without "unit")`,
            { role: step.role, allowed: ['receiving_officer'] },
          ),
        )
      }
    })
    const first = steps[0]
    if (reception && first && first.unit !== 'receiving') {
      issues.push(
        issue(
          'step.receptionNotAtReceiving',
          first.unit === undefined ? `${path}/0` : `${path}/0/unit`,
          `Thủ tục có nơi tiếp nhận riêng ("reception"), nên bước đầu "${first.key}" phải do đơn vị tiếp nhận thực hiện: thêm "unit": "receiving" vào bước này (và vào bước trả kết quả)`,
          `The procedure is received elsewhere ("reception"), so its first step "${first.key}" must be handled by the receiving unit: add "unit": "receiving" to it (and to the step that returns the result)`,
        ),
      )
    }
  }
  return issues
}

const selfReference = (path: string): Issue =>
  issue(
    'reception.selfReference',
    path,
    'Nơi tiếp nhận không thể là "receiving" (chính đơn vị tiếp nhận). Hãy ghi một đơn vị cụ thể ({"code": "TTPVHCC"}) hoặc một cấp ở trên ({"up": "district"})',
    'The receiving unit cannot be "receiving" (itself). Name a unit ({"code": "TTPVHCC"}) or a level above ({"up": "district"})',
  )

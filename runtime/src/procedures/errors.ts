import { DomainError, type Issue, vietnamDate, vietnameseDay } from '@motcua/core'
import { hasStarted, type ProcedureRegistry, startsOn } from './registry'

export const notFoundProcedure = (code: string) =>
  new DomainError('NOT_FOUND', { vi: `Không tìm thấy thủ tục có mã ${code}.`, en: `No published procedure ${code}.` })

/** A submission naming a procedure that is not published (or no longer in force). */
export const unknownProcedure = (code: string) =>
  new DomainError('INVALID_DATA', { vi: `Không có thủ tục mã ${code}.`, en: `No procedure ${code}.` }, [
    {
      code: 'procedure.unknown',
      path: '/procedureCode',
      message: { vi: 'Thủ tục không tồn tại', en: 'Unknown procedure' },
    },
  ])

const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

/**
 * Why a published procedure takes no new dossier on `at`'s day: retired (its period ended), withdrawn (no unit
 * offers it) or not yet in force (scheduled); undefined when it was never published.
 */
export async function whyNotInForce(registry: ProcedureRegistry, code: string, at: Date): Promise<Issue | undefined> {
  const versions = await registry.versions(code)
  if (!versions.length) return undefined
  const day = vietnamDate(at)
  const started = versions.find((v) => hasStarted(v, at))
  const problem = (kind: string, vi: string, en: string): Issue => ({
    code: `procedure.${kind}`,
    path: '/procedureCode',
    message: { vi, en },
  })
  if (!started) {
    const from = versions.map(startsOn).sort()[0]!
    return problem(
      'notYetInForce',
      `Thủ tục ${code} có hiệu lực từ ngày ${vietnameseDay(from)}; từ ngày đó mới tiếp nhận hồ sơ.`,
      `Procedure ${code} takes effect on ${from}; dossiers are taken from that day.`,
    )
  }
  const { to } = started.definition.effective
  if (to && day > to)
    return problem(
      'retired',
      `Thủ tục ${code} đã hết hiệu lực từ ngày ${vietnameseDay(dayAfter(to))}: không tiếp nhận hồ sơ mới. Hồ sơ đã nộp vẫn được giải quyết và tra cứu bình thường.`,
      `Procedure ${code} ended on ${to}: no new dossiers. Dossiers already filed are processed and can be tracked.`,
    )
  return problem(
    'withdrawn',
    `Thủ tục ${code} hiện không có đơn vị nào tiếp nhận.`,
    `No unit takes procedure ${code} at present.`,
  )
}

/** A submission or a catalogue request for a procedure not in force: why, or "no such procedure". */
export async function notInForce(
  registry: ProcedureRegistry,
  code: string,
  at: Date,
  as: 'submission' | 'lookup',
): Promise<DomainError> {
  const why = await whyNotInForce(registry, code, at)
  if (!why) return as === 'submission' ? unknownProcedure(code) : notFoundProcedure(code)
  return as === 'submission'
    ? new DomainError('INVALID_DATA', why.message, [why])
    : new DomainError('NOT_FOUND', why.message, [{ ...why, path: '' }])
}

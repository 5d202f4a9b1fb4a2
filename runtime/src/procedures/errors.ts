import { DomainError } from '@motcua/core'

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

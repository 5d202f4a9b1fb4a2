import { DomainError } from '@motcua/core'

export const notFoundProcedure = (code: string) =>
  new DomainError('NOT_FOUND', { vi: `Không tìm thấy thủ tục có mã ${code}.`, en: `No published procedure ${code}.` })

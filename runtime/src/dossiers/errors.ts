import { DomainError } from '@motcua/core'

export const notFoundDossier = (code: string) =>
  new DomainError('NOT_FOUND', {
    vi: `Không tìm thấy hồ sơ có mã ${code}. Vui lòng kiểm tra lại mã trên giấy tiếp nhận.`,
    en: `No dossier ${code}.`,
  })

import { Link } from '@motcua/web-kit'
import { useI18n } from '../i18n/i18n'
import type { MessageKey } from '../i18n/messages'
import { showProcessingTime } from '../lib/format'
import type { ProcedureSummary } from '../lib/types'
import { ProcedureName, useContentLang } from './content-language'

export const levelKey = (level: string) =>
  ['province', 'district', 'commune'].includes(level) ? (`level.${level}` as MessageKey) : undefined
export const onlineKey = (mode: string) =>
  `online.${mode === 'full' || mode === 'partial' ? mode : 'none'}` as MessageKey

/** A procedure in a list: its name (the link), level, field, online mode and time. */
export function ProcedureCard({ procedure: p }: { procedure: ProcedureSummary }) {
  const { t, locale } = useI18n()
  const lang = useContentLang()
  const level = levelKey(p.level)
  return (
    <li className="card">
      <h3 className="card__title">
        <Link to={`/thu-tuc/${encodeURIComponent(p.code)}`}>
          <ProcedureName procedure={p} />
        </Link>
      </h3>
      <p className="card__meta">
        {level && <span className="tag">{t(level)}</span>}
        <span className={`tag tag--${p.onlineMode.mode}`}>{t(onlineKey(p.onlineMode.mode))}</span>
      </p>
      <p className="card__meta">
        <span lang={lang}>{p.field}</span> · {showProcessingTime(p.processingTime, locale)}
      </p>
    </li>
  )
}

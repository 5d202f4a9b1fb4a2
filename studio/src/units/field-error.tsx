import type { Issue } from '@motcua/web-kit'
import { useI18n } from '../i18n/i18n'

/** The API's problems with one field, beside it (`id` for the field's `aria-describedby`). */
export function FieldError({ id, issues }: { id: string; issues: Issue[] }) {
  const { pick } = useI18n()
  if (!issues.length) return null
  return (
    <p id={id} className="field-error" role="alert">
      {issues.map((i) => pick(i.message)).join(' ')}
    </p>
  )
}

import type { Message } from '@motcua/web-kit'
import { useI18n } from '../i18n/i18n'

const tone = (status: number) =>
  status === 10 || status === 9
    ? 'done'
    : status === 3 || status === 8 || status === 7
      ? 'stopped'
      : status === 5 || status === 6
        ? 'action'
        : 'progress'

/** A dossier's public status (national codes 1–10) as a coloured label with words, never colour alone. */
export function StatusBadge({ status, name }: { status: number; name: Message }) {
  const { pick } = useI18n()
  return <span className={`status status--${tone(status)}`}>{pick(name)}</span>
}

import { useI18n } from '../i18n/i18n'

/** "Bước 2/6: Người được khai sinh", a bar, and the list of steps (done ones can be revisited). */
export function Progress({
  titles,
  current,
  onPick,
}: {
  titles: string[]
  current: number
  onPick: (index: number) => void
}) {
  const { t } = useI18n()
  return (
    <nav className="progress" aria-label={t('form.progress')}>
      <p className="progress__label">
        <strong>{t('form.stepOf', { n: current + 1, total: titles.length })}</strong>: {titles[current]}
      </p>
      <div className="progress__bar" aria-hidden="true">
        <span style={{ width: `${((current + 1) / titles.length) * 100}%` }} />
      </div>
      <ol className="progress__steps">
        {titles.map((title, i) => (
          <li key={i} className={i === current ? 'is-current' : i < current ? 'is-done' : ''}>
            {i < current ? (
              <button type="button" className="link-button" onClick={() => onPick(i)}>
                {title}
              </button>
            ) : (
              <span aria-current={i === current ? 'step' : undefined}>{title}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  )
}

import { useEffect, useRef } from 'react'
import type { ListedError } from './error-schema'
import type { FormLocale } from './validator'

/**
 * Moves the focus to a field by its rjsf id: the input itself, or the first input inside a group (radios, address).
 * @example focusField('root_me_ho_ten')
 */
export function focusField(id: string): void {
  const element = document.getElementById(id)
  if (!element) return
  const target = element.matches('input, select, textarea, button')
    ? element
    : element.querySelector<HTMLElement>('input, select, textarea')
  ;(target ?? element).scrollIntoView({ block: 'center' })
  ;(target ?? element).focus({ preventScroll: true })
}

/** "Vui lòng sửa 2 thông tin": a list of links to each field with an error, focused when it appears. */
export function ErrorSummary({ errors, locale }: { errors: ListedError[]; locale: FormLocale }) {
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    box.current?.focus()
  }, [errors])
  const title =
    locale === 'en'
      ? `Please correct ${errors.length} ${errors.length === 1 ? 'item' : 'items'}`
      : `Vui lòng sửa ${errors.length} thông tin dưới đây`
  return (
    <div className="mc-error-summary" role="alert" tabIndex={-1} ref={box} aria-labelledby="mc-error-summary-title">
      <h2 id="mc-error-summary-title">{title}</h2>
      <ul>
        {errors.map((error, i) => (
          <li key={`${error.id}-${i}`}>
            <a
              href={`#${error.id}`}
              onClick={(event) => {
                event.preventDefault()
                focusField(error.id)
              }}
            >
              {error.label}: {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
}

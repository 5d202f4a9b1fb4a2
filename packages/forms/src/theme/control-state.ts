import { ariaDescribedByIds, type WidgetProps } from '@rjsf/utils'

/** How assistive technology reads a control: invalid when it has errors, described by its help and error. */
export const errorDescription = ({ id, rawErrors }: Pick<WidgetProps, 'id' | 'rawErrors'>) => ({
  'aria-invalid': rawErrors?.length ? true : undefined,
  'aria-describedby': ariaDescribedByIds(id),
})

/** The state every text-like control shares (input, textarea, the date and money fields). */
export const textState = (
  props: Pick<WidgetProps, 'id' | 'rawErrors' | 'disabled' | 'readonly' | 'autofocus' | 'required'>,
) => ({
  disabled: props.disabled,
  readOnly: props.readonly,
  autoFocus: props.autofocus,
  'aria-required': props.required || undefined,
  ...errorDescription(props),
})

/**
 * The `lang` of the procedure's own texts (labels, help, choices) when they are in another language than the page:
 * `'vi'` on an English page (the definition's texts are Vietnamese), otherwise none.
 */
export const contentLang = (registry: { formContext?: { contentLang?: string } }) =>
  registry.formContext?.contentLang || undefined

import type { WidgetProps } from '@rjsf/utils'
import { BaseInputTemplate } from './base-input'
import { textState } from './control-state'
import { MoneyWidget } from './money-widget'

/** Text and numbers; amounts in đồng (`format: vnd`) get the money widget. */
export function TextWidget(props: WidgetProps) {
  if (props.schema.format === 'vnd') return <MoneyWidget {...props} />
  return <BaseInputTemplate {...props} />
}

/** A textarea that grows with `ui:options.rows`. */
export function TextareaWidget(props: WidgetProps) {
  const { id, htmlName, value, options, placeholder, onChange, onBlur, onFocus } = props
  return (
    <textarea
      id={id}
      name={htmlName || id}
      className="mc-input mc-textarea"
      rows={typeof options.rows === 'number' ? options.rows : 3}
      value={typeof value === 'string' ? value : ''}
      placeholder={placeholder}
      {...textState(props)}
      onChange={(e) => onChange(e.target.value === '' ? options.emptyValue : e.target.value)}
      onBlur={(e) => onBlur(id, e.target.value)}
      onFocus={(e) => onFocus(id, e.target.value)}
    />
  )
}

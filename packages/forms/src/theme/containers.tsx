import {
  type ArrayFieldItemTemplateProps,
  type ArrayFieldTemplateProps,
  buttonId,
  descriptionId,
  getUiOptions,
  type IconButtonProps,
  type ObjectFieldTemplateProps,
  type SubmitButtonProps,
  TranslatableString,
  titleId,
} from '@rjsf/utils'
import { contentLang } from './control-state'

/**
 * An object as a fieldset with its title as legend. At the root, only the properties of the current step
 * (`formContext.visibleKeys`) are rendered; the others keep their data.
 */
export function ObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  const { title, description, properties, fieldPathId, registry, uiSchema, optionalDataControl, readonly, disabled } =
    props
  const isRoot = fieldPathId.path.length === 0
  const visible = registry.formContext?.visibleKeys as string[] | undefined
  const shown = isRoot && visible ? properties.filter((p) => visible.includes(p.name)) : properties
  const heading = getUiOptions(uiSchema).title ?? title
  if (isRoot) return <div className="mc-object mc-object--root">{shown.map((p) => p.content)}</div>
  // A step that is this one group already has its title as the page's heading: keep the legend for screen readers only.
  const isWholeStep = fieldPathId.path.length === 1 && visible?.length === 1 && visible[0] === fieldPathId.path[0]
  return (
    <fieldset className="mc-object" id={fieldPathId.$id}>
      {heading && (
        <legend id={titleId(fieldPathId)} className={isWholeStep ? 'mc-sr-only' : 'mc-legend'}>
          <span lang={contentLang(registry)}>{heading}</span>
        </legend>
      )}
      {description && (
        <p id={descriptionId(fieldPathId)} className="mc-description" lang={contentLang(registry)}>
          {description}
        </p>
      )}
      {!readonly && !disabled ? optionalDataControl : null}
      {shown.map((p) => p.content)}
    </fieldset>
  )
}

/** A list (e.g. the documents to certify) with a big "add" button under it. */
export function ArrayFieldTemplate(props: ArrayFieldTemplateProps) {
  const { canAdd, fieldPathId, uiSchema, items, onAddClick, readonly, disabled, registry, title, schema, required } =
    props
  const options = getUiOptions(uiSchema)
  const { AddButton } = registry.templates.ButtonTemplates
  const heading = options.title ?? title
  const description = options.description ?? schema.description
  return (
    <fieldset className="mc-array" id={fieldPathId.$id}>
      {heading && (
        <legend id={titleId(fieldPathId)} className="mc-legend">
          <span lang={contentLang(registry)}>{heading}</span>
          {required ? (
            <span className="mc-required" aria-hidden="true">
              {' '}
              *
            </span>
          ) : null}
        </legend>
      )}
      {description && (
        <p id={descriptionId(fieldPathId)} className="mc-description" lang={contentLang(registry)}>
          {String(description)}
        </p>
      )}
      {items.length === 0 && <p className="mc-help">{registry.translateString(TranslatableString.EmptyArray)}</p>}
      <div className="mc-array__items">{items}</div>
      {canAdd && (
        <AddButton
          id={buttonId(fieldPathId, 'add')}
          className="mc-array__add"
          onClick={onAddClick}
          disabled={disabled || readonly}
          uiSchema={uiSchema}
          registry={registry}
        >
          {typeof options.addButtonText === 'string' ? options.addButtonText : undefined}
        </AddButton>
      )}
    </fieldset>
  )
}

/** One item of a list, numbered, with its move and remove buttons under it. */
export function ArrayFieldItemTemplate(props: ArrayFieldItemTemplateProps) {
  const { children, buttonsProps, hasToolbar, index, registry } = props
  const { ArrayFieldItemButtonsTemplate } = registry.templates
  return (
    <div className="mc-array__item">
      <p className="mc-array__number">
        {registry.translateString(TranslatableString.ArrayItemTitle)} {index + 1}
      </p>
      {children}
      {hasToolbar && (
        <div className="mc-array__toolbar">
          <ArrayFieldItemButtonsTemplate {...buttonsProps} />
        </div>
      )}
    </div>
  )
}

function TextButton({
  label,
  className,
  registry: _registry,
  uiSchema: _uiSchema,
  iconType: _iconType,
  icon: _icon,
  children,
  ...rest
}: IconButtonProps & { label: string }) {
  return (
    <button type="button" className={`mc-button mc-button--secondary ${className ?? ''}`} {...rest}>
      {children ?? label}
    </button>
  )
}

const textButton = (key: TranslatableString) =>
  // biome-ignore lint/correctness/noComponentHookFactories: made once per button kind at module load, never per render
  function Button(props: IconButtonProps) {
    return <TextButton label={props.registry.translateString(key)} {...props} />
  }

/** Buttons as words, not icon fonts: "Thêm mục", "Xóa", "Chuyển lên"… */
export const ButtonTemplates = {
  AddButton: textButton(TranslatableString.AddItemButton),
  CopyButton: textButton(TranslatableString.CopyButton),
  MoveDownButton: textButton(TranslatableString.MoveDownButton),
  MoveUpButton: textButton(TranslatableString.MoveUpButton),
  RemoveButton: textButton(TranslatableString.RemoveButton),
  ClearButton: textButton(TranslatableString.ClearButton),
  // The page around the form has its own buttons (next step, review, submit).
  SubmitButton: (_props: SubmitButtonProps) => null,
}

import type { RegistryWidgetsType, TemplatesType } from '@rjsf/utils'
import { AddressWidget } from './address-widget'
import { BaseInputTemplate } from './base-input'
import { CheckboxesWidget, CheckboxWidget, RadioWidget, SelectWidget } from './choice-widgets'
import { ArrayFieldItemTemplate, ArrayFieldTemplate, ButtonTemplates, ObjectFieldTemplate } from './containers'
import { DateWidget } from './date-widget'
import { FieldTemplate } from './field-template'
import { DescriptionFieldTemplate, FieldErrorTemplate, FieldHelpTemplate } from './messages'
import { MoneyWidget } from './money-widget'
import { TextareaWidget, TextWidget } from './text-widgets'

/** The Vietnamese widgets: dd/mm/yyyy dates, numeric keyboards, money in đồng, the address picker. */
export const widgets: RegistryWidgetsType = {
  TextWidget,
  TextareaWidget,
  DateWidget,
  SelectWidget,
  RadioWidget,
  CheckboxWidget,
  CheckboxesWidget,
  MoneyWidget,
  money: MoneyWidget,
  vnd: MoneyWidget,
  AddressWidget,
  address: AddressWidget,
}

/** The templates: one column, labels above inputs, errors right under them, text buttons. */
export const templates: Partial<TemplatesType> = {
  FieldTemplate,
  BaseInputTemplate,
  FieldErrorTemplate,
  FieldHelpTemplate,
  DescriptionFieldTemplate,
  ObjectFieldTemplate,
  ArrayFieldTemplate,
  ArrayFieldItemTemplate,
  ButtonTemplates,
}

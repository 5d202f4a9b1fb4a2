export {
  allowedDeliveryMethods,
  deliveryMethodNames,
  deliveryMethods,
  POSTAL_FEE_KEY,
  postalFeeLine,
} from './delivery'
export { type FilledResultDocument, fillResultDocument, type ResultDocumentData } from './render-document'
export { dossierPlaceholders, parseTemplate, type TemplatePart, templateFilters } from './template'
export { vietnameseDate } from './vietnamese-date'

export {
  allowedDeliveryMethods,
  type DossierDelivery,
  deliveryMethodNames,
  deliveryMethods,
  POSTAL_FEE_KEY,
  type PostalAddress,
  postalFeeLine,
} from './delivery'
export { type FilledResultDocument, fillResultDocument, type ResultDocumentData } from './render-document'
export { dossierPlaceholders, parseTemplate, type TemplatePart, templateFilters } from './template'
export { vietnameseDate } from './vietnamese-date'

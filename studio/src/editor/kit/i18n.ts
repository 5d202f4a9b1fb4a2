import { type Catalogues, useMessages } from '@motcua/web-kit'
import * as common from '../../i18n/common'
import { messages } from './messages'

// The four sections' texts (components, fees, steps, test run) with the studio's common ones, in their own
// catalogue so the sections stay apart from the editor page's texts.
const pick = (i: 0 | 1) =>
  Object.fromEntries(Object.entries(messages).map(([key, pair]) => [key, pair[i]])) as Record<
    keyof typeof messages,
    string
  >

export type SectionKey = keyof typeof messages | keyof typeof common.vi
const catalogues: Catalogues<SectionKey> = {
  vi: { ...common.vi, ...pick(0) },
  en: { ...common.en, ...pick(1) },
}

/** The sections' texts in the current language: `useSections().t('fees.add')`. */
export const useSections = () => useMessages(catalogues)

import { type Catalogues, useMessages } from '@motcua/web-kit'
import { messages as sections } from '../editor/kit/messages'
import * as editor from '../editor/messages'
import * as outbox from '../outbox/messages'
import * as people from '../people/messages'
import * as plugins from '../plugins/messages'
import * as procedures from '../procedures/messages'
import * as reorganisations from '../reorganisations/messages'
import * as units from '../units/messages'
import * as common from './common'

// The editor's sections keep their texts as [Vietnamese, English] pairs.
const inLanguage = (i: 0 | 1) =>
  Object.fromEntries(Object.entries(sections).map(([key, pair]) => [key, pair[i]])) as Record<
    keyof typeof sections,
    string
  >

// One catalogue per area of the studio, so each screen's texts live beside it.
const vi = {
  ...common.vi,
  ...procedures.vi,
  ...editor.vi,
  ...inLanguage(0),
  ...people.vi,
  ...units.vi,
  ...plugins.vi,
  ...reorganisations.vi,
  ...outbox.vi,
}
const en: Record<MessageKey, string> = {
  ...common.en,
  ...procedures.en,
  ...editor.en,
  ...inLanguage(1),
  ...people.en,
  ...units.en,
  ...plugins.en,
  ...reorganisations.en,
  ...outbox.en,
}

export type MessageKey = keyof typeof vi
export const catalogues: Catalogues<MessageKey> = { vi, en }

/** The studio's texts in the current language: `useI18n().t('nav.procedures')`. */
export const useI18n = () => useMessages(catalogues)

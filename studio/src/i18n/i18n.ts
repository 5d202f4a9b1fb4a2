import { type Catalogues, useMessages } from '@motcua/web-kit'
import * as editor from '../editor/messages'
import * as people from '../people/messages'
import * as procedures from '../procedures/messages'
import * as units from '../units/messages'
import * as common from './common'

// One catalogue per area of the studio, so each screen's texts live beside it.
const vi = { ...common.vi, ...procedures.vi, ...editor.vi, ...people.vi, ...units.vi }
const en: Record<MessageKey, string> = { ...common.en, ...procedures.en, ...editor.en, ...people.en, ...units.en }

export type MessageKey = keyof typeof vi
export const catalogues: Catalogues<MessageKey> = { vi, en }

/** The studio's texts in the current language: `useI18n().t('nav.procedures')`. */
export const useI18n = () => useMessages(catalogues)

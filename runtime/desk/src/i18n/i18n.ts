import { type Catalogues, useMessages } from '@motcua/web-kit'
import * as dossier from '../dossier/messages'
import * as intake from '../intake/messages'
import * as leader from '../leader/messages'
import * as queues from '../queues/messages'
import * as common from './common'

// One catalogue per area of the desk, so each screen's texts live beside it.
const vi = { ...common.vi, ...queues.vi, ...dossier.vi, ...intake.vi, ...leader.vi }
const en: Record<MessageKey, string> = { ...common.en, ...queues.en, ...dossier.en, ...intake.en, ...leader.en }

export type MessageKey = keyof typeof vi
export const catalogues: Catalogues<MessageKey> = { vi, en }

/** The desk's texts in the current language: `useI18n().t('nav.queues')`. */
export const useI18n = () => useMessages(catalogues)

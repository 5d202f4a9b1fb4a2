import { type Catalogues, useMessages } from '@motcua/web-kit'
import { en } from './en'
import { type StatsKey, vi } from './messages'

const catalogues: Catalogues<StatsKey> = { vi, en }

/** The dashboard's texts in the portal's current language. */
export const useStatsI18n = () => useMessages(catalogues)

export { catalogues as statsCatalogues }

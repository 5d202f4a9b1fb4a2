import { createContext, useContext } from 'react'

/** A format an installed plugin contributes, as the form builder offers it: its name, message and owner. */
export interface PluginFormatChoice {
  name: string
  message: { vi: string; en: string }
  example?: string
  /** The plugin's name. */
  owner: { vi: string; en: string }
}

/** The installed plugins' formats (`GET /api/admin/plugins`), given to the form builder by the editor page. */
export const PluginFormatsContext = createContext<readonly PluginFormatChoice[]>([])

/** The installed plugins' formats a text field may use. */
export const usePluginFormats = () => useContext(PluginFormatsContext)

import type { PluginCatalogue } from '@motcua/core'
import { api, useAsync } from '@motcua/web-kit'
import { ErrorBox, Loading } from '../components/status'
import type { InstalledPlugin } from '../plugins/installed-plugin'
import type { DraftView } from './autosave'
import { Editor } from './editor'
import { type PluginFormatChoice, PluginFormatsContext } from './form/plugin-formats'

const NO_FORMATS: PluginFormatChoice[] = []

import './editor.css'

/**
 * The plugins installed (`GET /api/admin/plugins`) as the validator reads them (config schema, actions, formats,
 * lookups),
 * and their formats as the form builder offers them.
 */
async function loadPlugins(): Promise<{ catalogue: PluginCatalogue; formats: PluginFormatChoice[] } | undefined> {
  try {
    const list = await api<InstalledPlugin[]>('/api/admin/plugins')
    const catalogue = Object.fromEntries(
      list.map((p) => [
        p.slug,
        {
          configSchema: p.configSchema ?? {},
          actions: Object.keys(p.actions ?? {}),
          formats: p.formats ?? {},
          lookups: Object.fromEntries(Object.entries(p.lookups ?? {}).map(([key, l]) => [key, Object.keys(l.returns)])),
        },
      ]),
    )
    const formats = list.flatMap((p) =>
      Object.entries(p.formats ?? {}).map(([name, f]) => ({ ...f, name, owner: p.name })),
    )
    return { catalogue, formats }
  } catch {
    // without the catalogue the plugins are checked on saving, by the server
    return undefined
  }
}

/** `/studio/nhap/:id`: one draft in the editor. */
export default function EditorPage({ id }: { id: string }) {
  const draft = useAsync(() => api<DraftView>(`/api/admin/drafts/${encodeURIComponent(id)}`), [id])
  const plugins = useAsync(loadPlugins, [])
  if (draft.error) return <ErrorBox error={draft.error} onRetry={draft.reload} />
  if (!draft.value || plugins.pending) return <Loading />
  return (
    <PluginFormatsContext.Provider value={plugins.value?.formats ?? NO_FORMATS}>
      <Editor key={`${id}-${draft.value.updatedAt}`} initial={draft.value} plugins={plugins.value?.catalogue} />
    </PluginFormatsContext.Provider>
  )
}

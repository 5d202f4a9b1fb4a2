import type { PluginCatalogue } from '@motcua/core'
import { api, useAsync } from '@motcua/web-kit'
import { ErrorBox, Loading } from '../components/status'
import type { InstalledPlugin } from '../plugins/installed-plugin'
import type { DraftView } from './autosave'
import { Editor } from './editor'
import './editor.css'

/** The plugins installed (`GET /api/admin/plugins`) as the validator reads them: config schema, actions, formats. */
async function loadPlugins(): Promise<PluginCatalogue | undefined> {
  try {
    const list = await api<InstalledPlugin[]>('/api/admin/plugins')
    return Object.fromEntries(
      list.map((p) => [
        p.slug,
        { configSchema: p.configSchema ?? {}, actions: Object.keys(p.actions ?? {}), formats: p.formats ?? {} },
      ]),
    )
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
  return <Editor key={`${id}-${draft.value.updatedAt}`} initial={draft.value} plugins={plugins.value} />
}

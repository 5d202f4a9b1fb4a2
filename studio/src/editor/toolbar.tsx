import { ApiError } from '@motcua/web-kit'
import { useI18n } from '../i18n/i18n'
import type { SaveState } from './autosave'

interface ToolbarProps {
  name: string
  code: string
  save: { state: SaveState; saveNow: () => Promise<void> }
  history: { undo: () => void; redo: () => void; undoLabel: string | null; redoLabel: string | null }
  readOnly: boolean
  problems: number
  /** The newest edit is still being checked. */
  checking: boolean
  onPublish: () => void
}

const hhmm = (at: Date) =>
  at.toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' })

/** The editor's bar: the procedure, whether it is saved, undo and redo, and publishing (or why not yet). */
export function Toolbar({ name, code, save, history, readOnly, problems, checking, onPublish }: ToolbarProps) {
  const { t, pick } = useI18n()
  const { state } = save
  const blocked = problems > 0 || readOnly || checking
  return (
    <div className="editor-bar">
      <div className="editor-bar__title">
        <h1>{name}</h1>
        <p className="muted">
          <span className="badge">{t('editor.draft')}</span> {code}
        </p>
      </div>
      <p className="editor-save" role="status" aria-live="polite">
        {state.kind === 'saved' && t('editor.savedAt', { time: hhmm(state.at) })}
        {state.kind === 'saving' && t('editor.saving')}
        {state.kind === 'pending' && t('editor.pending')}
        {state.kind === 'error' && (
          <span className="editor-save--error">
            {t('editor.saveFailed', {
              message: state.error instanceof ApiError ? pick(state.error.userMessage) : String(state.error),
            })}{' '}
            <button type="button" className="link-button" onClick={() => void save.saveNow()}>
              {t('editor.saveRetry')}
            </button>
          </span>
        )}
      </p>
      {!readOnly && (
        <div className="row">
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={history.undo}
            disabled={history.undoLabel === null}
            title={history.undoLabel !== null ? t('editor.undoWhat', { label: history.undoLabel }) : undefined}
            aria-keyshortcuts="Control+Z"
          >
            ↶ {t('editor.undo')}
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={history.redo}
            disabled={history.redoLabel === null}
            title={history.redoLabel !== null ? t('editor.redoWhat', { label: history.redoLabel }) : undefined}
            aria-keyshortcuts="Control+Shift+Z Control+Y"
          >
            ↷ {t('editor.redo')}
          </button>
        </div>
      )}
      <div className="editor-publish">
        <button
          type="button"
          className="button"
          disabled={blocked}
          aria-describedby="editor-publish-why"
          onClick={onPublish}
        >
          {t('editor.publish')}
        </button>
        <p id="editor-publish-why" className={problems > 0 ? 'editor-publish__why' : 'muted'}>
          {problems > 0
            ? t('editor.publishBlocked', { count: String(problems) })
            : checking
              ? t('editor.checking')
              : t('editor.publishReady')}
        </p>
      </div>
    </div>
  )
}

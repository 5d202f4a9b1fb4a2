import { useState } from 'react'
import { type MessageKey, useI18n } from '../i18n/i18n'
import type { DossierAttachment, DossierView } from './types'

const fileUrl = (code: string, id: string, inline = false) =>
  `/api/desk/dossiers/${encodeURIComponent(code)}/files/${id}${inline ? '?inline=1' : ''}`

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`

/** The dossier's files by component, one previewed in the page: an image as it is, a PDF in a frame. */
export function Attachments({ dossier }: { dossier: DossierView }) {
  const { t } = useI18n()
  const files = dossier.attachments
  // an image shows at once; a PDF only when asked for (its viewer would take the keyboard from the shortcuts)
  const [shown, setShown] = useState<string | undefined>(files.find((f) => f.mediaType.startsWith('image/'))?.id)
  const current = files.find((f) => f.id === shown)
  const componentName = (f: DossierAttachment) =>
    f.kind === 'result'
      ? t('dossier.fileKind.result')
      : (dossier.definition.components.find((c) => c.key === f.componentKey)?.name ?? f.componentKey)
  return (
    <section aria-labelledby="dossier-files" className="dossier-section">
      <h2 id="dossier-files">{t('dossier.files')}</h2>
      {files.length === 0 ? (
        <p className="muted">{t('dossier.noFiles')}</p>
      ) : (
        <div className="dossier-files">
          <ul className="dossier-files__list" data-testid="attachments">
            {files.map((f) => (
              <li key={f.id} className={f.id === shown ? 'is-current' : undefined}>
                <span className="dossier-files__component">
                  {componentName(f)}
                  {f.kind !== 'application' && (
                    <span className="badge">{t(`dossier.fileKind.${f.kind}` as MessageKey)}</span>
                  )}
                </span>
                <span className="row">
                  <button
                    type="button"
                    className="link-button"
                    aria-pressed={f.id === shown}
                    aria-label={t('dossier.previewOf', { name: f.fileName })}
                    onClick={() => setShown(f.id)}
                  >
                    {f.fileName}
                  </button>
                  <span className="muted">{size(f.size)}</span>
                  <a href={fileUrl(dossier.receiptCode, f.id)} download={f.fileName}>
                    {t('dossier.download')}
                  </a>
                </span>
              </li>
            ))}
          </ul>
          {!current && (
            <div className="dossier-preview dossier-preview--empty" data-testid="preview">
              <p className="muted">{t('dossier.pickPreview')}</p>
            </div>
          )}
          {current && (
            <div className="dossier-preview" data-testid="preview">
              {current.mediaType.startsWith('image/') ? (
                <img src={fileUrl(dossier.receiptCode, current.id, true)} alt={current.fileName} />
              ) : current.mediaType === 'application/pdf' ? (
                <iframe
                  title={t('dossier.previewOf', { name: current.fileName })}
                  src={fileUrl(dossier.receiptCode, current.id, true)}
                />
              ) : (
                <p className="muted">{t('dossier.noPreview')}</p>
              )}
            </div>
          )}
        </div>
      )}
    </section>
  )
}

import { useState } from 'react'
import { Modal } from '../components/dialog'
import { useI18n } from '../i18n/i18n'
import type { AdminUnit } from './api'
import { CreateBlank } from './create-blank'
import { CreateCopy } from './create-copy'
import { CreateFromLibrary } from './create-from-library'
import { CreateImport } from './create-import'

type Way = 'blank' | 'library' | 'copy' | 'import'
const WAYS: Way[] = ['library', 'copy', 'import', 'blank']

/** "Tạo thủ tục": from the library, a copy of another unit's, an imported file, or from scratch; then the editor. */
export function CreateProcedureDialog({
  open,
  units,
  onClose,
  onCreated,
}: {
  open: boolean
  units: AdminUnit[]
  onClose: () => void
  onCreated: (draftId: string) => void
}) {
  const { t } = useI18n()
  const [way, setWay] = useState<Way>('library')
  const props = { units, onCreated: (draft: { id: string }) => onCreated(draft.id) }
  return (
    <Modal open={open} title={t('procedures.new.title')} onClose={onClose} wide>
      <fieldset className="ways">
        <legend className="label">{t('procedures.new.how')}</legend>
        {WAYS.map((w) => (
          <label key={w} className={w === way ? 'way way--chosen' : 'way'}>
            <input type="radio" name="way" value={w} checked={w === way} onChange={() => setWay(w)} />
            <span>
              <strong>{t(`procedures.new.way.${w}`)}</strong>
              <span className="hint">{t(`procedures.new.way.${w}.hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="way-form">
        {way === 'library' && <CreateFromLibrary {...props} />}
        {way === 'copy' && <CreateCopy {...props} />}
        {way === 'import' && <CreateImport {...props} />}
        {way === 'blank' && <CreateBlank {...props} />}
      </div>
      <div className="row dialog__actions">
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </Modal>
  )
}

/** What every way of creating a procedure receives. */
export interface CreateWayProps {
  units: AdminUnit[]
  onCreated: (draft: { id: string }) => void
}

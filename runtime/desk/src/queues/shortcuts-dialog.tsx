import { useState } from 'react'
import { Modal } from '../components/status'
import { useI18n } from '../i18n/i18n'
import { useShortcut } from '../lib/shortcuts'

/** The desk's shortcuts, listed in a dialog that `?` opens. */
export function ShortcutsDialog() {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  useShortcut('?', () => setOpen(true))
  const keys: [string[], Parameters<typeof t>[0]][] = [
    [['/'], 'queues.shortcuts.search'],
    [['j'], 'queues.shortcuts.down'],
    [['k'], 'queues.shortcuts.up'],
    [['Enter'], 'queues.shortcuts.open'],
    [['1', '9'], 'queues.shortcuts.tabs'],
    [['?'], 'queues.shortcuts.help'],
    [['Esc'], 'queues.shortcuts.escape'],
  ]
  return (
    <>
      <button type="button" className="link-button q-hint" onClick={() => setOpen(true)}>
        {t('queues.shortcuts.hint')}
      </button>
      <Modal open={open} title={t('queues.shortcuts.title')} onClose={() => setOpen(false)} closable>
        <dl className="q-keys">
          {keys.map(([k, label]) => (
            <div key={label}>
              <dt>
                {k.map((key, i) => (
                  <span key={key}>
                    {i > 0 && '–'}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </dt>
              <dd>{t(label)}</dd>
            </div>
          ))}
        </dl>
      </Modal>
    </>
  )
}

import type { Issue, PluginCatalogue } from '@motcua/core'
import { Link, navigate, useLocation } from '@motcua/web-kit'
import { useCallback, useEffect, useLayoutEffect, useState } from 'react'
import { usePageTitle } from '../components/status'
import { useI18n } from '../i18n/i18n'
import { PublishDialog } from '../procedures/publish-dialog'
import { type DraftView, useAutosave } from './autosave'
import { ComponentsSection } from './components-section'
import { FeesSection } from './fees-section'
import { type FieldPath, fieldOfPointer } from './form/form-model'
import { FormSection } from './form/form-section'
import { GeneralSection } from './general-section'
import { useHistory } from './history'
import { JsonSection } from './json-section'
import { isTab, TABS, type Tab, tabName, tabOf } from './places'
import { ProblemsPanel } from './problems-panel'
import type { SectionProps } from './section'
import { StepsSection } from './steps/steps-section'
import { TestRunSection } from './test-run-section'
import { Toolbar } from './toolbar'
import { type ServerCheck, useProblems } from './validation'

/** Scrolls to the thing a problem is about (the element whose `data-path` is the path or its nearest parent). */
function reveal(path: string) {
  const segments = path.split('/')
  for (let n = segments.length; n > 1; n--) {
    const at = segments.slice(0, n).join('/')
    const target = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(at)}"]`)
    if (!target) continue
    target.scrollIntoView({ block: 'center' })
    const control = target.matches('input, select, textarea, button')
      ? target
      : (target.querySelector<HTMLElement>('[aria-invalid="true"]') ??
        target.querySelector<HTMLElement>('input:not([disabled]), select, textarea, button'))
    ;(control ?? target).focus({ preventScroll: true })
    return
  }
}

/** The draft being edited: its history, autosave, problems, tabs and publishing. */
export function Editor({ initial, plugins }: { initial: DraftView; plugins: PluginCatalogue | undefined }) {
  const { t, pick } = useI18n()
  const { path, query } = useLocation()
  const history = useHistory(initial.definition)
  const { definition, change, undo, redo } = history
  const [awaiting, setAwaiting] = useState(!!initial.awaitingApproval)
  const [outcome, setOutcome] = useState<string | null>(null)
  // after publishing the draft is gone: nothing more to save
  const readOnly = awaiting || outcome !== null
  // the server's problems of the definition last saved (they include the owner's scope, which only it can check)
  const [server, setServer] = useState<ServerCheck>(() => ({
    definition: initial.definition,
    issues: initial.validation.issues,
  }))
  const { problems, fresh } = useProblems(definition, plugins, server)
  const onSaved = useCallback(
    (view: DraftView, sent: typeof definition) => setServer({ definition: sent, issues: view.validation.issues }),
    [],
  )
  const save = useAutosave(initial.id, definition, initial, onSaved, !readOnly)
  const [publishing, setPublishing] = useState(false)
  const [selected, setSelected] = useState<FieldPath | null>(null)
  const [jump, setJump] = useState<{ path: string; n: number } | null>(null)

  const requested = query.get('tab')
  const tab: Tab = isTab(requested) ? requested : 'chung'
  const goTo = useCallback(
    (next: Tab) => {
      const params = new URLSearchParams(window.location.search)
      params.set('tab', next)
      navigate(`${path}?${params}`, { replace: true })
    },
    [path],
  )
  const name = typeof definition.name === 'string' && definition.name ? definition.name : t('editor.untitled')
  usePageTitle(t('editor.title', { name }))

  const guardedChange: SectionProps['change'] = useCallback(
    (recipe, label, merge) => {
      if (!readOnly) change(recipe, label, merge)
    },
    [change, readOnly],
  )

  // Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y anywhere but in the JSON text (which has its own undo).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (readOnly || !(event.ctrlKey || event.metaKey) || event.altKey) return
      if ((event.target as HTMLElement | null)?.closest?.('[data-own-undo]')) return
      const key = event.key.toLowerCase()
      if (key === 'z' && !event.shiftKey) undo()
      else if ((key === 'z' && event.shiftKey) || key === 'y') redo()
      else return
      event.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [undo, redo, readOnly])

  const openProblem = (problem: Issue) => {
    const target = tabOf(problem.path)
    if (target === 'bieu-mau') setSelected(fieldOfPointer(problem.path))
    goTo(target)
    setJump((j) => ({ path: problem.path, n: (j?.n ?? 0) + 1 }))
  }
  useLayoutEffect(() => {
    if (jump) reveal(jump.path)
  }, [jump])

  const props: SectionProps = { definition, change: guardedChange, problems, readOnly }
  return (
    <div className="editor">
      <Toolbar
        name={name}
        code={initial.procedureCode}
        save={save}
        history={history}
        readOnly={readOnly}
        problems={problems.length}
        checking={!fresh}
        onPublish={async () => {
          await save.saveNow()
          setPublishing(true)
        }}
      />
      {awaiting && (
        <div className="notice notice--warn" role="status">
          <p>{t('editor.awaiting')}</p>
        </div>
      )}
      {outcome && (
        <div className="notice notice--ok" role="status">
          <p>{outcome}</p>
          <Link to={`/studio/thu-tuc/${encodeURIComponent(initial.procedureCode)}`}>{t('editor.back')}</Link>
        </div>
      )}
      <ProblemsPanel definition={definition} problems={problems} onOpen={openProblem} />
      <div className="editor-tabs" role="tablist" aria-label={t('editor.tabs')}>
        {TABS.map((each) => (
          <button
            key={each}
            type="button"
            role="tab"
            id={`tab-${each}`}
            aria-selected={each === tab}
            aria-controls="editor-panel"
            className="editor-tab"
            onClick={() => goTo(each)}
          >
            {pick(tabName(each))}
            {countIn(problems, each) > 0 && <span className="editor-tab__count">{countIn(problems, each)}</span>}
          </button>
        ))}
      </div>
      <section id="editor-panel" role="tabpanel" aria-labelledby={`tab-${tab}`} className="editor-panel">
        {tab === 'chung' && <GeneralSection {...props} />}
        {tab === 'bieu-mau' && <FormSection {...props} selected={selected} onSelect={setSelected} />}
        {tab === 'thanh-phan' && <ComponentsSection {...props} />}
        {tab === 'le-phi' && <FeesSection {...props} />}
        {tab === 'quy-trinh' && <StepsSection {...props} />}
        {tab === 'chay-thu' && <TestRunSection {...props} />}
        {tab === 'json' && <JsonSection {...props} />}
      </section>
      <PublishDialog
        draftId={initial.id}
        open={publishing}
        onClose={() => setPublishing(false)}
        onDone={(result) => {
          setPublishing(false)
          if ('published' in result) setOutcome(t('editor.published', { version: String(result.published.version) }))
          else {
            setAwaiting(true)
            setOutcome(t('editor.sentForApproval'))
          }
        }}
      />
    </div>
  )
}

const countIn = (problems: Issue[], tab: Tab) => problems.filter((p) => tabOf(p.path) === tab).length

import { Link } from '@motcua/web-kit'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useI18n } from '../i18n/i18n'
import { type AdminUnit, filterTree, type UnitNode, unitTree } from './admin-units'

/** The codes of a unit and every unit above it in the list, so the chosen unit's branch opens. */
function branchOf(code: string | undefined, units: AdminUnit[]): Set<string> {
  const byCode = new Map(units.map((u) => [u.code, u]))
  const open = new Set<string>()
  for (let at = code ? byCode.get(code) : undefined; at; at = at.parentCode ? byCode.get(at.parentCode) : undefined)
    open.add(at.code)
  return open
}

/** The administrator's units as a tree to search (without diacritics) and open, each a link to its page. */
export function UnitTree({ units, current }: { units: AdminUnit[]; current?: string | undefined }) {
  const { t } = useI18n()
  const [query, setQuery] = useState('')
  const tree = useMemo(() => unitTree(units), [units])
  const shown = useMemo(() => filterTree(tree, query), [tree, query])
  const [open, setOpen] = useState<Set<string>>(() => {
    const initial = branchOf(current, units)
    for (const root of tree) initial.add(root.code)
    return initial
  })
  const toggle = (code: string) =>
    setOpen((was) => {
      const next = new Set(was)
      if (next.has(code)) next.delete(code)
      else next.add(code)
      return next
    })
  const searching = query.trim() !== ''
  const list = useRef<HTMLDivElement>(null)
  // a unit opened by its address shows in the tree's own scroller, not at the end of a long province
  useEffect(() => {
    list.current?.querySelector('[aria-current="page"]')?.scrollIntoView({ block: 'nearest' })
  }, [current])

  const render = (nodes: UnitNode[]) => (
    <ul className="unit-tree__list">
      {nodes.map((node) => {
        const expanded = searching || open.has(node.code)
        return (
          <li key={node.code}>
            <div className="unit-tree__row">
              {node.children.length > 0 ? (
                <button
                  type="button"
                  className="unit-tree__toggle"
                  aria-expanded={expanded}
                  aria-label={t(expanded ? 'units.tree.collapse' : 'units.tree.expand', { name: node.name })}
                  onClick={() => toggle(node.code)}
                >
                  {expanded ? '−' : '+'}
                </button>
              ) : (
                <span className="unit-tree__toggle" aria-hidden="true" />
              )}
              <Link
                to={`/studio/don-vi/${encodeURIComponent(node.code)}`}
                aria-current={node.code === current ? 'page' : undefined}
              >
                {node.name}
              </Link>
              <span className="muted unit-tree__code">{node.code}</span>
            </div>
            {expanded && node.children.length > 0 && render(node.children)}
          </li>
        )
      })}
    </ul>
  )

  return (
    <nav className="unit-tree" aria-label={t('units.tree.label')}>
      <label className="label" htmlFor="unit-tree-search">
        {t('units.tree.search')}
      </label>
      <input
        id="unit-tree-search"
        type="search"
        className="input"
        placeholder={t('units.select.placeholder')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <div ref={list} className="unit-tree__scroller">
        {shown.length ? render(shown) : <p className="muted">{t('units.tree.none')}</p>}
      </div>
    </nav>
  )
}

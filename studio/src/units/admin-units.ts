import { matchesQuery } from '@motcua/core'
import { api } from '@motcua/web-kit'

/** A unit the signed-in administrator administers (`GET /api/admin/units`), parents before their children. */
export interface AdminUnit {
  code: string
  name: string
  level: string
  /** May name a unit above the administrator's part of the tree (then not in the list). */
  parentCode: string | null
}

/** A unit of the tree with the units below it. */
export interface UnitNode extends AdminUnit {
  children: UnitNode[]
}

let cached: Promise<AdminUnit[]> | undefined

/** The administrator's units, fetched once per page load (they change only with a new administrative map). */
export function loadAdminUnits(): Promise<AdminUnit[]> {
  cached ??= api<AdminUnit[]>('/api/admin/units')
  cached.catch(() => {
    cached = undefined
  })
  return cached
}

/**
 * The units as a tree: a unit whose parent is not in the list is a root (the administrator's own units).
 * @example unitTree([{ code: '22', parentCode: null, … }, { code: '193', parentCode: '22', … }]) // [{ code: '22', children: [{ code: '193', … }] }]
 */
export function unitTree(units: AdminUnit[]): UnitNode[] {
  const nodes = new Map(units.map((u) => [u.code, { ...u, children: [] as UnitNode[] }]))
  const roots: UnitNode[] = []
  for (const node of nodes.values()) {
    const parent = node.parentCode ? nodes.get(node.parentCode) : undefined
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  return roots
}

/**
 * The part of the tree that matches a search (diacritics and case ignored, by name or code): each unit that
 * matches with all its units, and the units above it so the administrator sees where it is.
 */
export function filterTree(nodes: UnitNode[], query: string): UnitNode[] {
  if (!query.trim()) return nodes
  return nodes.flatMap((node) => {
    if (matchesQuery(`${node.name} ${node.code}`, query)) return [node]
    const children = filterTree(node.children, query)
    return children.length ? [{ ...node, children }] : []
  })
}

/** A unit's name with its code, as administrators tell units apart. */
export const unitLabel = (unit: { code: string; name: string }) => `${unit.name} (${unit.code})`

import { describe, expect, it } from 'vitest'
import { type AdminUnit, filterTree, unitTree } from './admin-units'

const units: AdminUnit[] = [
  { code: '22', name: 'Tỉnh Quảng Ninh', level: 'province', parentCode: null },
  { code: 'STP', name: 'Sở Tư pháp', level: 'department', parentCode: '22' },
  { code: '193', name: 'Thành phố Hạ Long', level: 'district', parentCode: '22' },
  { code: '06649', name: 'Phường Hà Khánh', level: 'commune', parentCode: '193' },
  { code: '06652', name: 'Phường Hà Phong', level: 'commune', parentCode: '193' },
]
const codes = (nodes: ReturnType<typeof unitTree>): unknown[] =>
  nodes.map((n) => (n.children.length ? [n.code, codes(n.children)] : n.code))

describe('the administrator’s unit tree', () => {
  it('puts each unit under its parent, and a unit whose parent is not listed at the top', () => {
    expect(codes(unitTree(units))).toEqual([['22', ['STP', ['193', ['06649', '06652']]]]])
    // a ward's administrator is given its ward only, whose parent (the city) is not its to see
    expect(codes(unitTree(units.slice(3, 4)))).toEqual(['06649'])
  })

  it('finds a unit without diacritics or by code, keeping the units above it', () => {
    const tree = unitTree(units)
    expect(codes(filterTree(tree, 'ha khanh'))).toEqual([['22', [['193', ['06649']]]]])
    expect(codes(filterTree(tree, 'stp'))).toEqual([['22', ['STP']]])
    expect(codes(filterTree(tree, 'ha long'))).toEqual([['22', [['193', ['06649', '06652']]]]])
    expect(filterTree(tree, 'cam pha')).toEqual([])
  })
})

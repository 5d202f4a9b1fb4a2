// PLACEHOLDER until the UnitsPage screen lands (issue #12); replaced by its helper.
export function UnitsPage({ unitCode }: { unitCode?: string }) {
  return <p>UnitsPage {unitCode}</p>
}

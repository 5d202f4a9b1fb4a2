// PLACEHOLDER until the ProceduresPage screen lands (issue #12); replaced by its helper.
export function ProceduresPage() {
  return <p>ProceduresPage</p>
}

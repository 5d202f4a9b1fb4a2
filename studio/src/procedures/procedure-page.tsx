// PLACEHOLDER until the ProcedurePage screen lands (issue #12); replaced by its helper.
export function ProcedurePage({ code }: { code: string }) {
  return <p>ProcedurePage {code}</p>
}

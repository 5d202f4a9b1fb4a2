// PLACEHOLDER until the PeoplePage screen lands (issue #12); replaced by its helper.
export function PeoplePage() {
  return <p>PeoplePage</p>
}

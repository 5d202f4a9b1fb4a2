// PLACEHOLDER until the editor lands (issue #12); replaced by its helper.
export default function EditorPage({ id }: { id: string }) {
  return <p>EditorPage {id}</p>
}

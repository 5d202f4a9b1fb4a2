import { type Issue, type PluginCatalogue, validateDefinition } from '@motcua/core'
import { allFields, choiceOptions, schemaPointer } from './form/form-model'
import type { DraftDefinition } from './section'

/** Runs `run` measured on the performance timeline as `name` (read with `performance.getEntriesByName(name)`). */
export function timed<T>(name: string, run: () => T): T {
  performance.mark(`${name}:start`)
  try {
    return run()
  } finally {
    performance.measure(name, `${name}:start`)
  }
}

const issue = (code: string, path: string, vi: string, en: string): Issue => ({ code, path, message: { vi, en } })

/** What the builder asks beyond the format: every field has a label, every choice an option with a label. */
export function builderProblems(definition: DraftDefinition): Issue[] {
  const problems: Issue[] = []
  for (const field of allFields(definition)) {
    const at = schemaPointer(definition, field.path)
    const title = typeof field.schema?.title === 'string' ? field.schema.title.trim() : ''
    if (!title)
      problems.push(
        issue(
          'builder.noLabel',
          `${at}/title`,
          'Trường chưa có nhãn: hãy nhập nhãn để người nộp hồ sơ biết cần điền gì.',
          'The field has no label: enter one so applicants know what to fill in.',
        ),
      )
    if (field.kind === 'choice' || field.kind === 'multiChoice') {
      const options = choiceOptions(field.schema)
      if (options.length === 0)
        problems.push(
          issue('builder.noOptions', at, 'Trường lựa chọn chưa có lựa chọn nào.', 'The choice has no options.'),
        )
      else if (options.some((o) => !o.title.trim()))
        problems.push(issue('builder.optionNoLabel', at, 'Có lựa chọn chưa có nhãn.', 'An option has no label.'))
    }
  }
  return problems
}

/** The local problems of a definition: the format's (as core checks it) and the builder's. */
export function localProblems(definition: DraftDefinition, plugins: PluginCatalogue | undefined): Issue[] {
  return timed('editor:validate', () => {
    const result = validateDefinition(definition, plugins ? { plugins } : {})
    return [...(result.ok ? [] : result.issues), ...builderProblems(definition)]
  })
}

export const same = (a: Issue, b: Issue) => a.code === b.code && a.path === b.path

/**
 * The server's problems of a saved definition that the browser cannot find itself (the owner unit's scope, the
 * units the steps name), paths from the definition's root.
 */
export function scopeProblems(serverIssues: Issue[], local: Issue[]): Issue[] {
  return serverIssues
    .map((i) => ({ ...i, path: i.path.replace(/^\/definition/, '') }))
    .filter((i) => !local.some((l) => same(l, i)))
}

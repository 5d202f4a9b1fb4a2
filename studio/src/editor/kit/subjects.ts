import type { Message } from '@motcua/core'
import { type FormField, formFields, type Literal } from '../rules/form-fields'
import type { DraftDefinition } from '../section'
import { isRecord, listOf } from './keys'

/** What a simple condition may read: a form field, the channel or the case, with the values it may take. */
export type Subject = Omit<FormField, 'title'> & { title: string }

const channelNames: Record<string, Message> = {
  counter: { vi: 'Nộp trực tiếp', en: 'At the counter' },
  online: { vi: 'Nộp trực tuyến', en: 'Online' },
  post: { vi: 'Qua bưu chính công ích', en: 'By post' },
}

/**
 * The subjects a condition of this definition may read, in the language shown: the channel, the case (when the
 * procedure has cases and `withCase`), the form's fields, and for guards (`withDecisions`) the officers' decisions.
 */
export function ruleSubjects(
  definition: DraftDefinition,
  pick: (message: Message) => string,
  { withCase = true, withDecisions = false }: { withCase?: boolean; withDecisions?: boolean } = {},
): Subject[] {
  const subjects: Subject[] = [
    {
      path: 'channel',
      title: pick({ vi: 'Kênh nộp hồ sơ', en: 'How the dossier is filed' }),
      type: 'string',
      options: Object.entries(channelNames).map(([value, name]) => ({ value, label: pick(name) })),
    },
  ]
  const cases = listOf<unknown>(definition.cases).filter(isRecord)
  if (withCase && cases.length > 0)
    subjects.push({
      path: 'case',
      title: pick({ vi: 'Trường hợp', en: 'Case' }),
      type: 'string',
      options: cases.map((c) => ({ value: String(c.key), label: String(c.name ?? c.key) })),
    })
  const schema = isRecord(definition.form) ? definition.form.schema : undefined
  subjects.push(...formFields(schema))
  if (withDecisions) subjects.push(...decisionSubjects(definition))
  return subjects
}

/** What officers entered with earlier actions (`decision.<action>.<field>`), which guards may read. */
export function decisionSubjects(definition: DraftDefinition): Subject[] {
  const lists = [definition.steps, ...listOf<unknown>(definition.cases).map((c) => (isRecord(c) ? c.steps : []))]
  const seen = new Map<string, Subject>()
  for (const step of lists.flatMap((l) => listOf<unknown>(l)))
    for (const action of isRecord(step) ? listOf<unknown>(step.actions) : []) {
      if (!isRecord(action) || typeof action.key !== 'string' || !isRecord(action.input)) continue
      const fields = formFields({ properties: action.input.properties }, `decision.${action.key}`, [
        typeof action.label === 'string' ? action.label : action.key,
      ])
      for (const field of fields) if (!seen.has(field.path)) seen.set(field.path, field)
    }
  return [...seen.values()]
}

/** The value a new condition on `subject` starts with. */
export const defaultValue = (subject: Subject | undefined): Literal =>
  subject?.options?.[0]?.value ?? (subject?.type === 'boolean' ? true : subject?.type === 'string' ? '' : 0)

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
 * procedure has cases and `withCase`), then the form's fields.
 */
export function ruleSubjects(
  definition: DraftDefinition,
  pick: (message: Message) => string,
  { withCase = true }: { withCase?: boolean } = {},
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
  return subjects
}

/** The value a new condition on `subject` starts with. */
export const defaultValue = (subject: Subject | undefined): Literal =>
  subject?.options?.[0]?.value ?? (subject?.type === 'boolean' ? true : subject?.type === 'string' ? '' : 0)

import { createAjv } from '../ajv/index'
import type { Issue } from '../errors'
import { issue } from './issue'
import type { ProcedureDefinition } from './procedure-definition.generated'

/** The form schema compiles under ajv strict mode with motcua's formats (the same ajv the runtime uses). */
export function checkFormSchema(def: ProcedureDefinition): Issue[] {
  try {
    // A fresh instance: a schema `$id` must not collide with an earlier definition's.
    const validate = createAjv().compile(def.form.schema)
    if ((validate as { $async?: unknown }).$async === true) {
      return [formSchemaIssue('$async schemas are not supported', 'Không hỗ trợ lược đồ bất đồng bộ ($async)')]
    }
    return []
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return [formSchemaIssue(message)]
  }
}

const formSchemaIssue = (error: string, vi = error): Issue =>
  issue(
    'form.schema.invalid',
    '/form/schema',
    `Lược đồ biểu mẫu không hợp lệ (ajv strict): ${vi}`,
    `The form schema does not compile under ajv strict mode: ${error}`,
    { error },
  )
